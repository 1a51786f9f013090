import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.models import Collection, CollectionViewRestriction

from resources.models import LibraryDocument
from tests.library_support import make_document

HTML_PAGE = b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"
SVG_IMAGE = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'


def upload(client, title, name, data):
    root = Collection.get_first_root_node()
    return client.post(
        "/admin/documents/add/",
        {"title": title, "file": SimpleUploadedFile(name, data), "collection": root.pk, "language": "en"},
    )


@pytest.mark.django_db
@pytest.mark.parametrize(
    "name, data",
    [("report.pdf", HTML_PAGE), ("drawing.svg", SVG_IMAGE), ("drawing.pdf", SVG_IMAGE), ("notes.txt", HTML_PAGE), ("tool.docx", b"%PDF-1.4 not a zip")],
)
def test_uploads_that_are_not_what_they_claim_are_refused(editor_client, name, data):
    response = upload(editor_client, "Disguised upload", name, data)

    assert response.status_code == 200
    assert not LibraryDocument.objects.filter(title="Disguised upload").exists()


@pytest.mark.django_db
def test_a_real_pdf_is_accepted_and_its_text_kept_for_search(editor_client):
    from demo.sample_files import sample_pdf

    response = upload(editor_client, "Genuine tool", "genuine.pdf", sample_pdf("Genuine tool", "About interrogation records."))

    assert response.status_code == 302
    document = LibraryDocument.objects.get(title="Genuine tool")
    assert "interrogation records" in document.text


@pytest.mark.django_db
def test_a_pdf_is_served_with_safe_headers(client):
    document = make_document("Served tool")

    response = client.get(document.url)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith(("inline", "attachment"))
    assert "filename" in response["Content-Disposition"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'"


@pytest.mark.django_db
def test_a_word_file_is_downloaded_not_displayed(client):
    document = make_document("Word tool", data=b"PK\x03\x04 a docx", name="word-tool.docx")

    response = client.get(document.url)

    assert response["Content-Disposition"].startswith("attachment")


@pytest.mark.django_db
def test_documents_in_a_private_collection_are_refused_to_the_public(client):
    private = Collection.get_first_root_node().add_child(name="Internal drafts")
    CollectionViewRestriction.objects.create(collection=private, restriction_type=CollectionViewRestriction.LOGIN)
    document = make_document("Internal draft", collection=private)

    response = client.get(document.url)
    conditional = client.get(document.url, HTTP_IF_NONE_MATCH=f'"{document.file_hash}"')

    assert response.status_code in (302, 403)
    assert b"%PDF" not in b"".join(getattr(response, "streaming_content", [response.content]))
    assert conditional.status_code != 304


@pytest.mark.django_db
def test_no_shared_cache_may_keep_a_document(client, editor_client):
    private = Collection.get_first_root_node().add_child(name="Secretariat only")
    CollectionViewRestriction.objects.create(collection=private, restriction_type=CollectionViewRestriction.LOGIN)
    public_document = make_document("Public tool")
    private_document = make_document("Secretariat note", collection=private)

    public = client.get(public_document.url)
    private_for_staff = editor_client.get(private_document.url)

    assert private_for_staff.status_code == 200
    for response in (public, private_for_staff):
        assert "private" in response["Cache-Control"]
        assert "public" not in response["Cache-Control"]
