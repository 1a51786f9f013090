"""Site search within the visitor's language, and the highlighting of the words found."""

import re

from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.db.models import OuterRef, Q, Subquery, TextField, Value
from django.db.models.functions import Coalesce
from wagtail.models import Page, get_page_models

from pages.models.base import BasePage
from pages.navigation import open_to_everyone
from resources.models.resource import ResourceKind, ResourcePage

MAX_QUERY_LENGTH = 200
MAX_TERMS = 12
SNIPPET_LENGTH = 280
QUERY_SYNTAX = str.maketrans({character: " " for character in "\"'()*:^{}[]+-~"})
# Control characters are no words either, and PostgreSQL refuses NUL in any query (a 500 otherwise).
CONTROL_CHARACTERS = str.maketrans({code: " " for code in [*range(0x20), *range(0x7F, 0xA0)]})


def clean_query(raw):
    """At most a few words of reasonable length: a huge query must not cost the server anything."""
    # Quotes and parentheses are query syntax to the search backends; visitors mean words.
    words = (raw or "")[:MAX_QUERY_LENGTH].translate(QUERY_SYNTAX).translate(CONTROL_CHARACTERS).split()
    return " ".join(words[:MAX_TERMS])


def search_pages(query, locale):
    """Live public pages of the locale, and the resources its library lists from other languages (not
    yet translated), matching every word of the query, best first."""
    from resources.listing import resources_for_locale  # listing imports this module

    listed_from_elsewhere = resources_for_locale(locale.pk).exclude(locale=locale).values("pk")
    pages = Page.objects.live().filter(Q(locale=locale) | Q(pk__in=listed_from_elsewhere))
    return open_to_everyone(pages).search(query, operator="and")


def page_types_with_introduction():
    return [model for model in get_page_models() if issubclass(model, BasePage) and not model._meta.abstract]


def with_result_texts(results):
    """The results, each with the text shown under its title and a resource's kind, in one query.

    Fetching the specific pages instead would cost one query per page type among the results.
    """
    pages = list(results)
    texts = [
        Subquery(model.objects.filter(pk=OuterRef("pk")).values("summary" if model is ResourcePage else "introduction")[:1])
        for model in page_types_with_introduction()
    ]
    kinds = Subquery(ResourcePage.objects.filter(pk=OuterRef("pk")).values("kind")[:1])
    annotated = Page.objects.filter(pk__in=[page.pk for page in pages]).annotate(
        result_text=Coalesce(*texts, Value(""), output_field=TextField()) if texts else Value(""),
        resource_kind=kinds,
    )
    by_pk = {page.pk: page for page in annotated}
    return [by_pk.get(page.pk, page) for page in pages]


def result_text(page):
    if getattr(page, "resource_kind", None):
        return getattr(page, "result_text", "")
    return page.search_description or getattr(page, "result_text", "") or ""


def kind_label(page):
    kind = getattr(page, "resource_kind", None)
    return ResourceKind(kind).label if kind in ResourceKind.values else ""


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
            "kind": kind_label(page),
        }
        for page in pages
    ]
