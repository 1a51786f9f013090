"""SQL queries per request, uncached by the page cache (shared/docs/production-notes.md).

Each page is requested once first, as after the first visit of a language: that fills the menu,
footer and listing fragments and Wagtail's cached site root paths, never the page itself.
"""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from resources import listing
from search import views as search_views
from resources.models import ResourceLibraryPage

from .library_support import LIBRARY_URL, publish_resource

CONTENT_PAGE_BUDGET = 10
# Wagtail's own routing looks up the Site, the Locale and the home page's translation before the page (3–4 queries
# the former custom router skipped by writing its private request attributes).
LISTING_BUDGET = 14
NOT_FOUND_BUDGET = 6
LANGUAGES = ["ar", "en", "es", "fr", "pt"]
SEARCH_WORDS = {"ar": "الدول", "en": "torture", "es": "tortura", "fr": "ratifiée", "pt": "tortura"}


def queries_for(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return response, len(queries)


def over_budget(client, urls, budget):
    counts = {}
    for url in urls:
        cache.clear()
        counts[url] = queries_for(client, url)[1]
    return {url: count for url, count in counts.items() if count > budget}


@pytest.mark.django_db
def test_healthz_needs_no_query(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        assert client.get("/healthz").status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_a_404_needs_at_most_six_queries(client, language):
    cache.clear()
    client.get(f"/{language}/no-such-page/")
    with CaptureQueriesContext(connection) as queries:
        response = client.get(f"/{language}/about/no-such-page/")
    assert response.status_code == 404
    assert len(queries) <= NOT_FOUND_BUDGET


@pytest.mark.django_db
def test_every_content_page_in_every_locale_needs_at_most_ten_queries(client):
    library_ids = ResourceLibraryPage.objects.values_list("pk", flat=True)
    urls = sorted(page.url for page in Page.objects.filter(depth__gte=2).live().exclude(pk__in=library_ids))
    assert len(urls) > 100
    assert over_budget(client, urls, CONTENT_PAGE_BUDGET) == {}


@pytest.mark.django_db
def test_the_library_and_search_need_at_most_fourteen_queries_in_every_locale(client):
    urls = [page.url for page in ResourceLibraryPage.objects.live()]
    urls += [f"{url}?topic=safeguards&kind=tool&language=fr&year=2017&q=police" for url in urls]
    urls += [f"/{language}/search/?q={word}" for language, word in SEARCH_WORDS.items()]
    assert over_budget(client, urls, LISTING_BUDGET) == {}


@pytest.mark.django_db
def test_listings_cost_the_same_with_one_item_and_with_fifty(client, monkeypatch):
    monkeypatch.setattr(listing, "RESOURCES_PER_PAGE", 50)
    monkeypatch.setattr(search_views, "RESULTS_PER_PAGE", 50)
    for number in range(50):
        kind = "report" if number == 0 else "briefing"
        publish_resource(f"Quarterly bulletin {number}", languages=("en", "fr", "ar"), kind=kind, topics=("safeguards", "policing"))

    library_one, library_one_count = queries_for(client, f"{LIBRARY_URL}?kind=report&year=2024")
    library_fifty, library_fifty_count = queries_for(client, f"{LIBRARY_URL}?year=2024")
    search_one, search_one_count = queries_for(client, "/en/search/?q=bulletin+0")
    search_fifty, search_fifty_count = queries_for(client, "/en/search/?q=quarterly+bulletin")

    assert library_one.content.decode().count('<li class="resource-card">') == 1
    assert library_fifty.content.decode().count('<li class="resource-card">') == 50
    assert search_one.content.decode().count('<li class="search-result">') == 1
    assert search_fifty.content.decode().count('<li class="search-result">') == 50
    assert library_fifty_count == library_one_count
    assert search_fifty_count == search_one_count
