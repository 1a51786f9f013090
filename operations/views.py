"""Health checks for the load balancer and the orchestrator, and the static 500 and 503 pages."""

import logging
import sys

from django.conf import settings
from django.db import DatabaseError, InterfaceError, OperationalError, connection
from django.http import HttpResponse, HttpResponseBadRequest, HttpResponseServerError
from django.template import Context, loader
from django.utils.cache import add_never_cache_headers
from django.utils.translation import get_language_info
from django.views.decorators.cache import never_cache
from django.views.defaults import ERROR_PAGE_TEMPLATE

logger = logging.getLogger(__name__)

LANGUAGE_CODES = {code for code, _name in settings.LANGUAGES}
# What the 503 page asks browsers and crawlers to wait before trying again.
RETRY_AFTER_SECONDS = 30


def plain(text, status=200):
    return HttpResponse(text, status=status, content_type="text/plain; charset=utf-8")


@never_cache
def healthz(request):
    """The process answers: no database, so a database outage does not restart healthy workers."""
    return plain("ok\n")


@never_cache
def readyz(request):
    """The database answers within a short time, so the balancer can stop sending traffic."""
    try:
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                cursor.execute("SET statement_timeout = %s", [getattr(settings, "READINESS_TIMEOUT_MS", 2000)])
            cursor.execute("SELECT 1")
            if connection.vendor == "postgresql":
                cursor.execute("RESET statement_timeout")
    except DatabaseError as exc:
        logger.warning("Readiness check failed: the database does not answer (%s)", str(exc).strip()[:200])
        response = plain("database unavailable\n", status=503)
        response._has_been_logged = True  # the warning above, not an error with a traceback per probe
        return response
    return plain("ok\n")


def language_from_path(path):
    prefix = path.lstrip("/").split("/", 1)[0]
    return prefix if prefix in LANGUAGE_CODES else settings.LANGUAGE_CODE


def render_static_page(request, template_name):
    """An error page in the language of the URL prefix, without the database or context processors."""
    language = language_from_path(request.path)
    context = Context({"language": language, "direction": "rtl" if get_language_info(language)["bidi"] else "ltr"})
    return loader.get_template(template_name).template.render(context)


def database_unavailable(exception):
    """Whether the exception, or one it was raised from, says the database cannot be reached or used now."""
    seen = set()
    while exception is not None and id(exception) not in seen:
        if isinstance(exception, (OperationalError, InterfaceError)):
            return True
        seen.add(id(exception))
        exception = exception.__cause__ or exception.__context__
    return False


def service_unavailable(request, exception):
    """A quick 503 in the visitor's language while the database is away: the page comes back by itself."""
    logger.warning("Database unavailable: %s %s (%s)", request.method, request.path, str(exception).strip()[:200])
    try:
        body = render_static_page(request, "operations/503.html")
        response = HttpResponse(body, status=503)
    except Exception:  # the error page must never fail: fall back to plain text
        logger.exception("The 503 page could not be rendered")
        response = HttpResponse("Service temporarily unavailable\n", status=503, content_type="text/plain; charset=utf-8")
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    add_never_cache_headers(response)
    # One warning line above rather than a traceback per request for as long as the outage lasts:
    # django.request skips responses marked as already logged.
    response._has_been_logged = True
    return response


def bad_request(request, exception, template_name="400.html"):
    """Django's plain 400 answer, without the @requires_csrf_token of django.views.defaults.bad_request.

    That decorator checks the CSRF token of a POST again, which reads the body again: a body Django
    had refused to parse (a urlencoded form declared in a charset other than UTF-8) raised once more
    and turned the 400 into a 500.
    """
    return HttpResponseBadRequest(ERROR_PAGE_TEMPLATE % {"title": "Bad Request (400)", "details": ""})


def server_error(request, template_name="500.html"):
    """The 500 page in the language of the URL prefix, rendered without the database or context processors.

    Django calls this handler while it handles the exception, so the exception is at hand: when it
    says the database is unreachable, the visitor gets the 503 page instead.
    """
    exception = sys.exc_info()[1]
    if database_unavailable(exception):
        return service_unavailable(request, exception)
    try:
        body = render_static_page(request, template_name)
    except Exception:  # the error page must never fail: fall back to plain text
        logger.exception("The 500 page could not be rendered")
        return HttpResponseServerError("Server error\n", content_type="text/plain; charset=utf-8")
    return HttpResponseServerError(body)
