"""Workaround: wagtail-localize 1.14's PO upload view answers 500 to a request without a file and to
a PO file without its translation-ID header. This wrapper answers those with a message instead, and
hands every well-formed upload to the upstream view. `tests/test_po_upload.py` has a test that fails
once upstream handles them itself, so this module can then be removed.
"""

import contextlib
import os
import tempfile

import polib
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail_localize.views import edit_translation

TRANSLATION_ID_HEADER = "X-WagtailLocalize-TranslationID"


def _is_wagtail_localize_po(upload):
    with tempfile.NamedTemporaryFile(delete=False) as handle:
        for chunk in upload.chunks():
            handle.write(chunk)
    try:
        return TRANSLATION_ID_HEADER in polib.pofile(handle.name).metadata
    except (OSError, UnicodeDecodeError, ValueError):
        return False
    finally:
        upload.seek(0)
        with contextlib.suppress(OSError):
            os.unlink(handle.name)


def upload_pofile(request, translation_id):
    upload = request.FILES.get("file")
    if request.method != "POST" or upload is None or not _is_wagtail_localize_po(upload):
        messages.error(request, _("Please upload a valid PO file."))
        return redirect(get_valid_next_url_from_request(request) or reverse("wagtailadmin_home"))
    return edit_translation.upload_pofile(request, translation_id)
