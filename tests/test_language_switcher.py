import re
from html import unescape

import pytest
from django.utils.http import url_has_allowed_host_and_scheme
from wagtail.models import Page

from pages.models import StandardPage
from tests.i18n import LANGUAGE_CODES, localised_url
from tests.pages import CONTENT_PAGES, main_text

UNTRANSLATED_NOTICE = '<p class="notice" role="status">'


def switcher_links(html):
    nav = re.search(r'(?s)<nav class="language-switcher".*?</nav>', html).group(0)
    return {code: unescape(href) for href, code in re.findall(r'<a href="([^"]+)" lang="([a-z]+)"', nav)}


@pytest.fixture
def english_only_page(db):
    about = Page.objects.get(depth=3, slug="about", locale__language_code="en")
    page = about.add_child(instance=StandardPage(title="Call for papers", slug="call-for-papers"))
    page.save_revision().publish()
    return page


@pytest.mark.django_db
@pytest.mark.parametrize("english_url", CONTENT_PAGES)
def test_every_switcher_link_leads_to_the_same_page_in_that_language(client, english_url):
    for current in LANGUAGE_CODES:
        links = switcher_links(client.get(localised_url(english_url, current)).content.decode())
        assert set(links) == set(LANGUAGE_CODES) - {current}
        for code, href in links.items():
            response = client.get(href)
            assert response.status_code == 302
            assert response["Location"] == localised_url(english_url, code)
            assert response.cookies["cti_language"].value == code
            assert "no-store" in response["Cache-Control"]


@pytest.mark.django_db
def test_switching_on_the_history_page_reads_the_arabic_history_right_to_left(client):
    href = switcher_links(client.get("/en/about/history/").content.decode())["ar"]

    response = client.get(href, follow=True)

    assert response.redirect_chain == [("/ar/about/history/", 302)]
    html = response.content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    assert "لمحة تاريخية" in main_text(html)


@pytest.mark.django_db
def test_an_untranslated_page_leads_to_the_nearest_translated_ancestor_and_says_so(client, english_only_page):
    html = client.get("/en/about/call-for-papers/").content.decode()
    links = switcher_links(html)
    assert re.search(r'<a href="[^"]+" lang="fr" hreflang="fr" rel="nofollow" title="[^"]+">Français<span class="visually-hidden">', html)

    response = client.get(links["fr"])

    assert response.status_code == 302
    assert response["Location"] == "/fr/about/?untranslated=1"
    landing = client.get(response["Location"]).content.decode()
    assert UNTRANSLATED_NOTICE in landing
    assert UNTRANSLATED_NOTICE not in client.get("/fr/about/").content.decode()


@pytest.mark.django_db
def test_a_page_whose_parent_is_untranslated_too_falls_back_further(client, english_only_page):
    child = english_only_page.add_child(instance=StandardPage(title="Deadlines", slug="deadlines"))
    child.save_revision().publish()

    response = client.get(f"/language/pt/?page={child.pk}")

    assert response["Location"] == "/pt/about/?untranslated=1"


@pytest.mark.django_db
def test_a_draft_translation_is_not_offered(client):
    spanish_history = Page.objects.get(slug="history", locale__language_code="es")
    spanish_history.unpublish()

    response = client.get(f"/language/es/?page={Page.objects.get(slug='history', locale__language_code='en').pk}")

    assert response["Location"] == "/es/about/?untranslated=1"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query",
    ["", "?page=abc", "?page=999999", "?page=-1", "?page=1", "?next=", "?next=https://evil.example/en/",
     "?next=//evil.example/en/", "?next=/\\evil.example/", "?next=https:/evil.example", "?next=javascript:alert(1)",
     "?next=/admin/"],
)
def test_bad_or_foreign_targets_land_on_the_home_page_of_the_language(client, query):
    response = client.get(f"/language/fr/{query}")

    assert response.status_code == 302
    assert response["Location"] == "/fr/"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "next_url", ["/en//evil.example/", "/en/\\\\evil.example", "/en/%2F%2Fevil.example", "/en/search/?q=//evil.example"]
)
def test_next_never_leaves_the_site(client, next_url):
    location = client.get("/language/fr/", {"next": next_url})["Location"]

    assert location.startswith("/fr/")
    assert url_has_allowed_host_and_scheme(location, allowed_hosts={"testserver"})


@pytest.mark.django_db
def test_next_keeps_a_non_page_path_such_as_a_search(client):
    response = client.get("/language/es/", {"next": "/en/search/?q=torture"})

    assert response["Location"] == "/es/search/?q=torture"


@pytest.mark.django_db
def test_an_unknown_language_is_not_found(client):
    response = client.get("/language/de/?page=4", follow=True)

    assert response.status_code == 404
    assert "cti_language" not in client.cookies
