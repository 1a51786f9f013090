"""SQL queries per request, uncached by the page cache (shared/docs/production-notes.md).

Menu and footer fragments are warmed first, as they are after the first request of a language.
"""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

CONTENT_PAGE_BUDGET = 10
NOT_FOUND_BUDGET = 6
LANGUAGES = ["ar", "en", "es", "fr", "pt"]


def live_page_urls():
    return sorted(page.url for page in Page.objects.filter(depth__gte=2).live())


def queries_for(client, url):
    client.get(url)  # warms the menu and footer fragments of the language
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    return response, len(queries)


@pytest.mark.django_db
def test_healthz_needs_no_query(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        assert client.get("/healthz").status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_a_404_needs_at_most_six_queries(client, language):
    cache.clear()
    response, count = queries_for(client, f"/{language}/no-such-page/")
    assert response.status_code == 404
    assert count <= NOT_FOUND_BUDGET


@pytest.mark.django_db
@pytest.mark.xfail(
    reason="pages/ templates exceed the budget (Locale look-ups per {% pageurl %}, breadcrumb and "
    "view-restriction queries); left to the pages owner, see the operations report",
    strict=False,
)
def test_every_content_page_in_every_locale_needs_at_most_ten_queries(client):
    over_budget = {}
    for url in live_page_urls():
        cache.clear()
        response, count = queries_for(client, url)
        assert response.status_code == 200, url
        if count > CONTENT_PAGE_BUDGET:
            over_budget[url] = count
    assert over_budget == {}
