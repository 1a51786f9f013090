"""The interface catalogues are well formed (placeholders, plural forms, French spacing), and the compiled
catalogue is used. That they are complete is tests/test_ui_catalogues_complete.py."""

import re

import polib
import pytest
from django.conf import settings
from django.utils import translation

PLURAL_FORMS = {"ar": 6, "es": 2, "fr": 2, "pt": 2}
PLACEHOLDER = re.compile(r"%\(\w+\)s|\{\w*\}")
URL_SCHEME = re.compile(r"\b(?:https?|mailto|tel):(?://)?")
# French puts a non-breaking space before : ; ? ! and inside « »; a plain space or none is a mistake.
FRENCH_SPACING_MISTAKE = re.compile(r"[^\u00a0][:;?!»]|«[^\u00a0]")


def catalogue(language_code):
    return polib.pofile(str(settings.BASE_DIR / "locale" / language_code / "LC_MESSAGES" / "django.po"))


def placeholders(text):
    return sorted(PLACEHOLDER.findall(text))


@pytest.mark.parametrize("language_code", PLURAL_FORMS)
def test_translations_keep_their_placeholders(language_code):
    for entry in catalogue(language_code):
        if not entry.translated():
            continue
        if entry.msgid_plural:
            english = set(placeholders(entry.msgid) + placeholders(entry.msgid_plural))
            forms = [entry.msgstr_plural[index] for index in sorted(entry.msgstr_plural)]
            # A form for one, two or none may spell the number out; the general plural keeps every placeholder.
            assert all(set(placeholders(form)) <= english for form in forms), entry.msgid
            assert placeholders(forms[-1]) == placeholders(entry.msgid_plural), entry.msgid
        else:
            assert placeholders(entry.msgstr) == placeholders(entry.msgid), entry.msgid


@pytest.mark.parametrize("language_code, forms", PLURAL_FORMS.items())
def test_plurals_have_every_form_of_the_language(language_code, forms):
    po = catalogue(language_code)

    assert f"nplurals={forms};" in po.metadata["Plural-Forms"]
    for entry in po:
        if entry.msgid_plural:
            assert len(entry.msgstr_plural) == forms, entry.msgid


def test_french_spacing():
    mistakes = []
    for entry in catalogue("fr"):
        for text in [entry.msgstr, *entry.msgstr_plural.values()]:
            matches = FRENCH_SPACING_MISTAKE.finditer(URL_SCHEME.sub("", text))
            mistakes += [f"{entry.msgid!r}: …{match.group()}…" for match in matches]

    assert not mistakes, "Use a non-breaking space (U+00A0) before : ; ? ! and inside « »:\n" + "\n".join(mistakes)


def test_the_compiled_catalogue_is_in_use():
    with translation.override("fr"):
        assert translation.gettext("Skip to main content") != "Skip to main content"
