"""Site search within the visitor's language, and the highlighting of the words found.

Page types say what search shows of them (`BasePage.search_result_text_field`,
`search_result_label_field`) and which of their pages in other languages a locale lists as its own
(`BasePage.shown_in_other_locales`), so search needs to know no feature app.
"""

import re

from django.contrib.contenttypes.models import ContentType
from django.db.models import OuterRef, Q, Subquery, TextField, Value
from django.db.models.functions import Coalesce
from django.utils.html import escape
from django.utils.safestring import mark_safe
from wagtail.models import Page, get_page_models

from pages.models.base import BasePage
from pages.navigation import open_to_everyone

SNIPPET_LENGTH = 280


def searchable_page_types():
    return [model for model in get_page_models() if issubclass(model, BasePage) and not model._meta.abstract]


def search_pages(query, locale):
    """Live public pages of the locale, and the pages it lists from other languages (resources not
    yet translated), matching every word of the query, best first."""
    in_scope = Q(locale=locale)
    for model in searchable_page_types():
        shown_here = model.shown_in_other_locales(locale)
        if shown_here is not None:
            in_scope |= Q(pk__in=shown_here.values("pk"))
    pages = Page.objects.live().filter(in_scope)
    return open_to_everyone(pages).search(query, operator="and")


def first_value(models, field_attribute):
    """The value of each model's named field for the outer page, whichever model the page is."""
    values = [
        Subquery(model.objects.filter(pk=OuterRef("pk")).values(getattr(model, field_attribute))[:1])
        for model in models
        if getattr(model, field_attribute)
    ]
    return Coalesce(*values, Value(""), output_field=TextField()) if values else Value("")


def with_result_texts(results):
    """The results, each with the text shown under its title and its label (a resource's kind), in
    one query. Fetching the specific pages instead would cost one query per page type among the results.
    """
    pages = list(results)
    models = searchable_page_types()
    annotated = Page.objects.filter(pk__in=[page.pk for page in pages]).annotate(
        result_text=first_value(models, "search_result_text_field"),
        result_label_value=first_value(models, "search_result_label_field"),
    )
    by_pk = {page.pk: page for page in annotated}
    return [by_pk.get(page.pk, page) for page in pages]


def result_text(page):
    return page.search_description or getattr(page, "result_text", "") or ""


def result_label(page):
    model = ContentType.objects.get_for_id(page.content_type_id).model_class()
    field_name = getattr(model, "search_result_label_field", None)
    value = getattr(page, "result_label_value", "")
    if not field_name or not value:
        return ""
    return dict(model._meta.get_field(field_name).flatchoices).get(value, "")


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
            "kind": result_label(page),
        }
        for page in pages
    ]
