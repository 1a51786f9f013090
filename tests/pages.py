"""The demo site's English URLs (shared/docs/site-map.md) and helpers to read pages as text."""

import re
from html import unescape

CONTENT_PAGES = {
    "/en/": "HomePage",
    "/en/about/": "AboutPage",
    "/en/about/core-states/": "CoreStatesPage",
    "/en/about/secretariat/": "SecretariatPage",
    "/en/about/group-of-friends/": "GroupOfFriendsPage",
    "/en/about/operating-principles/": "OperatingPrinciplesPage",
    "/en/about/history/": "HistoryPage",
    "/en/how-cti-can-help/": "HowCtiCanHelpPage",
    "/en/how-cti-can-help/tools-and-guides/": "ResourceLibraryPage",
    "/en/how-cti-can-help/advice-hub/": "AdviceHubPage",
}


def visible_text(html):
    html = re.sub(r"(?is)<(script|style|head)\b.*?</\1>", " ", html)
    return unescape(re.sub(r"(?s)<[^>]+>", " ", html))


def main_text(html):
    match = re.search(r"(?s)<main\b.*?</main>", html)
    return visible_text(match.group(0) if match else html)


def normalise(text):
    """Compare words, not punctuation or case: «The CTI’s work,» matches "the cti s work"."""
    return " ".join(re.sub(r"[\W_]+", " ", text.casefold()).split())
