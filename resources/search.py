"""Site search within the visitor's language, and the highlighting of the words found."""

import re

from django.utils.html import escape
from django.utils.safestring import mark_safe
from wagtail.models import Page

from resources.models.resource import ResourcePage

MAX_QUERY_LENGTH = 200
MAX_TERMS = 12
SNIPPET_LENGTH = 280
QUERY_SYNTAX = str.maketrans({character: " " for character in "\"'()*:^{}[]+-~"})


def clean_query(raw):
    """At most a few words of reasonable length: a huge query must not cost the server anything."""
    # Quotes and parentheses are query syntax to the search backends; visitors mean words.
    words = (raw or "")[:MAX_QUERY_LENGTH].translate(QUERY_SYNTAX).split()
    return " ".join(words[:MAX_TERMS])


def search_pages(query, locale):
    """Live public pages of the locale matching every word of the query, best first."""
    return Page.objects.live().public().filter(locale=locale).search(query, operator="and")


def with_specific_pages(results):
    """The specific page of each result, fetched together (one query per page type)."""
    pages = list(results)
    specific = {page.pk: page for page in Page.objects.filter(pk__in=[page.pk for page in pages]).specific()}
    return [specific.get(page.pk, page) for page in pages]


def result_text(page):
    if isinstance(page, ResourcePage):
        return page.summary
    return page.search_description or getattr(page, "introduction", "") or ""


def term_pattern(query):
    """Words starting like a query word: 'ratifiée' also marks 'ratifié', as stemming found it."""
    stems = []
    for term in query.split():
        term = re.sub(r"\W", "", term)
        if term:
            stems.append(re.escape(term[: max(4, len(term) - 2)]))
    if not stems:
        return None
    return re.compile(r"\b(?:" + "|".join(stems) + r")\w*", re.IGNORECASE)


def highlight(text, query, length=None):
    """HTML-escaped text with the query's words in <mark>; cut to a window around the first match."""
    text = text or ""
    pattern = term_pattern(query)
    if length and len(text) > length:
        first = pattern.search(text) if pattern else None
        start = max(0, first.start() - length // 3) if first else 0
        text = ("…" if start else "") + text[start : start + length].strip() + "…"
    if pattern is None:
        return escape(text)
    parts, position = [], 0
    for match in pattern.finditer(text):
        parts.append(escape(text[position : match.start()]))
        parts.append(f"<mark>{escape(match.group(0))}</mark>")
        position = match.end()
    parts.append(escape(text[position:]))
    return mark_safe("".join(parts))


def describe(pages, query):
    return [
        {
            "page": page,
            "title": highlight(page.title, query),
            "text": highlight(result_text(page), query, SNIPPET_LENGTH),
            "kind": page.get_kind_display() if isinstance(page, ResourcePage) else "",
        }
        for page in pages
    ]
