"""Bad inputs for `make reliability`: property-based (hypothesis), sent over real HTTP to nginx + gunicorn.

Every public URL and form gets generated garbage: paths, query strings, headers, cookies, form
bodies, oversized values, bytes that are not UTF-8, right-to-left overrides, markup. Each answer must
hold these properties:

- no 5xx (the site's, or nginx's for a crashed or hung worker), and an answer at all;
- no traceback, and no injected markup reflected unescaped (`<x-probe`, or a quote that broke out);
- no redirect off the site, and none slower than SLOW seconds;
- the caller checks the database afterwards: nothing stored but queries the form accepted, and
  nothing in them a form should have refused.

Requests are built byte by byte on a raw socket (so a path or header may carry any byte), one
connection each. Each generated POST comes from an address of its own in 127.0.0.0/8, so nginx's
per-address limit on form posts is honoured rather than switched off. The categories are shared out
between a few processes; hypothesis runs derandomised, so a run is repeatable.
"""

import multiprocessing
import os
import re
import socket
import time
import traceback
import urllib.parse
import zlib

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

SLOW = 10.0
# To work on the suite: RELIABILITY_BAD_INPUTS_SCALE=0.1 tries a tenth of the examples.
SCALE = float(os.environ.get("RELIABILITY_BAD_INPUTS_SCALE", "1"))
MARKERS = (b"<x-probe", b'x"x-probe-q', b"x'x-probe-s")
INJECTIONS = [
    "<x-probe>", '"><x-probe>', "x\"x-probe-q", "x'x-probe-s", "</textarea><x-probe>", "</script><x-probe>",
    "<x-probe onmouseover=alert(1)>", "<!--<x-probe>-->", "<svg/onload=x-probe>", "javascript:x-probe",
]
NASTY = [
    "", " ", "\x00", "a\x00b", "\r\n", "\n", "\t", "\x1b[31m", "\x7f", "\x85", "\u0080", "\u009f",
    "\u202e", "\u202egnp.exe", "abc\u202edef", "\u2066x\u2069", "\u202a\u202b\u202c\u202d", "\u200f", "\u200e",
    "\ufeff", "\ufffd", "\ufffe", "\uffff", "\U0010ffff", "\ud800", "\udfff", "\u0301" * 50, "Z\u0351" * 30,
    "{{ 7|add:7 }}", "{% debug %}", "${7*7}", "#{7*7}", "%(name)s", "{0.__class__}",
    "' OR '1'='1", "1; DROP TABLE advice_advicequery; --", "\\", "\\'", '"', "'", "`", ";", "|",
    "../../../../etc/passwd", "..%2f..%2f..%2fetc%2fpasswd", "%2e%2e/", "..\\..\\", "/etc/passwd\x00.pdf",
    "//evil.example", "/\\evil.example", "\\\\evil.example", "http://evil.example/", "https:evil.example",
    "javascript:alert(1)", "data:text/html,<x-probe>", "mailto:a@b",
    "%", "%%", "%zz", "%0", "%c0%af", "%ff%fe", "%00", "%0d%0a", "+", "&", "=", "&&==", "#", "?", "*", "~",
    "-1", "0", "00", "1e9", "9" * 40, "-" + "9" * 30, "0x10", "NaN", "inf", "١٢٣", "²", "½", "Ⅻ", "𝟗",
    "true", "null", "None", "[]", "{}", "[object Object]", "\u0627\u0644\u0639\u0631\u0628\u064a\u0629",
    "𝕏𝔶𝔷", "ﷺ", "👩‍👩‍👧‍👦", "ß", "İ", "ﬃ", "Ǆ", "\u2028", "\u2029", "\u00a0", "\u3000",
]
ENCODINGS = ["quote", "quote", "quote", "quote", "raw", "latin-1", "surrogates", "invalid"]
INVALID_UTF8 = [b"\xff", b"\xfe\xff", b"\xc0\xaf", b"\xe0\x80\xaf", b"\xed\xa0\x80", b"\xf4\x90\x80\x80", b"\x80", b"\xc3"]
LANGUAGES = ["ar", "en", "es", "fr", "pt"]

