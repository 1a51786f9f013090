"""Documents → Add a document: Wagtail's multiple-upload screen, for every role, as its script posts."""

import pytest
from django.utils import translation
from wagtail.models import Collection, UploadedFile
from wagtail.users.models import UserProfile

from resources.models import LibraryDocument
from demo.sample_files import sample_pdf
from tests import document_support
from tests.conftest import make_user

HTML_PAGE = b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"


def in_french(msgid):
    """The French message's words up to its first placeholder."""
    with translation.override("fr"):
        return translation.gettext(msgid).split("%(")[0]


def with_admin_language(user, language_code):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language_code
    profile.save()
    return user


@pytest.mark.django_db
def test_an_editor_uploads_and_updates_a_document_in_the_library_collection(editor_client):
    root = Collection.get_first_root_node()
    # The screen's collection menu starts on "Root"; the document still goes to the library's collection.
    answer = document_support.upload(editor_client, "prison-visits.pdf", sample_pdf("Prison visits", "Unannounced visits."), root)
    assert answer["success"], answer

    updated = document_support.update(editor_client, answer, title="Prison visits", description="A short guide.")

    assert updated["success"], updated
    document = LibraryDocument.objects.get(pk=answer["doc_id"])
    assert (document.title, document.description, document.language) == ("Prison visits", "A short guide.", "en")
    assert document.collection.name == "Library"
    assert "Unannounced visits" in document.text


@pytest.mark.django_db
def test_an_editor_working_in_french_gets_french_preset_and_may_change_it(client, editor):
    client.force_login(with_admin_language(editor, "fr"))
    answer = document_support.upload(client, "visites.pdf", sample_pdf("Visites", "Visites inopinées."))

    assert LibraryDocument.objects.get(pk=answer["doc_id"]).language == "fr"
    document_support.update(client, answer, title="Visits", language="en")
    assert LibraryDocument.objects.get(pk=answer["doc_id"]).language == "en"


@pytest.mark.django_db
@pytest.mark.parametrize("language_code", ["ar", "es", "fr", "pt"])
def test_each_translator_uploads_in_their_language_and_collection(client, translator_for, language_code):
    client.force_login(translator_for(language_code))

    answer = document_support.upload(client, "edition.pdf", sample_pdf("Edition", "Translated."))
    document_support.update(client, answer, title=f"Edition {language_code}")

    document = LibraryDocument.objects.get(pk=answer["doc_id"])
    assert document.language == language_code
    assert document.collection.name.startswith("Documents – ")
    assert document.collection.name != "Documents – English"


@pytest.mark.django_db
def test_the_details_form_after_a_held_upload_saves_without_error(editor_client):
    """A title too long holds the file aside (Wagtail's UploadedFile); Update then creates the document."""
    answer = document_support.upload(editor_client, "x" * 300 + ".pdf", sample_pdf("Held", "Held upload text."))
    assert "uploaded_file_id" in answer, answer

    updated = document_support.update(editor_client, answer, title="Held upload")

    assert updated["success"], updated
    document = LibraryDocument.objects.get(pk=updated["doc_id"])
    assert (document.language, document.collection.name, document.file_extension) == ("en", "Library", "pdf")
    assert "Held upload text" in document.text
    assert not UploadedFile.objects.filter(pk=answer["uploaded_file_id"]).exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "name, data, message",
    [
        ("drawing.svg", b"<svg></svg>", "File extension “%(extension)s” is not allowed. Allowed extensions are: %(allowed_extensions)s."),
        ("report.pdf", HTML_PAGE, "The file's content is not a .%(extension)s document. Export it again from the program that made it."),
    ],
)
def test_a_bad_upload_is_refused_in_the_uploaders_language_and_nothing_is_kept(client, editor, name, data, message):
    client.force_login(with_admin_language(editor, "fr"))
    expected = in_french(message)
    assert expected and not message.startswith(expected), "the French catalogue has the message"
    documents, held = LibraryDocument.objects.count(), UploadedFile.objects.count()

    answer = document_support.upload(client, name, data)

    assert answer["success"] is False
    assert expected in answer["error_message"]
    assert (LibraryDocument.objects.count(), UploadedFile.objects.count()) == (documents, held)


@pytest.mark.django_db
def test_a_spanish_translator_with_an_editors_role_too_chooses_the_language(client):
    both = make_user("editor-and-translator", "Secretariat editors", "Translators – Español")
    client.force_login(both)

    answer = document_support.upload(client, "tool.pdf", sample_pdf("Tool", "Text."))
    document_support.update(client, answer, title="Tool", language="fr")

    assert LibraryDocument.objects.get(pk=answer["doc_id"]).language == "fr"
