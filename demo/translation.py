"""Translate demo pages and snippets through wagtail-localize, as a translator's PO upload does.

The translations are the catalogues `locale/<language>/LC_MESSAGES/demo_content.po`, keyed by
the English text of each segment.
"""

from functools import lru_cache

import polib
from django.conf import settings
from django.core.management.base import CommandError
from wagtail_localize.models import Translation, TranslationSource

CATALOGUE_NAME = "demo_content"
TOOL_NAME = "CTI demo catalogue"


def catalogue_path(language_code):
    return settings.BASE_DIR / "locale" / language_code / "LC_MESSAGES" / f"{CATALOGUE_NAME}.po"


@lru_cache(maxsize=None)
def catalogue(language_code):
    path = catalogue_path(language_code)
    if not path.exists():
        return {}
    return {entry.msgid: entry.msgstr for entry in polib.pofile(str(path)) if entry.msgstr and not entry.obsolete}


def translate_object(instance, locale, overwrite=False):
    """Create or refresh the translation of a page or snippet; False when it existed and was kept."""
    if instance.get_translation_or_none(locale) is not None and not overwrite:
        return False
    source, created = TranslationSource.get_or_create_from_instance(instance)
    if not created:
        source.update_from_db()
    translation, _created = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    po = translation.export_po()
    strings = catalogue(locale.language_code)
    missing = [entry.msgid for entry in po if not entry.obsolete and entry.msgid not in strings]
    if missing:
        raise CommandError(
            f"{catalogue_path(locale.language_code)} lacks a translation for: " + " | ".join(missing)
        )
    for entry in po:
        if not entry.obsolete:
            entry.msgstr = strings[entry.msgid]
    translation.import_po(po, tool_name=TOOL_NAME)
    translation.save_target(publish=True)
    return True
