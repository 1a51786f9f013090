"""Every sentence of the client's brief (shared/seeds) is on the English demo site."""

import re
from pathlib import Path

import pytest
from django.conf import settings

from tests.pages import CONTENT_PAGES, main_text, normalise

SEEDS = sorted((Path(settings.BASE_DIR).parent / "shared" / "seeds").glob("*.txt"))

# Lines of the brief that are not copy: the banner's file name (it is the home page banner image)
# and the language bar (it is the language switcher, whose names are in their own scripts).
NOT_COPY = {"CTI-Banner-colorful-flags-2560-400", "Arabic English Español Français Português"}
# Typing slips in the brief, published corrected.
COPY_EDITS = {"Group of Friendsa network based cooperation": "Group of Friends, a network-based cooperation"}


def seed_sentences():
    for seed in SEEDS:
        for line in seed.read_text(encoding="utf-8").splitlines():
            line = " ".join(line.replace("[-]", "").split()).strip("• ")
            if not line or line in NOT_COPY:
                continue
            for wrong, right in COPY_EDITS.items():
                line = line.replace(wrong, right)
            for sentence in re.split(r"(?<=[.;?!])\s+|\s+–\s+(?=The CTI works)", line):
                if normalise(sentence):
                    yield seed.name, sentence


@pytest.fixture(scope="module")
def site_text(django_db_blocker):
    from django.test import Client

    with django_db_blocker.unblock():
        client = Client()
        pages = [main_text(client.get(url).content.decode()) for url in CONTENT_PAGES]
    return normalise(" ".join(pages))


def test_the_brief_was_found():
    assert len(SEEDS) == 2
    assert len(list(seed_sentences())) > 60


@pytest.mark.django_db
def test_every_sentence_of_the_brief_is_on_the_site(site_text):
    missing = [f"{seed}: {sentence}" for seed, sentence in seed_sentences() if normalise(sentence) not in site_text]

    assert not missing, "Missing from the demo site:\n" + "\n".join(missing)
