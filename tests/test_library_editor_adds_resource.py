import pytest
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from resources.models import ResourceLibraryPage, ResourcePage, Topic
from tests.library_support import library_url, make_document
from tests.pages import main_text


@pytest.mark.django_db
def test_an_editor_adds_a_resource_with_english_and_spanish_files_listed_in_both_locales(editor_client):
    library = ResourceLibraryPage.objects.get(locale__language_code="en")
    english = make_document("Prison inspections guide", "en")
    spanish = make_document("Guía de inspección de prisiones", "es")
    safeguards = Topic.objects.get(locale__language_code="en", slug="safeguards")
    form = nested_form_data(
        {
            "title": "Prison inspections guide",
            "slug": "prison-inspections-guide",
            "summary": "How to plan and report an unannounced visit to a place of detention.",
            "kind": "guide",
            "publication_date": "2025-03-01",
            "topics": [safeguards.pk],
            "files": inline_formset(
                [{"document": english.pk}, {"document": spanish.pk}]
            ),
            "introduction": "",
            "body": streamfield([]),
            "seo_title": "",
            "search_description": "",
        }
    )

    response = editor_client.post(
        f"/admin/pages/add/resources/resourcepage/{library.pk}/", {**form, "action-publish": "action-publish"}
    )

    assert response.status_code == 302, main_text(response.content.decode())[:3000]
    assert ResourcePage.objects.get(slug="prison-inspections-guide").live
    for language_code in ("en", "es"):
        text = main_text(editor_client.get(library_url(language_code)).content.decode())
        assert "Prison inspections guide" in text
        assert "English" in text and "Español" in text
