"""Every interface string is translated in the four catalogues, and the compiled catalogue is used."""

import polib
import pytest
from django.conf import settings
from django.utils import translation

from pages.ui_strings import project_strings

LANGUAGES = ["ar", "es", "fr", "pt"]


def catalogue(language_code):
    return polib.pofile(str(settings.BASE_DIR / "locale" / language_code / "LC_MESSAGES" / "django.po"))


@pytest.mark.parametrize("language_code", LANGUAGES)
def test_every_ui_string_is_translated(language_code):
    entries = {entry.msgid: entry for entry in catalogue(language_code) if not entry.obsolete}
    missing = []
    for text, source in project_strings().items():
        msgid = text[0] if isinstance(text, tuple) else text
        entry = entries.get(msgid)
        if entry is None or not entry.translated() or "fuzzy" in entry.flags:
            missing.append(f"{source}: {msgid!r}")

    assert not missing, f"Untranslated in locale/{language_code}/LC_MESSAGES/django.po:\n" + "\n".join(missing)


@pytest.mark.parametrize("language_code", LANGUAGES)
def test_translations_keep_their_placeholders(language_code):
    import re

    placeholder = re.compile(r"%\(\w+\)s|\{\w*\}")
    for entry in catalogue(language_code):
        if entry.translated() and not entry.msgid_plural:
            assert sorted(placeholder.findall(entry.msgid)) == sorted(placeholder.findall(entry.msgstr)), entry.msgid


def test_the_compiled_catalogue_is_in_use():
    with translation.override("fr"):
        assert translation.gettext("Skip to main content") != "Skip to main content"
