"""A translator uploads the file of their language to the library; the Secretariat attaches it to the resource."""

import re

import pytest
from wagtail.models import Collection

from resources.models import LibraryDocument, ResourceFile, ResourcePage
from demo.sample_files import sample_pdf
from tests import document_support


@pytest.mark.django_db
def test_a_translator_uploads_their_languages_file_into_their_collection(client, translator_for, editor_client):
    client.force_login(translator_for("es"))
    spanish_documents = Collection.objects.get(name="Documents – Español")
    data = sample_pdf("Guía sobre la legislación contra la tortura", "Una edición traducida.")

    answer = document_support.upload(client, "guia-legislacion.pdf", data)
    assert answer["success"], answer
    updated = document_support.update(client, answer, title="Guía sobre la legislación contra la tortura")

    assert updated["success"], updated
    document = LibraryDocument.objects.get(title="Guía sobre la legislación contra la tortura")
    assert (document.language, document.collection) == ("es", spanish_documents)

    # The Secretariat attaches it to the resource, in every language's library.
    resource = ResourcePage.objects.get(slug="guide-anti-torture-legislation", locale__language_code="en")
    resource.files.add(ResourceFile(document=document))
    resource.save_revision().publish()
    html = editor_client.get(resource.url).content.decode()
    assert document.url in html


@pytest.mark.django_db
def test_a_translator_cannot_change_the_language_of_their_upload(client, translator_for):
    client.force_login(translator_for("es"))
    answer = document_support.upload(client, "herramienta.pdf", sample_pdf("Herramienta", "Texto."))

    action, values = document_support.details_form(answer)
    assert re.search(r'<select[^>]*name="doc-\d+-language"[^>]*disabled', answer["form"])
    assert not any(key.endswith("-language") for key in values), "a translator is offered no language to pick"
    values[f"doc-{answer['doc_id']}-language"] = "fr"
    client.post(action, values, HTTP_X_REQUESTED_WITH="XMLHttpRequest")

    assert LibraryDocument.objects.get(pk=answer["doc_id"]).language == "es"


@pytest.mark.django_db
@pytest.mark.parametrize("collection_name", ["Documents – Français", "Library"])
def test_a_translator_cannot_upload_into_another_collection(client, translator_for, collection_name):
    client.force_login(translator_for("es"))
    other = Collection.objects.get(name=collection_name)

    answer = document_support.upload(client, "fichier-ailleurs.pdf", sample_pdf("Fichier", "Texte."), collection=other)

    # Wagtail offers a translator no other collection: the file lands in their own, never in the other.
    assert not LibraryDocument.objects.filter(collection=other, title="fichier-ailleurs").exists()
    assert LibraryDocument.objects.get(title="fichier-ailleurs").collection.name == "Documents – Español"
    assert answer["success"]
