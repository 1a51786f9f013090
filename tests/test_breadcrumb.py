"""The breadcrumb links a page's ancestors from its language's home page down, in that language."""

import re
from html import unescape

import pytest
from django.conf import settings
from wagtail.models import Page

from resources.models import ResourcePage

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]
BREADCRUMB = re.compile(r'(?s)<nav class="breadcrumb".*?</nav>')
LINK = re.compile(r'<a href="([^"]+)">([^<]+)</a>')


def breadcrumb_links(html):
    return [(url, unescape(title)) for url, title in LINK.findall(BREADCRUMB.search(html).group(0))]


@pytest.mark.django_db
@pytest.mark.parametrize("language_code", LANGUAGE_CODES)
def test_a_resource_page_shows_home_its_section_and_the_library(client, language_code):
    resource = ResourcePage.objects.live().filter(locale__language_code=language_code).first()
    section = Page.objects.get(depth=3, slug="how-cti-can-help", locale__language_code=language_code)
    library = Page.objects.get(depth=4, slug="tools-and-guides", locale__language_code=language_code)
    html = client.get(resource.url).content.decode()
    links = breadcrumb_links(html)
    assert [url for url, _title in links] == [f"/{language_code}/", section.url, library.url]
    assert [title for _url, title in links[1:]] == [section.title, library.title]
    assert unescape(re.search(r'aria-current="page">([^<]+)<', html).group(1)) == resource.title


@pytest.mark.django_db
def test_the_home_page_has_no_breadcrumb(client):
    assert 'class="breadcrumb"' not in client.get("/fr/").content.decode()

