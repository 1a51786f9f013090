import pytest

from pages.models import AboutPage


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("accept_language", "expected"),
    [
        ("fr-CH, fr;q=0.9, en;q=0.8", "/fr/"),
        ("ar-EG,ar;q=0.9", "/ar/"),
        ("pt-BR", "/pt/"),
        ("es-419,es;q=0.9", "/es/"),
        ("de-DE, ja;q=0.5, es;q=0.3", "/es/"),
        ("en-GB", "/en/"),
        ("de-DE, ja", "/en/"),
        ("", "/en/"),
        ("*", "/en/"),
        ("xx-invalid;;q=abc", "/en/"),
    ],
)
def test_the_home_redirect_follows_the_browser_language(client, accept_language, expected):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept_language)

    assert response.status_code == 302
    assert response["Location"] == expected
    assert "Accept-Language" in response["Vary"]


@pytest.mark.django_db
def test_without_accept_language_the_visitor_gets_english(client):
    assert client.get("/")["Location"] == "/en/"


@pytest.mark.django_db
def test_the_language_chosen_with_the_switcher_wins_over_the_browser(client):
    about = AboutPage.objects.get(locale__language_code="en")
    client.get(f"/language/pt/?page={about.pk}")

    response = client.get("/", HTTP_ACCEPT_LANGUAGE="fr-CH, fr;q=0.9")

    assert response["Location"] == "/pt/"


@pytest.mark.django_db
def test_an_unprefixed_page_url_keeps_the_remembered_language(client):
    client.cookies["cti_language"] = "ar"

    assert client.get("/about/", HTTP_ACCEPT_LANGUAGE="es")["Location"] == "/ar/about/"


@pytest.mark.django_db
def test_a_forged_cookie_falls_back_to_the_browser_language(client):
    client.cookies["cti_language"] = "klingon"

    assert client.get("/", HTTP_ACCEPT_LANGUAGE="es-ES")["Location"] == "/es/"


@pytest.mark.django_db
def test_an_explicit_prefix_is_never_overridden(client):
    client.cookies["cti_language"] = "ar"

    response = client.get("/fr/about/", HTTP_ACCEPT_LANGUAGE="es")

    assert response.status_code == 200
    assert '<html lang="fr" dir="ltr">' in response.content.decode()
