"""Canaries for search/modelsearch_workaround.py, on PostgreSQL (the only database it serves): modelsearch's
index still reads its text-search configuration from `backend.config` when it adds objects, its results
still ask the query compiler's `get_config`, and its query builder still overflows on a long query.

That the public and admin searches answer huge queries is tested in tests/test_advisory_search_redos.py,
and that each language is stemmed in tests/test_search.py.
"""

import pytest
from django.db import connection
from django.utils import translation
from modelsearch.backends import get_search_backend
from modelsearch.backends.database.postgres.postgres import PostgresSearchBackend
from wagtail.models import Page
from wagtail.search.models import IndexEntry

from pages.models import StandardPage
from tests.translation_helpers import page_in

pytestmark = [
    pytest.mark.skipif(connection.vendor != "postgresql", reason="the workaround serves PostgreSQL only"),
    pytest.mark.django_db,
]

FRENCH_WORD = "ratifiées"
LONG_QUERY = " ".join(f"mot{number}" for number in range(1000))


def lexemes(config, text):
    with connection.cursor() as cursor:
        cursor.execute("SELECT tsvector_to_array(to_tsvector(%s::regconfig, %s))", [config, text])
        return set(cursor.fetchone()[0])


def indexed_lexemes(page):
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT tsvector_to_array(body) FROM {IndexEntry._meta.db_table} WHERE object_id = %s", [str(page.pk)]
        )
        return {lexeme for (array,) in cursor.fetchall() for lexeme in array}


@pytest.fixture
def french_page():
    page = page_in("about", "fr").add_child(
        instance=StandardPage(title="Traités", slug="traites", introduction=f"Les conventions {FRENCH_WORD}.")
    )
    page.save_revision().publish()
    return page


def test_the_index_stems_a_french_page_with_the_french_configuration(french_page):
    assert lexemes("french", FRENCH_WORD) != lexemes("english", FRENCH_WORD), "the word must tell them apart"

    assert lexemes("french", FRENCH_WORD) <= indexed_lexemes(french_page), (
        "modelsearch's PostgresIndex.add_items no longer reads the text-search configuration from "
        "self.backend.config (through ObjectIndexer): re-check LanguageAwareIndex in search/modelsearch_workaround.py."
    )


def test_search_results_parse_the_query_with_the_compilers_configuration(french_page):
    pages = StandardPage.objects.filter(pk=french_page.pk)

    with translation.override("fr"):
        found_in_french = list(get_search_backend().search("ratifiée", pages))
    with translation.override("en"):
        found_in_english = list(get_search_backend().search("ratifiée", pages))

    assert (found_in_french, found_in_english) == ([french_page], []), (
        "modelsearch's PostgreSQL results no longer parse the query with query_compiler.get_config(backend): "
        "re-check LanguageAwareQueryCompiler in search/modelsearch_workaround.py."
    )


@pytest.mark.parametrize("method", ["search", "autocomplete"])
def test_upstream_query_builder_still_overflows_on_a_long_query(method):
    upstream = PostgresSearchBackend({})
    try:
        list(getattr(upstream, method)(LONG_QUERY, Page))
    except RecursionError:
        pass
    else:
        pytest.fail(
            f"modelsearch's {method} now answers a 1000-word query: BoundedQueryMixin in "
            "search/modelsearch_workaround.py may go."
        )

    assert list(getattr(get_search_backend(), method)(LONG_QUERY, Page)) == []
