"""Languages a library file can be in: the five site languages first, then others CTI publishes in."""

from django.utils.translation import gettext_lazy as _

from pages.languages import SITE_LANGUAGES

OTHER_LANGUAGE_NAMES = {
    "ru": "Русский",
    "zh": "中文",
    "id": "Bahasa Indonesia",
    "sw": "Kiswahili",
    "th": "ไทย",
    "vi": "Tiếng Việt",
    "km": "ខ្មែរ",
    "my": "မြန်မာ",
    "fj": "Na Vosa Vakaviti",
    "tet": "Tetun",
}

ALL_LANGUAGE_NAMES = {**SITE_LANGUAGES, **OTHER_LANGUAGE_NAMES}

FILE_LANGUAGE_CHOICES = [(code, name) for code, name in ALL_LANGUAGE_NAMES.items()]


def language_name(code):
    """A language's name in its own script, as shown on download buttons."""
    return ALL_LANGUAGE_NAMES.get(code, code)


LANGUAGE_FIELD_HELP = _("The language the file is written in.")
