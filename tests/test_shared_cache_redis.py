"""With REDIS_URL, every worker shares one page cache, and publishing in one worker purges it for all.

Runs against the machine's Redis, in a database of its own (REDIS_TEST_URL, default
redis://127.0.0.1:6379/13); a machine without Redis skips it, and CI (CI_REQUIRE_REDIS=1) fails instead.
"""

import os

import pytest
from django.core.cache import caches
from django.test import override_settings
from django_redis.cache import RedisCache
from wagtail.models import Page

from advice.ratelimit import over_limit
from operations.caching import GENERATION_KEY

ABOUT = "/en/about/"
LOCATION = os.environ.get("REDIS_TEST_URL", "redis://127.0.0.1:6379/13")
CACHE_SETTINGS = {"BACKEND": "django_redis.cache.RedisCache", "LOCATION": LOCATION, "KEY_PREFIX": "cti-test"}


def another_worker():
    """A cache client of its own, as another gunicorn worker has."""
    return RedisCache(LOCATION, {"KEY_PREFIX": "cti-test"})


@pytest.fixture
def redis_page_cache():
    try:
        another_worker().get("ping")
    except Exception as error:  # the client raises its own connection errors
        if os.environ.get("CI_REQUIRE_REDIS") == "1":
            raise
        pytest.skip(f"no Redis at {LOCATION}: {error}")
    with override_settings(CACHES={"default": CACHE_SETTINGS, "counters": CACHE_SETTINGS}, PAGE_CACHE_SERVER_SECONDS=600):
        caches["default"].clear()
        yield caches["default"]
        caches["default"].clear()


@pytest.mark.django_db
def test_a_page_cached_by_one_worker_is_served_to_another(client, redis_page_cache, django_assert_num_queries):
    assert client.get(ABOUT)["X-Cache"] == "miss"

    assert another_worker().get(GENERATION_KEY) is not None
    with django_assert_num_queries(0):
        second = client.get(ABOUT)
    assert second["X-Cache"] == "hit"


@pytest.mark.django_db
def test_publishing_purges_the_cache_of_every_worker(client, redis_page_cache):
    client.get(ABOUT)
    other = another_worker()
    generation = other.get(GENERATION_KEY)

    about = Page.objects.get(url_path="/home/about/").specific
    about.title = "About the Initiative, published once"
    about.save_revision().publish()

    assert other.get(GENERATION_KEY) == generation + 1
    response = client.get(ABOUT)
    assert response["X-Cache"] == "miss"
    assert "About the Initiative, published once" in response.content.decode()


@pytest.mark.django_db
def test_the_advice_rate_limit_counts_submissions_of_every_worker(redis_page_cache, rf, settings):
    """Each worker counts in the same Redis counter, so N workers do not allow N times the limit."""
    settings.ADVICE_RATE_LIMIT = 4
    request = rf.post("/en/how-cti-can-help/advice-hub/", REMOTE_ADDR="203.0.113.9")
    other = another_worker()
    for _ in range(2):
        assert not over_limit(request)
        other.incr("advice:submissions:203.0.113.9")  # a submission counted by another worker
    assert over_limit(request)
