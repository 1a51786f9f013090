"""Bad PO uploads get a message, never a 500 (translation_workflow/po_upload.py works around upstream)."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import RequestFactory
from django.urls import reverse
from django.utils.datastructures import MultiValueDictKeyError
from wagtail_localize.views import edit_translation

from tests.translation_helpers import translation_of

BAD_UPLOADS = {
    "no file": {},
    "not a PO file": {"file": SimpleUploadedFile("about.po", b"\x00\xffnot gettext at all")},
    "a PO file without its translation id": {
        "file": SimpleUploadedFile("about.po", b'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n')
    },
}


@pytest.mark.django_db
@pytest.mark.parametrize("upload", BAD_UPLOADS)
def test_a_bad_po_upload_is_answered_with_a_message(client, translator_for, upload):
    client.force_login(translator_for("pt"))
    about = translation_of("about", "pt")

    response = client.post(
        reverse("wagtail_localize:upload_pofile", args=[about.pk]),
        {**BAD_UPLOADS[upload], "next": "/admin/"},
        follow=True,
    )

    assert response.status_code == 200
    assert "Please upload a valid PO file." in response.content.decode()


@pytest.mark.django_db
def test_upstream_still_needs_the_workaround(translator_for):
    """When this fails, wagtail-localize handles a missing file itself: remove po_upload.py."""
    about = translation_of("about", "pt")
    request = RequestFactory().post("/", {})
    request.user = translator_for("pt")

    with pytest.raises(MultiValueDictKeyError):
        edit_translation.upload_pofile(request, about.pk)
