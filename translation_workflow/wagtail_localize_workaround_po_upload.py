"""Workaround: wagtail-localize 1.14's PO upload view (`edit_translation.upload_pofile`) answers 500 to a
request without a file and to a PO file without its translation-ID header. This view, registered at the
same admin URL before wagtail-localize's own, answers those with a message instead and hands every
well-formed upload to the upstream view.

It also refuses, whole and before anything is saved, a file whose translations hold markup their
field does not allow (translated_markup.py), naming the first such string.

tests/test_wagtail_localize_workarounds.py holds the canaries: they fail once upstream answers these
files itself (then only the markup check need stay), or once the URL, the header or the permission
check this view shares with upstream changes.
"""

import contextlib
import os
import tempfile

import polib
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail_localize.models import Translation, TranslationContext
from wagtail_localize.views import edit_translation

from .translated_markup import is_disallowed

TRANSLATION_ID_HEADER = "X-WagtailLocalize-TranslationID"


def _read_po(upload):
    """The uploaded wagtail-localize PO file, or None if it is not one."""
    with tempfile.NamedTemporaryFile(delete=False) as handle:
        for chunk in upload.chunks():
            handle.write(chunk)
    try:
        po = polib.pofile(handle.name)
    except (OSError, UnicodeDecodeError, ValueError):
        return None
    finally:
        upload.seek(0)
        with contextlib.suppress(OSError):
            os.unlink(handle.name)
    return po if TRANSLATION_ID_HEADER in po.metadata else None


def _first_disallowed_entry(po, translation):
    contexts = {
        context.path: context
        for context in TranslationContext.objects.filter(object_id=translation.source.object_id)
    }
    for entry in po:
        if entry.msgstr and entry.msgctxt in contexts and is_disallowed(entry.msgstr, contexts[entry.msgctxt]):
            return entry
    return None


def upload_pofile(request, translation_id):
    next_url = get_valid_next_url_from_request(request) or reverse("wagtailadmin_home")
    upload = request.FILES.get("file")
    po = _read_po(upload) if request.method == "POST" and upload is not None else None
    if po is None:
        messages.error(request, _("Please upload a valid PO file."))
        return redirect(next_url)
    translation = get_object_or_404(Translation, pk=translation_id)
    if not edit_translation.user_can_edit_instance(request.user, translation.get_target_instance()):
        raise PermissionDenied
    # A file made for another translation is refused by upstream, with its own message.
    entry = _first_disallowed_entry(po, translation) if po.metadata[TRANSLATION_ID_HEADER] == str(translation.uuid) else None
    if entry is not None:
        messages.error(
            request,
            _("This file was not imported: the translation of “%(text)s” contains markup that is not allowed.")
            % {"text": Truncator(entry.msgid).chars(60)},
        )
        return redirect(next_url)
    return edit_translation.upload_pofile(request, translation_id)
