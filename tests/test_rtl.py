import re

import pytest
from wagtail.models import Page

from tests.i18n import every_page_in_every_language, html_tag, localised_url

RTL_ELEMENT = re.compile(r'<[^>]*\bdir="rtl"[^>]*>')
PHYSICAL_PROPERTY = re.compile(
    r"(?:margin|padding|border)-(?:left|right)\b|(?<![-\w])(?:left|right)\s*:|"
    r"(?:float|text-align|clear)\s*:\s*(?:left|right)\b"
)


@pytest.mark.django_db
@pytest.mark.parametrize(("english_url", "language_code"), every_page_in_every_language())
def test_only_arabic_is_right_to_left_and_lang_names_the_language(client, english_url, language_code):
    html = client.get(localised_url(english_url, language_code)).content.decode()

    direction = "rtl" if language_code == "ar" else "ltr"
    assert html_tag(html) == f'<html lang="{language_code}" dir="{direction}">'
    if language_code != "ar":
        assert all('lang="ar"' in tag for tag in RTL_ELEMENT.findall(html)), "only Arabic words may run right to left"


@pytest.mark.django_db
def test_switcher_links_carry_the_language_of_their_name(client):
    html = client.get("/ar/about/history/").content.decode()

    assert '<span class="language-switcher__current" lang="ar" aria-current="true">العربية</span>' in html
    for code, name in [("en", "English"), ("es", "Español"), ("fr", "Français"), ("pt", "Português")]:
        assert re.search(rf'<a href="[^"]+" lang="{code}" hreflang="{code}"[^>]*>{name}', html)


def test_the_stylesheet_mirrors_through_logical_properties_only(settings):
    css = (settings.BASE_DIR / "static" / "css" / "site.css").read_text()

    assert PHYSICAL_PROPERTY.findall(css) == []
    assert 'html[lang="ar"]' in css


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language_code", "launch_date"),
    [("en", "March 3, 2014"), ("fr", "3 mars 2014"), ("es", "3 de marzo de 2014"), ("ar", "3 مارس، 2014")],
)
def test_history_dates_are_written_the_way_each_language_writes_them(client, language_code, launch_date):
    html = client.get(f"/{language_code}/about/history/").content.decode()

    assert re.search(rf'<time datetime="2014-03-03">\s*{launch_date}\s*</time>', html)


@pytest.mark.django_db
def test_names_inside_arabic_text_are_isolated(client):
    page = Page.objects.get(slug="group-of-friends", locale__language_code="ar").specific
    page.members.add(page.members.model(name="Costa Rica", locale=page.locale))
    page.save_revision().publish()

    html = client.get("/ar/about/group-of-friends/").content.decode()

    members = re.findall(r"<li>(.*?)</li>", re.search(r'(?s)<ul class="member-list">.*?</ul>', html).group(0))
    assert members and all(member.startswith("<bdi>") and member.endswith("</bdi>") for member in members)
