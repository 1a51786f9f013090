"""Every string the project's code and templates mark for translation is translated in the four interface
catalogues: Django's makemessages (GNU gettext), run over a copy of them, finds nothing new, untranslated or
fuzzy. Without GNU gettext this is skipped, unless CI_REQUIRE_GETTEXT=1 (as in CI) makes it fail."""

import contextlib
import os
import shutil
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import override_settings

LANGUAGES = ["ar", "es", "fr", "pt"]
SOURCE_SUFFIXES = {".py", ".html", ".txt"}


def project_source_folders():
    """The project's Python packages but the tests, and its template folders: what `make messages` reads."""
    base = Path(settings.BASE_DIR)
    folders = {package.parent for package in base.glob("*/__init__.py")} - {base / "tests"}
    folders.update(Path(folder) for engine in settings.TEMPLATES for folder in engine["DIRS"])
    return sorted(folder.relative_to(base) for folder in folders)


def only_sources(folder, names):
    return [name for name in names if (Path(folder) / name).is_file() and Path(name).suffix not in SOURCE_SUFFIXES]


@pytest.fixture(scope="module")
def refreshed_catalogues(tmp_path_factory):
    """The catalogues as `make messages` would leave them, made in a copy of the sources (makemessages writes
    beside the templates it reads) so that neither the sources nor the real catalogues are touched."""
    if not shutil.which("xgettext"):
        if os.environ.get("CI_REQUIRE_GETTEXT") == "1":
            pytest.fail("GNU gettext is required here (CI_REQUIRE_GETTEXT=1): apt-get install gettext")
        pytest.skip("GNU gettext is not installed (apt-get install gettext)")
    base = Path(settings.BASE_DIR)
    copy = tmp_path_factory.mktemp("project")
    for folder in project_source_folders():
        shutil.copytree(base / folder, copy / folder, ignore=only_sources)
    locale = copy / "locale"
    for language_code in LANGUAGES:
        messages = Path(language_code) / "LC_MESSAGES"
        (locale / messages).mkdir(parents=True)
        shutil.copy(base / "locale" / messages / "django.po", locale / messages)
    with contextlib.chdir(copy), override_settings(LOCALE_PATHS=[locale]):
        call_command("makemessages", locale=LANGUAGES, no_obsolete=True, verbosity=0)
    return {
        language_code: polib.pofile(str(locale / language_code / "LC_MESSAGES" / "django.po"))
        for language_code in LANGUAGES
    }


def where_and_what(entry):
    places = ", ".join(f"{path}:{line}" for path, line in entry.occurrences)
    context = f"[{entry.msgctxt}] " if entry.msgctxt is not None else ""
    state = "fuzzy: new, or its English changed" if "fuzzy" in entry.flags else "untranslated"
    return f"{places}: {context}{entry.msgid!r} ({state})"


@pytest.mark.parametrize("language_code", LANGUAGES)
def test_every_marked_string_is_translated(refreshed_catalogues, language_code):
    missing = [where_and_what(entry) for entry in refreshed_catalogues[language_code] if not entry.translated()]

    assert not missing, (
        f"Missing, untranslated or fuzzy in locale/{language_code}/LC_MESSAGES/django.po "
        "(run `make messages`, then translate them):\n" + "\n".join(missing)
    )
