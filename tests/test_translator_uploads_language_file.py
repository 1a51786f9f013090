"""A translator uploads the file of their language to the library; the Secretariat attaches it to the resource."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.models import Collection

from resources.models import LibraryDocument, ResourceFile, ResourcePage
from resources.sample_files import sample_pdf


def upload(client, collection, language, title):
    return client.post(
        "/admin/documents/add/",
        {
            "title": title,
            "file": SimpleUploadedFile(f"{title}.pdf", sample_pdf(title, "A translated edition."), "application/pdf"),
            "collection": collection.pk,
            "language": language,
            "description": "",
        },
    )


@pytest.mark.django_db
def test_a_translator_uploads_their_languages_file_into_their_collection(client, translator_for, editor_client):
    client.force_login(translator_for("es"))
    spanish_documents = Collection.objects.get(name="Documents – Español")

    response = upload(client, spanish_documents, "es", "Guía sobre la legislación contra la tortura")

    assert response.status_code == 302
    document = LibraryDocument.objects.get(title="Guía sobre la legislación contra la tortura")
    assert (document.language, document.collection) == ("es", spanish_documents)

    # The Secretariat attaches it to the resource, in every language's library.
    resource = ResourcePage.objects.get(slug="guide-anti-torture-legislation", locale__language_code="en")
    resource.files.add(ResourceFile(language="es", document=document))
    resource.save_revision().publish()
    html = editor_client.get(resource.url).content.decode()
    assert document.url in html


@pytest.mark.django_db
@pytest.mark.parametrize("collection_name", ["Documents – Français", "Library"])
def test_a_translator_cannot_upload_into_another_collection(client, translator_for, collection_name):
    client.force_login(translator_for("es"))
    other = Collection.objects.get(name=collection_name)

    response = upload(client, other, "es", "Fichier déposé ailleurs")

    # Wagtail offers a translator no other collection: the file lands in their own, never in the other.
    assert not LibraryDocument.objects.filter(title="Fichier déposé ailleurs", collection=other).exists()
    assert response.status_code in (200, 302, 403)
