"""django-axes helpers: which address a login attempt comes from."""

import math

from django.conf import settings


def client_ip(request):
    """The visitor's address: REMOTE_ADDR, or the header the proxy in front sets (AXES_CLIENT_IP_HEADER).

    Behind nginx use HTTP_X_REAL_IP (set from $remote_addr). If a list such as X-Forwarded-For is
    used, only its last entry, the one our own proxy added, is trusted: the others come from the client.
    """
    header = getattr(settings, "AXES_CLIENT_IP_HEADER", "REMOTE_ADDR")
    address = request.META.get(header) or request.META.get("REMOTE_ADDR") or ""
    return address.split(",")[-1].strip() or None


def lockout_response(request, original_response=None, credentials=None):
    """The page shown instead of the admin when a username is locked out from an address (HTTP 429)."""
    from axes.helpers import get_cool_off, get_failure_limit
    from django.shortcuts import render

    cool_off = get_cool_off(request)
    minutes = math.ceil(cool_off.total_seconds() / 60) if cool_off else None
    response = render(
        request,
        "staff_auth/locked_out.html",
        {"failure_limit": get_failure_limit(request, credentials), "minutes": minutes},
        status=settings.AXES_HTTP_RESPONSE_CODE,
    )
    response["Cache-Control"] = "private, no-store"
    return response