_text = st.one_of(
    st.sampled_from(NASTY),
    st.sampled_from(INJECTIONS),
    st.text(max_size=30),
    st.text(alphabet=st.characters(codec=None, exclude_categories=()), max_size=20),
    st.builds(lambda a, b, c: a + b + c, st.text(max_size=8), st.sampled_from(INJECTIONS + NASTY), st.text(max_size=8)),
)


def repeated(lengths):
    return st.builds(lambda unit, count: ((unit or "A") * count)[:count],
                     st.sampled_from(NASTY + INJECTIONS + ["A", "ا"]), lengths)


# Mostly values of a size a URL or a header can carry, so that most bad inputs reach the site
# rather than nginx's 414; some oversized, for nginx's limits and the forms' own.
long_text = repeated(st.integers(min_value=100, max_value=2000))
huge_text = repeated(st.integers(min_value=2000, max_value=40000))
text_values = st.one_of(_text, _text, _text, _text, _text, long_text, huge_text)
url_text = st.one_of(*[_text] * 10, repeated(st.integers(min_value=50, max_value=300)))


def encode(value, how):
    """A text as bytes, the way a broken or hostile client might send it."""
    if how == "quote":
        return urllib.parse.quote(value, safe="", encoding="utf-8", errors="surrogatepass").encode("ascii")
    if how == "raw":
        # UTF-8 bytes as they are (nginx passes them on); controls and spaces, which nginx refuses
        # in a request line since 1.21.1, percent-encoded so that the input reaches the site.
        data = value.encode("utf-8", "surrogatepass")
        return b"".join(b"%%%02X" % byte if byte <= 0x20 or byte in (0x7F, 0x23) else bytes([byte]) for byte in data)
    if how == "latin-1":
        return urllib.parse.quote(value.encode("latin-1", "replace"), safe="").encode("ascii")
    if how == "surrogates":
        return urllib.parse.quote(value.encode("utf-16-le", "surrogatepass"), safe="").encode("ascii")
    # invalid UTF-8 spliced into the value, percent-encoded
    data = value.encode("utf-8", "surrogatepass")
    middle = len(data) // 2
    return urllib.parse.quote(data[:middle] + b"".join(INVALID_UTF8[:1 + len(data) % len(INVALID_UTF8)]) + data[middle:], safe="").encode("ascii")


encoded = st.builds(encode, url_text, st.sampled_from(ENCODINGS))
def header_bytes(value, encoding):
    """A header value: any text, control characters (which nginx refuses outright) replaced."""
    data = value.encode(encoding, "surrogatepass" if encoding == "utf-8" else "replace")
    return bytes(byte if byte >= 0x20 and byte != 0x7F or byte == 0x09 else 0x3F for byte in data)


header_value = st.one_of(
    *[st.builds(header_bytes, url_text, st.sampled_from(["utf-8", "utf-8", "latin-1"]))] * 12,
    # now and then what nginx itself refuses: controls as they are, a header larger than its buffers
    st.builds(lambda v: v.encode("utf-8", "surrogatepass").replace(b"\r", b"").replace(b"\n", b""), url_text),
    st.sampled_from([b"\xff\xfe", b"\xc0\xaf", b" ", b"\x00", b"\x7f", b"a" * 9000]),
)


def query_string(keys):
    """Up to four parameters, known names or not; now and then one far too long for a URL."""
    pair = st.tuples(st.one_of(st.sampled_from(keys), encoded), encoded)
    huge = st.integers(0, 15).flatmap(
        lambda n: st.builds(lambda key, value: [(key, encode(value, "quote"))], st.sampled_from(keys), huge_text)
        if n == 0 else st.just([]))
    return st.builds(lambda pairs, extra, sep: sep.join(k + b"=" + v for k, v in pairs + extra),
                     st.lists(pair, min_size=1, max_size=4), huge, st.sampled_from([b"&", b";", b"&&"]))


