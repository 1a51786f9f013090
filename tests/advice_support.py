"""Helpers for the advice-hub tests: a valid submission and the page's URL in each language."""

import pytest
from django.core.cache import cache

from advice.forms import started_token

ADVICE_HUB_URL = "/{language}/how-cti-can-help/advice-hub/"


def advice_hub_url(language="en"):
    return ADVICE_HUB_URL.format(language=language)


def valid_submission(**overrides):
    data = {
        "name": "Amina Haddad",
        "position": "Legal Adviser",
        "institution": "Ministry of Justice",
        "country": "MA",
        "email": "amina@example.org",
        "phone": "+212 5 37 00 00 00",
        "topic": "reporting",
        "question": "How should our initial report to the Committee be structured?",
        "preferred_language": "en",
        "consent": "on",
        "website": "",
        "started": started_token(),
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


@pytest.fixture(autouse=True)
def advice_settings(settings):
    settings.ADVICE_MIN_FILL_SECONDS = 0
    settings.ADVICE_RATE_LIMIT = 100
    settings.SECRETARIAT_EMAIL = "secretariat@example.org"
    cache.clear()
    yield settings
    cache.clear()
