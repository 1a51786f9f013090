"""The shared page cache: anonymous visitors only, never forms or staff, purged on publish."""

import pytest
from django.core.cache import cache
from django.test import override_settings
from wagtail.models import Page

from pages.models import FooterContent

ABOUT = "/en/about/"
ADVICE_HUB = "/en/how-cti-can-help/advice-hub/"


@pytest.fixture
def page_cache():
    cache.clear()
    with override_settings(PAGE_CACHE_SERVER_SECONDS=600):
        yield
    cache.clear()


@pytest.mark.django_db
def test_an_anonymous_visitor_gets_the_second_view_from_the_cache(client, page_cache, django_assert_num_queries):
    first = client.get(ABOUT)
    assert first["X-Cache"] == "miss"
    with django_assert_num_queries(0):
        second = client.get(ABOUT)
    assert second["X-Cache"] == "hit"
    assert second.content == first.content


@pytest.mark.django_db
def test_public_pages_tell_a_cdn_how_long_to_keep_them(client, page_cache):
    cache_control = client.get(ABOUT)["Cache-Control"]
    for directive in ("public", "max-age=60", "s-maxage=600", "stale-while-revalidate=60"):
        assert directive in cache_control


@pytest.mark.django_db
def test_logged_in_editors_never_get_or_fill_the_cache(editor_client, client, page_cache):
    client.get(ABOUT)
    response = editor_client.get(ABOUT)
    assert "X-Cache" not in response
    assert "public" not in response.get("Cache-Control", "")


@pytest.mark.django_db
def test_a_page_with_a_form_is_never_shared(client, page_cache):
    first = client.get(ADVICE_HUB)
    second = client.get(ADVICE_HUB)
    assert second.get("X-Cache") != "hit"
    assert "public" not in second.get("Cache-Control", "")
    assert "public" not in first.get("Cache-Control", "")


@pytest.mark.django_db
def test_query_strings_and_previews_bypass_the_cache(client, page_cache):
    client.get(ABOUT)
    assert "X-Cache" not in client.get(ABOUT + "?untranslated=1")


@pytest.mark.django_db
def test_publishing_purges_the_page_and_the_menus(client, page_cache):
    client.get(ABOUT)
    home = client.get("/en/")
    assert client.get(ABOUT)["X-Cache"] == "hit"
    about = Page.objects.get(url_path="/home/about/").specific
    about.title = "About the Initiative, renamed"
    about.save_revision().publish()
    assert "About the Initiative, renamed" in client.get(ABOUT).content.decode()
    refreshed_home = client.get("/en/")
    assert refreshed_home.get("X-Cache") == "miss"
    assert "About the Initiative, renamed" in refreshed_home.content.decode()
    assert home.content != refreshed_home.content


@pytest.mark.django_db
def test_unpublishing_purges_the_page(client, page_cache):
    assert client.get(ABOUT).status_code == 200
    Page.objects.get(url_path="/home/about/").specific.unpublish()
    assert client.get(ABOUT).status_code == 404


@pytest.mark.django_db
def test_saving_the_footer_purges_the_cached_footer(client, page_cache):
    client.get(ABOUT)
    footer = FooterContent.objects.get(locale__language_code="en")
    footer.contact_heading = "Write to the Secretariat today"
    footer.save()
    assert "Write to the Secretariat today" in client.get(ABOUT).content.decode()


@pytest.mark.django_db
def test_html_is_compressed_for_clients_that_accept_it(client):
    response = client.get(ABOUT, HTTP_ACCEPT_ENCODING="gzip, br")
    assert response["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in response["Vary"]


def test_the_frontend_cache_purges_every_language_prefix(settings):
    assert settings.WAGTAILFRONTENDCACHE_LANGUAGES == ["ar", "en", "es", "fr", "pt"]
    assert settings.WAGTAILFRONTENDCACHE == {}