class Response:
    def __init__(self, status, headers, body, seconds):
        self.status, self.headers, self.body, self.seconds = status, headers, body, seconds

    def header(self, name):
        return self.headers.get(name.lower(), b"")


class Client:
    """A raw HTTP/1.1 client: one connection per request, any bytes in any place."""

    def __init__(self, port, worker):
        self.port = port
        self.worker = worker
        self.next_address = 0
        self.requests = 0
        self.max_seconds = 0.0
        self.accepted_posts = 0
        self.statuses = {}
        self.reflected_escaped = 0  # answers that echoed an injected tag, escaped: the check has teeth

    def source_address(self):
        """A fresh loopback address for each POST: 127.(20 + worker).x.y."""
        self.next_address += 1
        high, low = divmod(self.next_address, 250)
        return (f"127.{20 + self.worker}.{high % 250 + 1}.{low + 1}", 0)

    def send(self, method, target, headers=(), body=None, host=None, fresh_address=False):
        host = host if host is not None else f"127.0.0.1:{self.port}".encode()  # b"": a request with an empty Host
        payload = request_bytes(method, target, headers, body, host)
        started = time.monotonic()
        data = self.exchange(payload, fresh_address or method == b"POST")
        seconds = time.monotonic() - started
        self.requests += 1
        self.max_seconds = max(self.max_seconds, seconds)
        response = parse(data, seconds, method == b"HEAD")
        self.reflected_escaped += b"&lt;x-probe" in response.body.lower()
        key = f"{response.status} {who_answered(response)}"
        self.statuses[key] = self.statuses.get(key, 0) + 1
        return response

    def exchange(self, payload, fresh_address):
        """Sends the request on a connection of its own; every byte of the answer, until the server closes."""
        data = b""
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as connection:
            connection.settimeout(SLOW * 3)
            if fresh_address:
                connection.bind(self.source_address())
            connection.connect(("127.0.0.1", self.port))
            try:
                connection.sendall(payload)
            except (BrokenPipeError, ConnectionResetError):
                pass  # nginx may answer (413) and close before an oversized body is all sent
            try:
                while chunk := connection.recv(65536):
                    data += chunk
            except ConnectionResetError:
                pass
        return data


def request_bytes(method, target, headers, body, host):
    lines = [method + b" " + target + b" HTTP/1.1", b"Host: " + host]
    lines.extend(name + b": " + value for name, value in headers)
    if body is not None:
        lines.append(b"Content-Length: " + str(len(body)).encode())
    lines.append(b"Connection: close")
    return b"\r\n".join(lines) + b"\r\n\r\n" + (body or b"")


def who_answered(response):
    """nginx's and gunicorn's own error pages say so; everything else came from the site."""
    if b"<center>nginx</center>" in response.body:
        return "nginx"
    if response.status >= 400 and b"<h1><p>" in response.body:
        return "gunicorn"
    return "site"


def parse(data, seconds, head=False):
    head_part, _, body = data.partition(b"\r\n\r\n")
    lines = head_part.split(b"\r\n")
    match = re.match(rb"HTTP/1\.[01] (\d{3})", lines[0]) if lines else None
    if not match:
        return Response(0, {}, data, seconds)
    headers = {}
    for line in lines[1:]:
        name, _, value = line.partition(b":")
        headers[name.strip().lower().decode("latin-1")] = value.strip()
    if head:
        body = b""
    elif headers.get("transfer-encoding", b"").lower() == b"chunked":
        body = dechunk(body)
    if headers.get("content-encoding", b"").lower() == b"gzip" and body:
        try:
            body = zlib.decompress(body, 16 + zlib.MAX_WBITS)
        except zlib.error:
            pass
    return Response(int(match.group(1)), headers, body, seconds)


def dechunk(body):
    out = b""
    while body:
        size_line, _, rest = body.partition(b"\r\n")
        try:
            size = int(size_line.split(b";")[0], 16)
        except ValueError:
            return out + body
        if size == 0:
            break
        out += rest[:size]
        body = rest[size + 2:]
    return out


