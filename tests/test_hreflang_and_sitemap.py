import xml.etree.ElementTree as ElementTree

import pytest
from wagtail.models import Page

from pages.models import StandardPage

from tests.i18n import (
    CANONICAL_LINK,
    LANGUAGE_CODES,
    alternates,
    every_page_in_every_language,
    localised_url,
)

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"
ORIGIN = "http://testserver"


@pytest.mark.django_db
@pytest.mark.parametrize(("english_url", "language_code"), every_page_in_every_language())
def test_hreflang_alternates_are_complete_absolute_and_reciprocal(client, english_url, language_code):
    url = localised_url(english_url, language_code)
    html = client.get(url).content.decode()
    links = alternates(html)

    assert CANONICAL_LINK.search(html).group(1) == ORIGIN + url
    assert set(links) == {*LANGUAGE_CODES, "x-default"}
    assert links[language_code] == ORIGIN + url
    assert links["x-default"] == links["en"] == ORIGIN + english_url
    for code in LANGUAGE_CODES:
        assert links[code] == ORIGIN + localised_url(english_url, code)
        other = client.get(links[code].removeprefix(ORIGIN)).content.decode()
        assert alternates(other) == links


@pytest.mark.django_db
def test_an_untranslated_page_links_only_to_itself(client):
    about = Page.objects.get(depth=3, slug="about", locale__language_code="en")
    about.add_child(instance=StandardPage(title="Only in English", slug="only-in-english")).save_revision().publish()

    links = alternates(client.get("/en/about/only-in-english/").content.decode())

    assert links == {"en": ORIGIN + "/en/about/only-in-english/", "x-default": ORIGIN + "/en/about/only-in-english/"}


def _sitemap_entries(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    root = ElementTree.fromstring(response.content)
    entries = {}
    for url in root.iter(f"{SITEMAP}url"):
        links = {link.get("hreflang"): link.get("href") for link in url.iter(f"{XHTML}link")}
        entries[url.find(f"{SITEMAP}loc").text] = links
    return entries


@pytest.mark.django_db
def test_sitemap_lists_every_page_of_every_locale_with_its_alternates(client):
    entries = _sitemap_entries(client)
    live_pages = Page.objects.filter(depth__gte=2).live().public().select_related("locale")

    assert set(entries) == {ORIGIN + page.url for page in live_pages}
    assert len(entries) == live_pages.count() >= 50
    for page in live_pages:
        links = entries[ORIGIN + page.url]
        translations = page.get_translations(inclusive=True).live().public()
        assert set(links) == {p.locale.language_code for p in translations.select_related("locale")} | {"x-default"}
        for code, href in links.items():
            assert href.startswith(ORIGIN + "/")
            if code != "x-default":
                assert entries[href] == links, f"{href} does not list the same alternates as {page.url}"


@pytest.mark.django_db
def test_sitemap_leaves_out_drafts(client):
    about = Page.objects.get(depth=3, slug="about", locale__language_code="en")
    about.add_child(instance=StandardPage(title="A draft", slug="a-draft", live=False))

    assert ORIGIN + "/en/about/a-draft/" not in _sitemap_entries(client)
