"""The site's search backend (settings.WAGTAILSEARCH_BACKENDS): Wagtail's database search, stemmed in
each page's own language on PostgreSQL; upstream's database backend unchanged on SQLite."""

from django.db import connection
from modelsearch.backends.database import SearchBackend as DatabaseSearchBackend

from search.modelsearch_workaround import LanguageAwarePostgresSearchBackend


def SearchBackend(params):
    if connection.vendor == "postgresql":
        return LanguageAwarePostgresSearchBackend(params)
    return DatabaseSearchBackend(params)
