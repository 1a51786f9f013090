"""Bad PO uploads get a message, never a 500 (translation_workflow/wagtail_localize_workaround_po_upload.py;
its canaries are in tests/test_wagtail_localize_workarounds.py)."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

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

