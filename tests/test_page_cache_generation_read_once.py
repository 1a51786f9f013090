"""The page cache's generation number is read from the shared cache once per request, however many
fragment and page keys carry it, and a purge still reaches the next request."""

import pytest
from django.core.cache import cache
from django.core.cache.backends.locmem import LocMemCache
from django.test import Client, override_settings
from wagtail.models import Page

from operations.caching import GENERATION_KEY, page_cache_generation, purge_page_cache

ABOUT = "/en/about/"
CORE_STATES = "/en/about/core-states/"


class GenerationReadCountingCache(LocMemCache):
    """The test cache, counting the reads of the generation number."""

    generation_reads = 0

    def get(self, key, default=None, version=None):
        if key == GENERATION_KEY:
            GenerationReadCountingCache.generation_reads += 1
        return super().get(key, default, version)


def counting_caches():
    return {
        "default": {
            "BACKEND": f"{__name__}.GenerationReadCountingCache",
            "LOCATION": "generation-read-counting",
        },
        "counters": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "counters"},
    }


@pytest.fixture
def counted_generation_reads():
    with override_settings(CACHES=counting_caches()):
        cache.clear()
        page_cache_generation()
        GenerationReadCountingCache.generation_reads = 0
        yield GenerationReadCountingCache
        cache.clear()


@pytest.mark.django_db
@pytest.mark.parametrize("page_cache_seconds", [0, 600])
def test_an_uncached_page_reads_the_generation_once(client, counted_generation_reads, page_cache_seconds):
    with override_settings(PAGE_CACHE_SERVER_SECONDS=page_cache_seconds):
        response = client.get(CORE_STATES)
    assert response.status_code == 200
    assert response.get("X-Cache") == ("miss" if page_cache_seconds else None)
    assert counted_generation_reads.generation_reads == 1


@pytest.mark.django_db
def test_outside_a_request_every_call_reads_the_generation(counted_generation_reads):
    page_cache_generation()
    page_cache_generation()
    assert counted_generation_reads.generation_reads == 2


@pytest.mark.django_db
def test_a_purge_during_a_request_reaches_the_next_request(editor_client, counted_generation_reads):
    """Sorting the menu in the admin purges inside the editor's request."""
    visitor = Client()
    with override_settings(PAGE_CACHE_SERVER_SECONDS=600):
        assert visitor.get(ABOUT)["X-Cache"] == "miss"
        assert visitor.get(ABOUT)["X-Cache"] == "hit"
        last_child = Page.objects.get(url_path="/home/about/").get_children().last()
        assert editor_client.post(f"/admin/pages/{last_child.pk}/set_position/?position=0").status_code == 200
        assert visitor.get(ABOUT)["X-Cache"] == "miss"
