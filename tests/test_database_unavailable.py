"""A database that does not answer gives a quick 503 page in the visitor's language, never a 500.

`make reliability` stops a real PostgreSQL under load; these tests pin the handler on its own.
"""

import logging

import pytest
from django.db import InterfaceError, OperationalError, ProgrammingError
from django.test import RequestFactory

from operations.views import database_unavailable, server_error

HEADINGS = {
    "ar": "الموقع غير متاح مؤقتًا",
    "en": "The site is temporarily unavailable",
    "es": "El sitio no está disponible en este momento",
    "fr": "Le site est momentanément indisponible",
    "pt": "O site está temporariamente indisponível",
}


def handle(path, exception):
    """server_error as Django calls it: while the exception is being handled."""
    try:
        raise exception
    except Exception:
        return server_error(RequestFactory().get(path))


@pytest.mark.parametrize("language", HEADINGS)
def test_an_unreachable_database_gives_the_503_page_in_the_language_of_the_url(language):
    # No database fixture: any query would fail the test.
    response = handle(f"/{language}/about/", OperationalError("connection refused"))
    html = response.content.decode()
    assert response.status_code == 503
    assert f'<html lang="{language}" dir="{"rtl" if language == "ar" else "ltr"}">' in html
    assert HEADINGS[language] in html
    assert response["Retry-After"] == "30"
    assert "no-store" in response["Cache-Control"]
    assert "connection refused" not in html


def test_a_closed_connection_counts_as_unavailable_too():
    assert handle("/fr/", InterfaceError("connection already closed")).status_code == 503


def test_a_database_error_raised_from_another_error_is_found():
    try:
        try:
            raise OperationalError("server closed the connection unexpectedly")
        except OperationalError as cause:
            raise RuntimeError("template rendering failed") from cause
    except RuntimeError as exc:
        assert database_unavailable(exc)


@pytest.mark.parametrize("exception", [RuntimeError("boom"), ProgrammingError("no such column")])
def test_other_errors_still_give_the_500_page(exception):
    assert handle("/en/", exception).status_code == 500


def test_the_outage_is_logged_as_one_line_not_a_traceback_per_request(caplog):
    with caplog.at_level(logging.WARNING):
        response = handle("/en/search/", OperationalError("connection refused"))
    assert response._has_been_logged  # django.request does not log it again, with a traceback
    [record] = [r for r in caplog.records if r.name == "operations.views"]
    assert "Database unavailable: GET /en/search/" in record.getMessage()
    assert record.exc_info is None


@pytest.mark.django_db
def test_a_page_answers_503_when_the_database_is_gone(client, monkeypatch):
    from pages.models import HomePage

    def unreachable(self, request, *args, **kwargs):
        raise OperationalError("could not connect to server: Connection refused")

    monkeypatch.setattr(HomePage, "get_context", unreachable)
    client.raise_request_exception = False
    response = client.get("/es/")
    assert response.status_code == 503
    assert HEADINGS["es"] in response.content.decode()
