"""The resource form: the topics of the page's language, the language asked once, one file per language."""

import re

import pytest
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from resources.models import ResourceFile, ResourceLibraryPage, ResourcePage, Topic
from tests.library_support import make_document, publish_resource
from tests.pages import main_text


def resource_form(files, topics=()):
    form = nested_form_data(
        {
            "title": "Prison inspections guide",
            "slug": "prison-inspections-guide",
            "summary": "How to plan and report an unannounced visit to a place of detention.",
            "kind": "guide",
            "publication_date": "2025-03-01",
            "files": inline_formset([{"document": document.pk} for document in files]),
            "introduction": "",
            "body": streamfield([]),
            "seo_title": "",
            "search_description": "",
        }
    )
    return {**form, "topics": [topic.pk for topic in topics]}


def add_url(language_code):
    return f"/admin/pages/add/resources/resourcepage/{ResourceLibraryPage.objects.get(locale__language_code=language_code).pk}/"


@pytest.mark.django_db
@pytest.mark.parametrize("language_code", ["en", "fr"])
def test_the_form_offers_checkboxes_for_the_topics_of_the_pages_language_only(editor_client, language_code):
    html = editor_client.get(add_url(language_code)).content.decode()

    offered = set(map(int, re.findall(r'<input type="checkbox" name="topics" value="(\d+)"', html)))
    assert offered == set(Topic.objects.filter(locale__language_code=language_code).values_list("pk", flat=True))
    assert '<select name="topics"' not in html


@pytest.mark.django_db
def test_the_file_row_does_not_ask_the_language(editor_client):
    html = editor_client.get(add_url("en")).content.decode()

    assert "files-__prefix__-language" not in html
    assert "files-__prefix__-document" in html


@pytest.mark.django_db
def test_two_files_in_one_language_are_refused_with_a_message(editor_client):
    first, second = make_document("Guide one", "fr"), make_document("Guide two", "fr")

    response = editor_client.post(add_url("en"), {**resource_form([first, second]), "action-publish": "action-publish"})

    assert response.status_code == 200
    assert "There is already a file in Français" in main_text(response.content.decode())
    assert not ResourcePage.objects.filter(slug="prison-inspections-guide").exists()


@pytest.mark.django_db
def test_a_resource_with_an_english_and_a_french_file_is_saved_with_the_documents_languages(editor_client):
    english, french = make_document("Guide", "en"), make_document("Guide fr", "fr")
    topic = Topic.objects.get(locale__language_code="en", slug="safeguards")

    response = editor_client.post(
        add_url("en"), {**resource_form([english, french], [topic]), "action-publish": "action-publish"}
    )

    assert response.status_code == 302
    page = ResourcePage.objects.get(slug="prison-inspections-guide")
    assert sorted(file.language for file in page.files.all()) == ["en", "fr"]
    assert list(page.topics.all()) == [topic]


@pytest.mark.django_db
def test_the_public_page_never_lists_a_language_twice(client):
    page = publish_resource("Doubled language", languages=("fr",))
    page.files.add(ResourceFile(document=make_document("Doubled language again", "fr")))
    page.save_revision().publish()

    text = " ".join(main_text(client.get(page.url).content.decode()).split())

    assert text.count("Français · PDF") == 1
