"""Workaround: translators may override a link's address in a translation; never with a script address.

wagtail-localize 1.14 lets anyone who can edit a translation replace the address of a rich-text link
(an "overridable segment") with any text, and its view (`edit_translation.edit_override`) stores it
unchecked: `javascript:…` then reaches the published page, since Wagtail renders stored rich text as it
is. Here such an override is kept (so the translator sees it) but marked as an error, which
wagtail-localize leaves out of previews and publication, with a message in the translation editor.

It relies on upstream recording its own errors with `save(update_fields=["has_error", "field_error"])`
(`SegmentOverride.set_field_error`), which this handler lets through untouched.
tests/test_wagtail_localize_workarounds.py holds the canaries: they fail once upstream checks these
addresses itself (then this module can go), or records its errors another way.
"""

import json
import re

from django.db.models.signals import pre_save
from django.utils.translation import gettext_lazy as _
from wagtail_localize.models import SegmentOverride

SAFE_SCHEMES = {"http", "https", "mailto", "tel"}
SCHEME = re.compile(r"^([a-z][a-z0-9+.\-]*):")
# Browsers drop these anywhere in a scheme ("java\tscript:") and around the address.
IGNORED_BY_BROWSERS = re.compile(r"[\x00-\x20\x7f]")
DISPATCH_UID = "translation_workflow.safe_overrides"
UNSAFE_ADDRESS_MESSAGE = _("Links may only start with http://, https://, mailto: or tel:, or be an address on this site.")


def is_unsafe_address(value):
    if not isinstance(value, str):
        return False
    match = SCHEME.match(IGNORED_BY_BROWSERS.sub("", value).lower())
    return bool(match) and match.group(1) not in SAFE_SCHEMES


def check_override(sender, instance, update_fields=None, **kwargs):
    if update_fields is not None and "data_json" not in update_fields:
        return  # wagtail-localize recording its own error
    try:
        value = json.loads(instance.data_json)
    except (TypeError, ValueError):
        return
    if is_unsafe_address(value):
        instance.has_error = True
        instance.field_error = str(UNSAFE_ADDRESS_MESSAGE)
    else:
        # A new value replaces the old one, and any error found in it (wagtail-localize checks again
        # when the translation is published).
        instance.has_error = False
        instance.field_error = ""


def connect():
    pre_save.connect(check_override, sender=SegmentOverride, dispatch_uid=DISPATCH_UID)
