"""Health checks for the load balancer and the orchestrator, and the static 500 page."""

import logging

from django.conf import settings
from django.db import DatabaseError, connection
from django.http import HttpResponse, HttpResponseServerError
from django.template import Context, loader
from django.views.decorators.cache import never_cache

logger = logging.getLogger(__name__)

LANGUAGE_CODES = {code for code, _name in settings.LANGUAGES}
RIGHT_TO_LEFT = {"ar", "fa", "he", "ur"}


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
    except DatabaseError:
        logger.warning("Readiness check failed: the database does not answer", exc_info=True)
        return plain("database unavailable\n", status=503)
    return plain("ok\n")


def language_from_path(path):
    prefix = path.lstrip("/").split("/", 1)[0]
    return prefix if prefix in LANGUAGE_CODES else settings.LANGUAGE_CODE


def server_error(request, template_name="500.html"):
    """The 500 page in the language of the URL prefix, rendered without the database or context processors."""
    language = language_from_path(request.path)
    context = Context({"language": language, "direction": "rtl" if language in RIGHT_TO_LEFT else "ltr"})
    try:
        body = loader.get_template(template_name).template.render(context)
    except Exception:  # the error page must never fail: fall back to plain text
        logger.exception("The 500 page could not be rendered")
        return HttpResponseServerError("Server error\n", content_type="text/plain; charset=utf-8")
    return HttpResponseServerError(body)
