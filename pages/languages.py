"""The site's languages, read from settings.LANGUAGES: the one table every app uses."""

from django.conf import settings

# Code → the language's name in its own script, in the site's order of languages.
SITE_LANGUAGES = dict(settings.LANGUAGES)


def language_name(code):
    return SITE_LANGUAGES.get(code, code)


def site_language_order(code):
    """A sort key: the site's languages in settings order, then any other code."""
    codes = list(SITE_LANGUAGES)
    return codes.index(code) if code in codes else len(codes)
