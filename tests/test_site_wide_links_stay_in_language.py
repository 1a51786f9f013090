"""The header's and footer's links to the fixed pages are found by page type in the visitor's language."""

import re

import pytest
from wagtail.models import Locale

from advice.models import AdviceHubPage
from tests.i18n import LANGUAGE_CODES

ADVICE_LINK = re.compile(r'<a class="advice-link" href="([^"]+)">')
FOOTER_LINKS = re.compile(r'<nav class="site-footer__links"[^>]*>(.*?)</nav>', re.S)
HREF = re.compile(r'href="([^"]+)"')


def header_and_footer_links(html):
    return ADVICE_LINK.findall(html) + HREF.findall(FOOTER_LINKS.search(html).group(1))


@pytest.mark.django_db
@pytest.mark.parametrize("language_code", LANGUAGE_CODES)
def test_links_lead_to_pages_in_the_visitors_language(client, language_code):
    html = client.get(f"/{language_code}/about/").content.decode()
    links = [link for link in header_and_footer_links(html) if link != "/sitemap.xml"]

    assert len(links) == 4  # the advice link, the advice hub, the library, search
    for link in links:
        assert link.startswith(f"/{language_code}/"), link
        assert client.get(link).status_code == 200, link


@pytest.mark.django_db
def test_no_link_leads_to_another_languages_advice_hub_when_this_language_has_none(client):
    AdviceHubPage.objects.get(locale=Locale.objects.get(language_code="fr")).unpublish()

    html = client.get("/fr/about/").content.decode()

    assert not ADVICE_LINK.search(html)
    assert not [link for link in header_and_footer_links(html) if "advice-hub" in link]
    assert ADVICE_LINK.search(client.get("/es/about/").content.decode())