def check(response, client, what):
    """The properties every answer to a bad input must have; an AssertionError says which failed."""
    assert response.status != 0, f"{what}: no HTTP answer ({response.body[:120]!r})"
    assert response.status < 500, f"{what}: {response.status} ({response.body[:300]!r})"
    assert b"Traceback" not in response.body, f"{what}: a traceback in the answer"
    lowered = response.body.lower()
    for marker in MARKERS:
        assert marker not in lowered, f"{what}: {marker!r} reflected unescaped (status {response.status})"
    location = response.header("location").decode("latin-1")
    if location:
        check_redirect_stays_on_site(location, client, what)
    assert response.seconds < SLOW, f"{what}: answered in {response.seconds:.1f} s"


def check_redirect_stays_on_site(location, client, what):
    assert not re.match(r"^\s*(//|/\\|\\)", location), f"{what}: redirect off the site to {location!r}"
    parts = urllib.parse.urlsplit(location)
    assert parts.scheme in ("", "http", "https"), f"{what}: redirect to {location!r}"
    assert parts.netloc in ("", f"127.0.0.1:{client.port}", "127.0.0.1", "localhost"), f"{what}: redirect off the site to {location!r}"


def csrf_pair(client, path):
    """A CSRF cookie and a form token from a GET of the form's page, plus the form's signed timestamp."""
    response = client.send(b"GET", path.encode())
    cookie = re.search(rb"csrftoken=([^;]+)", response.header("set-cookie"))
    token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', response.body)
    started = re.search(rb'name="started" value="([^"]+)"', response.body)
    if not (cookie and token):
        raise RuntimeError(f"no CSRF token on {path} (status {response.status})")
    return cookie.group(1), token.group(1), started.group(1) if started else b""


VALID_QUERY = {
    "name": "Amina Rahman",
    "position": "Legal adviser",
    "institution": "Ministry of Justice",
    "country": "CH",
    "email": "amina.rahman@example.org",
    "phone": "+41 22 000 00 00",
    "topic": "training",
    "question": "How do other states organise training for prison staff?",
    "preferred_language": "fr",
    "consent": "on",
    "website": "",
}
FORM_FIELDS = list(VALID_QUERY) + ["started", "csrfmiddlewaretoken"]
CHARSETS = ["utf-8", "latin-1", "utf-16", "utf-32", "ascii", "rot13", "base64", "hex", "zlib", "idna", "punycode",
            "utf-7", "x-unknown", "", "utf-8\x00", "utf8;q=1"]


def settings_for(examples):
    return settings(
        max_examples=max(1, int(examples * SCALE)), deadline=None, derandomize=True, database=None, print_blob=False,
        suppress_health_check=list(HealthCheck), phases=[Phase.explicit, Phase.generate, Phase.shrink],
        report_multiple_bugs=False,
    )


