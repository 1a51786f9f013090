import re

import pytest
from wagtail.models import Locale

from demo.translation import catalogue
from tests.i18n import OTHER_LANGUAGES, english_page, every_page_in_every_language, localised_url
from tests.pages import CONTENT_PAGES, main_text, normalise

ARABIC_LETTER = re.compile(r"[\u0600-\u06ff]")
LATIN_LETTER = re.compile(r"[A-Za-z]")


def h1_text(html):
    return normalise(re.sub(r"<[^>]+>", " ", re.search(r"(?s)<h1\b[^>]*>(.*?)</h1>", html).group(1)))


@pytest.mark.django_db
@pytest.mark.parametrize(("english_url", "language_code"), every_page_in_every_language())
def test_every_demo_page_answers_in_every_language(client, english_url, language_code):
    response = client.get(localised_url(english_url, language_code))

    assert response.status_code == 200
    assert f'<html lang="{language_code}"' in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("english_url", CONTENT_PAGES)
@pytest.mark.parametrize("language_code", OTHER_LANGUAGES)
def test_translated_pages_show_their_own_language_not_the_english_text(client, english_url, language_code):
    source = english_page(english_url)
    strings = catalogue(language_code)
    english_html = client.get(english_url).content.decode()
    html = client.get(localised_url(english_url, language_code)).content.decode()

    assert h1_text(html) == normalise(strings[source.title])
    assert h1_text(html) != h1_text(english_html)
    assert main_text(html) != main_text(english_html)
    if source.introduction:
        assert normalise(strings[source.introduction]) in normalise(main_text(html))
        assert normalise(source.introduction) not in normalise(main_text(html))


@pytest.mark.django_db
def test_the_spanish_about_page_is_not_the_english_one(client):
    english = main_text(client.get("/en/about/").content.decode())
    spanish = main_text(client.get("/es/about/").content.decode())

    assert "Acerca de la CTI" in spanish
    assert "About CTI" not in spanish
    assert "Convención contra la Tortura" in spanish
    assert english != spanish


@pytest.mark.django_db
@pytest.mark.parametrize("english_url", CONTENT_PAGES)
def test_arabic_pages_are_written_in_arabic_script(client, english_url):
    text = main_text(client.get(localised_url(english_url, "ar")).content.decode())

    arabic, latin = len(ARABIC_LETTER.findall(text)), len(LATIN_LETTER.findall(text))
    assert arabic > 2 * latin


@pytest.mark.django_db
def test_every_demo_page_is_published_in_the_four_other_languages():
    assert sorted(Locale.objects.values_list("language_code", flat=True)) == ["ar", "en", "es", "fr", "pt"]
    for english_url in CONTENT_PAGES:
        source = english_page(english_url)
        translations = source.get_translations().live().select_related("locale")
        assert sorted(page.locale.language_code for page in translations) == sorted(OTHER_LANGUAGES)
