"""Helpers shared by the tests of the five-language site."""

import re

from django.conf import settings
from wagtail.models import Page

from tests.pages import CONTENT_PAGES

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]
OTHER_LANGUAGES = [code for code in LANGUAGE_CODES if code != settings.LANGUAGE_CODE]

ALTERNATE_LINK = re.compile(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">')
CANONICAL_LINK = re.compile(r'<link rel="canonical" href="([^"]+)">')
HTML_TAG = re.compile(r"<html\b[^>]*>")


def localised_url(english_url, language_code):
    """The demo tree keeps the English slugs in every language: only the prefix changes."""
    return f"/{language_code}/" + english_url.removeprefix("/en/")


def every_page_in_every_language():
    return [(url, code) for url in CONTENT_PAGES for code in LANGUAGE_CODES]


def english_page(english_url):
    path = english_url.removeprefix("/en/")
    home = Page.objects.get(depth=2, locale__language_code="en")
    return Page.objects.get(url_path=home.url_path + path, locale=home.locale).specific


def alternates(html):
    return dict(ALTERNATE_LINK.findall(html))


def html_tag(html):
    return HTML_TAG.search(html).group(0)