def categories(client, targets):
    """{name: (examples, test)}: one hypothesis test per kind of input."""
    pages = targets["pages"]
    every_path = pages + targets["library"] + targets["search"] + targets["advice"]

    def test_paths(examples):
        prefixes = st.sampled_from(["", "/en", "/ar", "/es", "/fr", "/pt", "/admin", "/documents", "/static",
                                    "/media", "/media/images", "/language", "/search", "/en/search", "/sitemap.xml",
                                    "/healthz", "/readyz", "/robots.txt"] + [p.rstrip("/") for p in pages[:40]])
        segments = st.lists(st.one_of(encoded, st.sampled_from([b"..", b".", b"", b"%2e%2e", b"%2F", b";", b"~"])), max_size=5)

        @settings_for(examples)
        @given(prefixes, segments, st.booleans(), st.sampled_from([b"GET", b"GET", b"HEAD", b"POST"]))
        def run(prefix, parts, slash, method):
            target = prefix.encode() + b"/" + b"/".join(parts) + (b"/" if slash and parts else b"")
            check(client.send(method, target, body=b"" if method == b"POST" else None), client, f"{method.decode()} {target[:200]!r}")

        return run

    def test_page_queries(examples):
        @settings_for(examples)
        @given(st.sampled_from(every_path), query_string([b"page", b"q", b"sent", b"untranslated", b"lang", b"next", b"format", b"utm_source"]))
        def run(path, query):
            target = path.split("?")[0].encode() + b"?" + query
            check(client.send(b"GET", target), client, f"GET {target[:200]!r}")

        return run

    def test_library(examples):
        @settings_for(examples)
        @given(st.sampled_from(targets["library"]), query_string([b"q", b"topic", b"kind", b"language", b"year", b"page"]))
        def run(path, query):
            target = path.split("?")[0].encode() + b"?" + query
            check(client.send(b"GET", target), client, f"GET {target[:200]!r}")

        return run

    def test_search(examples):
        @settings_for(examples)
        @given(st.sampled_from(LANGUAGES), encoded, st.one_of(st.none(), encoded))
        def run(language, q, page):
            target = f"/{language}/search/?q=".encode() + q + (b"&page=" + page if page is not None else b"")
            check(client.send(b"GET", target), client, f"GET {target[:200]!r}")

        return run

    def test_headers(examples):
        names = st.sampled_from([b"Accept-Language", b"Accept-Language", b"User-Agent", b"Referer", b"Accept",
                                 b"Accept-Encoding", b"If-None-Match", b"If-Modified-Since", b"Range", b"Content-Type",
                                 b"X-Forwarded-For", b"X-Forwarded-Host", b"X-Forwarded-Proto", b"X-Real-IP",
                                 b"Origin", b"Authorization", b"X-Requested-With", b"Cookie", b"Forwarded", b"X-x-probe"])

        @settings_for(examples)
        @given(st.sampled_from(["/"] + every_path + targets["documents"] + targets["static"]),
               st.lists(st.tuples(names, header_value), min_size=1, max_size=5))
        def run(path, headers):
            response = client.send(b"GET", path.encode(), headers=headers)
            check(response, client, f"GET {path} with {headers!r:.300}")

        return run

    def test_host(examples):
        hosts = st.one_of(header_value, st.sampled_from([b"", b"evil.example", b"127.0.0.1:1", b"localhost:x",
                                                         b"127.0.0.1.", b"[::1]", b"xn--e1a", b"a" * 300]))

        @settings_for(examples)
        @given(st.sampled_from(["/", "/en/", "/robots.txt", "/sitemap.xml"] + targets["advice"]), hosts)
        def run(path, host):
            check(client.send(b"GET", path.encode(), host=host), client, f"GET {path} with Host {host!r:.100}")

        return run

    def test_cookies(examples):
        cookie_names = st.sampled_from([b"cti_language", b"csrftoken", b"sessionid", b"messages", b"wagtail_x",
                                        b"x-probe", b"__Host-x", b""])
        cookie = st.builds(lambda pairs, sep: sep.join(n + b"=" + v for n, v in pairs),
                           st.lists(st.tuples(cookie_names, st.one_of(encoded, header_value)), min_size=1, max_size=4),
                           st.sampled_from([b"; ", b";", b", "]))

        @settings_for(examples)
        @given(st.sampled_from(["/", "/en/", "/ar/"] + targets["advice"] + targets["switch"] + pages[:20]), cookie)
        def run(path, cookie_header):
            response = client.send(b"GET", path.encode(), headers=[(b"Cookie", cookie_header)])
            check(response, client, f"GET {path} with Cookie {cookie_header[:200]!r}")

        return run

    def test_advice_form(examples):
        tokens = {path: csrf_pair(client, path) for path in targets["advice"]}

        @st.composite
        def submissions(draw):
            path = draw(st.sampled_from(targets["advice"]))
            csrf_cookie, csrf_token, started = tokens[path]
            fields = [(name.encode(), value.encode()) for name, value in VALID_QUERY.items()]
            fields += [(b"started", started), (b"csrfmiddlewaretoken", csrf_token)]
            for name in draw(st.lists(st.sampled_from(FORM_FIELDS + ["x-probe", "name[]", ""]), min_size=1, max_size=4, unique=True)):
                action = draw(st.sampled_from(["replace", "replace", "replace", "delete", "duplicate"]))
                key = name.encode()
                if action == "delete":
                    fields = [(k, v) for k, v in fields if k != key]
                    continue
                value = draw(text_values)
                how = draw(st.sampled_from(["utf-8", "utf-8", "latin-1", "invalid"]))
                raw = {"utf-8": value.encode("utf-8", "surrogatepass"),
                       "latin-1": value.encode("latin-1", "replace"),
                       "invalid": value.encode("utf-8", "surrogatepass") + draw(st.sampled_from(INVALID_UTF8))}[how]
                if action == "replace":
                    fields = [(k, v) for k, v in fields if k != key]
                fields.append((key, raw))
            form = draw(st.sampled_from(["urlencoded", "urlencoded", "urlencoded", "multipart", "charset", "garbage"]))
            headers = [(b"Cookie", b"csrftoken=" + csrf_cookie)]
            if form == "multipart":
                boundary = draw(st.sampled_from([b"x-boundary", b"", b"\xff", b"a" * 80, b'"q"']))
                parts = b"".join(
                    b"--" + boundary + b"\r\nContent-Disposition: form-data; name=\"" + k + b"\"\r\n\r\n" + v + b"\r\n"
                    for k, v in fields
                )
                body = parts + b"--" + boundary + b"--\r\n"
                headers.append((b"Content-Type", b"multipart/form-data; boundary=" + boundary))
            else:
                body = b"&".join(urllib.parse.quote_from_bytes(k).encode() + b"=" + urllib.parse.quote_from_bytes(v).encode()
                                 for k, v in fields)
                content_type = b"application/x-www-form-urlencoded"
                if form == "charset":
                    content_type += b"; charset=" + draw(st.sampled_from(CHARSETS)).encode()
                elif form == "garbage":
                    content_type = draw(header_value)
                    body = draw(st.one_of(st.binary(max_size=2000), st.just(body)))
                headers.append((b"Content-Type", content_type))
            return path, headers, body

        @settings_for(examples)
        @given(submissions())
        def run(submission):
            path, headers, body = submission
            response = client.send(b"POST", path.encode(), headers=headers, body=body)
            check(response, client, f"POST {path} {body[:300]!r}")
            assert response.status != 429, f"POST {path}: rate limited although each post has an address of its own"
            if response.status == 302:
                assert response.header("location").endswith(b"?sent=1"), f"POST {path}: redirected to {response.header('location')!r}"
                client.accepted_posts += 1

        return run

    def test_switcher(examples):
        @settings_for(examples)
        @given(st.one_of(st.sampled_from([code.encode() for code in LANGUAGES]), encoded),
               st.one_of(st.none(), encoded, st.sampled_from([str(n).encode() for n in targets["page_ids"][:20]] + [b"%D9%A1", b"%C2%B2", b"99999999999999999999"])),
               st.one_of(st.none(), encoded, st.sampled_from([b"//evil.example/", b"/en//evil.example", b"/\\evil.example",
                                                               b"http://evil.example/en/", b"/en/%0d%0aSet-Cookie:x=1", b"/en/../../"])))
        def run(code, page, next_url):
            query = b"&".join(part for part in [b"page=" + page if page is not None else b"",
                                                 b"next=" + next_url if next_url is not None else b""] if part)
            target = b"/language/" + code + b"/" + (b"?" + query if query else b"")
            check(client.send(b"GET", target), client, f"GET {target[:200]!r}")

        return run

    def test_documents(examples):
        documents = targets["documents"]

        @settings_for(examples)
        @given(st.sampled_from(documents), st.one_of(st.none(), encoded, st.sampled_from([b"0", b"-1", b"99999999999999999999", b"%31"])),
               st.one_of(st.none(), encoded), st.lists(st.tuples(st.sampled_from([b"If-None-Match", b"If-Modified-Since", b"Range", b"If-Range"]), header_value), max_size=2))
        def run(document, new_id, new_name, headers):
            _empty, _documents, number, name = document.split("/", 3)
            target = b"/documents/" + (new_id if new_id is not None else number.encode()) + b"/" + (new_name if new_name is not None else name.encode())
            check(client.send(b"GET", target, headers=headers), client, f"GET {target[:200]!r} {headers!r:.200}")

        return run

    def test_misc(examples):
        paths = ["/sitemap.xml", "/robots.txt", "/healthz", "/readyz", "/admin/", "/admin/login/"] + targets["static"] + targets["images"]

        @settings_for(examples)
        @given(st.sampled_from(paths), st.sampled_from([b"GET", b"HEAD", b"OPTIONS", b"PUT", b"DELETE", b"PATCH", b"TRACE",
                                                         b"PROPFIND", b"X-PROBE", b"get"]),
               st.one_of(st.none(), query_string([b"q", b"next", b"v"])), st.one_of(st.none(), st.binary(max_size=500)))
        def run(path, method, query, body):
            target = path.encode() + (b"?" + query if query is not None else b"")
            check(client.send(method, target, body=body), client, f"{method.decode()} {target[:200]!r}")

        return run

    def test_admin_forms(examples):
        login_cookie, login_token, _ = csrf_pair(client, "/admin/login/")
        forms = st.sampled_from([("/admin/login/", [b"username", b"password", b"next"]),
                                 ("/admin/password_reset/", [b"email"])])

        @settings_for(examples)
        @given(forms, st.lists(encoded, min_size=3, max_size=3), st.one_of(st.none(), encoded))
        def run(form, values, next_url):
            path, names = form
            body = b"&".join([b"csrfmiddlewaretoken=" + login_token] + [n + b"=" + v for n, v in zip(names, values)])
            target = path.encode() + (b"?next=" + next_url if next_url is not None else b"")
            response = client.send(b"POST", target, body=body, headers=[
                (b"Cookie", b"csrftoken=" + login_cookie), (b"Content-Type", b"application/x-www-form-urlencoded")])
            check(response, client, f"POST {target[:200]!r} {body[:200]!r}")

        return run

    return {
        "paths": (700, test_paths),
        "page query strings": (600, test_page_queries),
        "library filters": (700, test_library),
        "search": (600, test_search),
        "headers": (600, test_headers),
        "host header": (100, test_host),
        "cookies": (400, test_cookies),
        "advice form": (1000, test_advice_form),
        "language switcher": (400, test_switcher),
        "documents": (200, test_documents),
        "other URLs and methods": (300, test_misc),
        "admin login and password reset": (60, test_admin_forms),
    }


