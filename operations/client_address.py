"""The visitor's address, learnt one way for the whole site: the advice form's rate limit and the staff
sign-in lock-out (django-axes, through AXES_CLIENT_IP_CALLABLE) both ask `client_address(request)`.

One trust rule, from settings.CLIENT_ADDRESS_HEADER:

- None ("no proxy"): REMOTE_ADDR, the peer of the TCP connection. Only right when gunicorn faces
  the visitors itself; behind a proxy every visitor would share the proxy's address.
- A header name, e.g. "X-Real-IP": that header only, and only on a request whose peer is one of
  CLIENT_ADDRESS_TRUSTED_PROXIES (a client that reaches gunicorn's port directly would otherwise
  choose its address at each request), as the proxy in front sets it from the
  connection's peer, overwriting whatever the client sent (deploy/nginx.conf). No other header is
  ever read. If the header holds a list (X-Forwarded-For), only its right-most entry counts: the one
  our proxy appended; every entry to its left was written by the client and can be anything.
  A request without the header did not come through the proxy (a probe talking to gunicorn
  directly), so its REMOTE_ADDR is the peer; a value that is not an address means the proxy is
  misconfigured, and REMOTE_ADDR is used rather than a string the client may have chosen.
"""

import ipaddress

from django.conf import settings


def meta_key(header):
    """The WSGI environ key of an HTTP header: "X-Real-IP" → "HTTP_X_REAL_IP"."""
    return "HTTP_" + header.upper().replace("-", "_")


def parse_address(value):
    try:
        return str(ipaddress.ip_address(value.strip()))
    except ValueError:
        return None


def is_trusted_proxy(address):
    if not address:
        return False
    for proxy in settings.CLIENT_ADDRESS_TRUSTED_PROXIES:
        try:
            if ipaddress.ip_address(address) in ipaddress.ip_network(proxy, strict=False):
                return True
        except ValueError:
            continue
    return False


def client_address(request):
    """The visitor's address as a normalised string, by the rule above; "" if none can be learnt."""
    peer = parse_address(request.META.get("REMOTE_ADDR", "")) or ""
    header = getattr(settings, "CLIENT_ADDRESS_HEADER", None)
    if not header or not is_trusted_proxy(peer):
        return peer
    value = request.META.get(meta_key(header))
    if not value:
        return peer
    return parse_address(value.split(",")[-1]) or peer
