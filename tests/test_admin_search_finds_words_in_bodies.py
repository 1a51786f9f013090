"""The admin's page search (the search box of the sidebar and of the page explorer) finds a page by a
word of its body, introduction or resource summary, in every language, not only by its title."""

import pytest

from pages.models import StandardPage
from resources.models import ResourcePage
from tests.translation_helpers import page_in

# A word of each About page's body, absent from every title.
BODY_WORDS = {"en": "landmark", "fr": "tournant", "es": "hito", "pt": "marco", "ar": "فارقة"}
# A word of the summary of the resource "UNCAT and OPCAT: the texts …" in each language.
SUMMARY_WORDS = {"en": "booklet", "fr": "brochure", "es": "folleto", "pt": "folheto", "ar": "كتيّب"}


def admin_search(client, query):
    response = client.get("/admin/pages/search/", {"q": query})
    assert response.status_code == 200
    return response.content.decode()


def edit_link(page):
    return f"/admin/pages/{page.pk}/edit/"


@pytest.mark.django_db
@pytest.mark.parametrize("language_code", BODY_WORDS)
def test_a_word_of_the_body_finds_the_page(editor_client, language_code):
    html = admin_search(editor_client, BODY_WORDS[language_code])

    assert edit_link(page_in("about", language_code)) in html


@pytest.mark.django_db
@pytest.mark.parametrize("language_code", SUMMARY_WORDS)
def test_a_word_of_a_resource_summary_finds_the_resource(editor_client, language_code):
    word = SUMMARY_WORDS[language_code]
    english = ResourcePage.objects.get(locale__language_code="en", title__contains="OPCAT")
    resource = ResourcePage.objects.get(translation_key=english.translation_key, locale__language_code=language_code)
    assert word in resource.summary

    assert edit_link(resource) in admin_search(editor_client, word)


@pytest.mark.django_db
def test_a_word_of_the_introduction_finds_a_new_page_as_soon_as_it_is_saved(editor_client):
    page = page_in("about", "es").add_child(
        instance=StandardPage(title="Boletín", slug="boletin", introduction="Un anuncio sobre la ornitorrinquez.")
    )
    page.save_revision()

    assert edit_link(page) in admin_search(editor_client, "ornitorrinquez")
    assert edit_link(page) in admin_search(editor_client, "ornitorr")
