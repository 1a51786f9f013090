"""The translation editor's notes on each text ("Translated manually on 1 December 2026") in the admin's language.

wagtail-localize 1.14 writes the date of `StringTranslation.get_comment()` with `strftime`: English month
names whatever the admin language (an English date inside an Arabic sentence) and the UTC day rather than
Geneva's. Here the same sentences (wagtail-localize's own, so its catalogues translate them) carry the
date formatted by Django for the active language, in the site's time zone.
tests/test_translation_sync_diff.py's canary fails once upstream stops using strftime there.
"""

from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from wagtail_localize.models import StringTranslation

UPSTREAM_GET_COMMENT = StringTranslation.get_comment


def get_comment(string_translation):
    date = date_format(localtime(string_translation.updated_at), "DATE_FORMAT")
    if string_translation.tool_name:
        return _("Translated with {tool_name} on {date}").format(tool_name=string_translation.tool_name, date=date)
    if string_translation.translation_type == StringTranslation.TRANSLATION_TYPE_MANUAL:
        return _("Translated manually on {date}").format(date=date)
    if string_translation.translation_type == StringTranslation.TRANSLATION_TYPE_MACHINE:
        return _("Machine translated on {date}").format(date=date)
    return None


def apply():
    StringTranslation.get_comment = get_comment
