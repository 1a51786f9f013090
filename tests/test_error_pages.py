"""404 and 500 pages in the visitor's language; the 500 page needs neither database nor context."""

import pytest
from django.template import loader
from django.test import RequestFactory

from operations.views import server_error

LANGUAGES = ["ar", "en", "es", "fr", "pt"]
SERVER_ERROR_HEADINGS = {
    "ar": "حدث خطأ",
    "en": "Something went wrong",
    "es": "Se ha producido un error",
    "fr": "Une erreur s’est produite",
    "pt": "Ocorreu um erro",
}


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_404_is_in_the_language_of_the_url(client, language):
    response = client.get(f"/{language}/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert f'<html lang="{language}"' in html
    assert f'href="/{language}/"' in html
    assert 'name="robots" content="noindex"' in html


@pytest.mark.parametrize("language", LANGUAGES)
def test_500_is_in_the_language_of_the_url_without_the_database(language):
    # No database fixture: any query would fail the test.
    response = server_error(RequestFactory().get(f"/{language}/about/"))
    html = response.content.decode()
    assert response.status_code == 500
    assert f'<html lang="{language}" dir="{"rtl" if language == "ar" else "ltr"}">' in html
    assert SERVER_ERROR_HEADINGS[language] in html
    assert f'href="/{language}/"' in html


def test_500_falls_back_to_english_outside_a_language_prefix():
    html = server_error(RequestFactory().get("/sitemap.xml")).content.decode()
    assert '<html lang="en" dir="ltr">' in html
    assert SERVER_ERROR_HEADINGS["en"] in html


def test_500_renders_with_an_empty_context_as_django_does_by_default():
    html = loader.get_template("500.html").render({})
    assert '<html lang="en" dir="ltr">' in html
    assert SERVER_ERROR_HEADINGS["en"] in html


@pytest.mark.django_db
def test_an_exception_in_a_page_gives_the_translated_500_page(client, monkeypatch):
    from pages.models import HomePage

    def broken(self, request, *args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(HomePage, "get_context", broken)
    client.raise_request_exception = False
    response = client.get("/fr/")
    assert response.status_code == 500
    assert SERVER_ERROR_HEADINGS["fr"] in response.content.decode()
    assert "boom" not in response.content.decode()
