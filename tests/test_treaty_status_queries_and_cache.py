"""The treaty status page costs at most eight queries uncached, and is served from the page cache."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from .treaty_status_support import LANGUAGES, page_url

QUERY_BUDGET = 8


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["", "?region=150&uncat=party&sort=opcat"])
def test_the_page_needs_at_most_eight_queries_in_every_language(client, query):
    counts = {}
    for language in LANGUAGES:
        cache.clear()
        url = page_url(language) + query
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        counts[language] = len(queries)
    assert max(counts.values()) <= QUERY_BUDGET, counts


@pytest.mark.django_db
def test_visitors_get_the_page_from_the_cache(client, django_assert_num_queries):
    with override_settings(PAGE_CACHE_SERVER_SECONDS=600):
        cache.clear()
        url = page_url("fr")
        first = client.get(url)
        with django_assert_num_queries(0):
            second = client.get(url)
    assert (first["X-Cache"], second["X-Cache"]) == ("miss", "hit")
    assert "public" in second["Cache-Control"]