SHARDS = [
    ["advice form", "admin login and password reset", "documents", "other URLs and methods"],
    ["library filters", "search", "language switcher", "cookies"],
    ["paths", "page query strings", "headers", "host header"],
]


def run_shard(worker, port, targets, names, queue):
    client = Client(port, worker)
    results = []
    for name in names:
        before = client.requests
        started = time.monotonic()
        error = None
        try:
            examples, factory = categories(client, targets)[name]
            factory(examples)()
        except Exception as exc:  # hypothesis raises the shrunk failure: keep it and go on with the others
            error = "".join(traceback.format_exception_only(type(exc), exc)).strip()
            if not isinstance(exc, AssertionError):
                error += "\n" + traceback.format_exc(limit=4)
        results.append({"category": name, "requests": client.requests - before, "seconds": time.monotonic() - started,
                        "error": error})
    queue.put({"worker": worker, "results": results, "max_seconds": client.max_seconds,
               "reflected_escaped": client.reflected_escaped,
               "accepted_posts": client.accepted_posts, "statuses": client.statuses})


def run(port, targets):
    """Run every category, shared out between len(SHARDS) processes; return their reports."""
    context = multiprocessing.get_context("fork")
    queue = context.Queue()
    processes = [context.Process(target=run_shard, args=(worker, port, targets, names, queue), daemon=True)
                 for worker, names in enumerate(SHARDS)]
    for process in processes:
        process.start()
    reports = [queue.get(timeout=1800) for _process in processes]
    for process in processes:
        process.join(timeout=30)
    return sorted(reports, key=lambda report: report["worker"])
