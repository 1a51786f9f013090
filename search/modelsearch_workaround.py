"""Workarounds for modelsearch's PostgreSQL backend (Wagtail's database search), by subclassing its internals.

Upstream stems every object and every query with one text-search configuration (`SEARCH_CONFIG`).
Here an object of a locale is indexed with its language's configuration and a query is parsed with
the visitor's, so "ratifiée" finds "ratifié" in French and "الدول" finds "الدولة" in Arabic. Upstream's
query builder also recurses once per word, so a long admin query overflowed the stack (a 500); the
query is bounded first. tests/test_modelsearch_workaround.py fails when the internals used here move.
"""

import copy
import re
from itertools import groupby

from django.conf import settings
from django.utils.translation import get_language, get_language_info
from modelsearch.backends.database.postgres.postgres import (
    PostgresAutocompleteQueryCompiler,
    PostgresIndex,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
)
from modelsearch.query import And, Boost, Not, Or, Phrase, PlainText
from wagtail.models import Locale

# PostgreSQL names its text-search configurations after the languages' English names.
TEXT_SEARCH_CONFIGS = {code: get_language_info(code)["name"].lower() for code, _name in settings.LANGUAGES}


def config_for_language(language_code, default):
    return TEXT_SEARCH_CONFIGS.get((language_code or "").split("-")[0], default)


# The admin's searches take any query: past this many words the query builder recursed out of stack
# (a 500). Nobody searches with more; the rest are dropped.
MAX_QUERY_TERMS = 32
MAX_QUERY_TEXT = 1000


def bounded_query(query, budget=None):
    """The query with at most MAX_QUERY_TERMS words in all (the first ones), each text cut short."""
    budget = budget if budget is not None else [MAX_QUERY_TERMS]
    if isinstance(query, PlainText):
        # Split as the PostgreSQL backend does: on spaces and hyphens.
        words = [word for word in re.split(r"[\s\-]+", query.query_string[:MAX_QUERY_TEXT]) if word]
        words = words[: max(budget[0], 0)]
        budget[0] -= len(words)
        return PlainText(" ".join(words), operator=query.operator, boost=query.boost)
    if isinstance(query, Phrase):
        budget[0] -= 1
        return Phrase(query.query_string[:MAX_QUERY_TEXT])
    if isinstance(query, (And, Or)):
        subqueries = []
        for subquery in query.subqueries:
            if budget[0] <= 0:
                break
            subqueries.append(bounded_query(subquery, budget))
        return type(query)(subqueries or [PlainText("")])
    if isinstance(query, Not):
        return Not(bounded_query(query.subquery, budget))
    if isinstance(query, Boost):
        return Boost(bounded_query(query.subquery, budget), query.boost)
    return query


class BoundedQueryMixin:
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.query = bounded_query(self.query)


class LanguageAwareQueryCompiler(BoundedQueryMixin, PostgresSearchQueryCompiler):
    def get_config(self, backend):
        return config_for_language(get_language(), backend.config)


class BoundedAutocompleteQueryCompiler(BoundedQueryMixin, PostgresAutocompleteQueryCompiler):
    pass


class LanguageAwareIndex(PostgresIndex):
    def add_items(self, model, objs):
        language_codes = dict(Locale.objects.values_list("pk", "language_code"))

        def search_config(obj):
            language_code = language_codes.get(getattr(obj, "locale_id", None))
            return config_for_language(language_code, self.backend.config) or ""

        backend = self.backend
        try:
            for config, group in groupby(sorted(objs, key=search_config), key=search_config):
                # add_items reads the configuration from the backend, so each language gets its own copy.
                self.backend = copy.copy(backend)
                self.backend.config = config or backend.config
                super().add_items(model, list(group))
        finally:
            self.backend = backend


class LanguageAwarePostgresSearchBackend(PostgresSearchBackend):
    query_compiler_class = LanguageAwareQueryCompiler
    autocomplete_query_compiler_class = BoundedAutocompleteQueryCompiler
    index_class = LanguageAwareIndex

