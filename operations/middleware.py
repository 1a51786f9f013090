"""Security headers, request body limits and the shared page cache. The Content-Security-Policy is in
`django_csp_workaround`."""

import hashlib
import re

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.cache import add_never_cache_headers, patch_cache_control

from .caching import cache_control, generation_read_once, page_cache_generation
from .views import render_static_page

ADMIN_PREFIX = "/admin/"
NEVER_CACHED_PREFIXES = ("/admin/", "/documents/", "/language/", "/healthz", "/readyz")
ACCEPTS_GZIP = re.compile(r"\bgzip\b")
UNSHAREABLE = ("private", "no-store", "no-cache")


class PublicRequestBodyLimitMiddleware:
    """A body too large for a public URL is refused with 413 from its Content-Length, unread.

    Visitors only ever send the advice form (some 40 KB at most); only the admin takes uploads.
    Django would otherwise read a 45 MB body whole as soon as the CSRF check looks at the form,
    holding a worker for seconds. nginx refuses it first (client_max_body_size); this is the same
    rule for gunicorn reached any other way. A body without a Content-Length (chunked) is never read
    by Django at all.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.limit = settings.PUBLIC_REQUEST_BODY_MAX_SIZE

    def __call__(self, request):
        if not request.path_info.startswith(ADMIN_PREFIX) and declared_length(request) > self.limit:
            return request_too_large(request)
        return self.get_response(request)


def declared_length(request):
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return 0  # Django reads no body for a Content-Length it cannot parse


def request_too_large(request):
    response = HttpResponse(render_static_page(request, "operations/413.html"), status=413)
    add_never_cache_headers(response)
    return response


class SecurityHeadersMiddleware:
    """The headers Django does not set itself: Permissions-Policy, Cross-Origin-Resource-Policy, and
    `Cache-Control: private` on documents."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.permissions_policy = getattr(settings, "PERMISSIONS_POLICY", "")
        self.resource_policy = getattr(settings, "CROSS_ORIGIN_RESOURCE_POLICY", "same-origin")

    def __call__(self, request):
        response = self.get_response(request)
        if request.path_info.startswith("/documents/"):
            # Documents are served by Django, after their collection's privacy is checked: no shared
            # cache (a CDN) may keep one and hand it to someone that check would have refused.
            patch_cache_control(response, private=True)
        if self.permissions_policy:
            response.headers.setdefault("Permissions-Policy", self.permissions_policy)
        if self.resource_policy:
            response.headers.setdefault("Cross-Origin-Resource-Policy", self.resource_policy)
        return response


class PageCacheMiddleware:
    """Whole public pages for anonymous visitors, from the shared cache.

    Only cookie-free, query-free GET requests of public paths are answered from the cache, and only
    responses that set no cookie and do not declare themselves private are stored: a page with a
    form sets the CSRF cookie or `Cache-Control: private`, so one visitor's token never reaches
    another. A staff member's session cookie bypasses the cache entirely.

    Every request reads the cache's generation number once at most, however many keys carry it.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.timeout = getattr(settings, "PAGE_CACHE_SERVER_SECONDS", 600)

    def __call__(self, request):
        with generation_read_once():
            return self.respond(request)

    def respond(self, request):
        if not self.timeout or not self.is_cacheable_request(request):
            return self.get_response(request)
        key = self.cache_key(request)
        cached = cache.get(key)
        if cached is not None:
            cached["X-Cache"] = "hit"
            return cached
        response = self.get_response(request)
        if self.is_cacheable_response(response):
            if "Cache-Control" not in response:
                cache_control(response)
            cache.set(key, response, self.timeout)
            response["X-Cache"] = "miss"
        return response

    @staticmethod
    def is_cacheable_request(request):
        return (
            request.method == "GET"
            and not request.META.get("QUERY_STRING")
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and not request.path_info.startswith(NEVER_CACHED_PREFIXES)
        )

    @staticmethod
    def is_cacheable_response(response):
        cache_control_header = response.get("Cache-Control", "").lower()
        return (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            and not any(word in cache_control_header for word in UNSHAREABLE)
        )

    @staticmethod
    def cache_key(request):
        gzip = "gz" if ACCEPTS_GZIP.search(request.META.get("HTTP_ACCEPT_ENCODING", "")) else "id"
        url = f"{request.scheme}://{request.get_host()}{request.path}"
        digest = hashlib.sha256(url.encode("utf-8", "surrogateescape")).hexdigest()
        return f"operations:page:{page_cache_generation()}:{gzip}:{digest}"
