"""Wagtail's database search backend, with PostgreSQL's text-search configuration of each language.

Upstream's PostgreSQL backend stems every object and every query with one configuration
(`SEARCH_CONFIG`). Here an object of a locale is indexed with its language's configuration and a
query is parsed with the visitor's, so "ratifiée" finds "ratifié" in French and "الدول" finds
"الدولة" in Arabic. On SQLite (and any other database) this is upstream's database backend unchanged.
"""

import copy
from itertools import groupby

from django.db import connection
from django.utils.translation import get_language
from modelsearch.backends.database import SearchBackend as database_search_backend
from modelsearch.backends.database.postgres.postgres import (
    PostgresIndex,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
)
from wagtail.models import Locale

TEXT_SEARCH_CONFIGS = {
    "ar": "arabic",
    "en": "english",
    "es": "spanish",
    "fr": "french",
    "pt": "portuguese",
}


def config_for_language(language_code, default):
    return TEXT_SEARCH_CONFIGS.get((language_code or "").split("-")[0], default)


class LanguageAwareQueryCompiler(PostgresSearchQueryCompiler):
    def get_config(self, backend):
        return config_for_language(get_language(), backend.config)


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
    index_class = LanguageAwareIndex


def SearchBackend(params):
    if connection.vendor == "postgresql":
        return LanguageAwarePostgresSearchBackend(params)
    return database_search_backend(params)
