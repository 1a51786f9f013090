"""The one place that decides how long pages may be cached, by whom, and how they are purged.

The shared page cache is invalidated as a whole by bumping a generation number: every page shows the
menu, so one published title can change every page, and a small site re-renders cheaply.
"""

from django.conf import settings
from django.core.cache import cache
from django.utils.cache import patch_cache_control

GENERATION_KEY = "operations:page-cache-generation"


def cache_control(response, *, private=False):
    """Mark a response as shareable by caches and CDNs, or as private to one visitor.

    Browsers keep a public page briefly (they are not purged); a CDN keeps it longer, is purged on
    publish, and may serve a stale copy while it fetches a fresh one.
    """
    if private:
        patch_cache_control(response, private=True, no_store=True)
        return response
    patch_cache_control(
        response,
        public=True,
        max_age=settings.PAGE_CACHE_BROWSER_SECONDS,
        s_maxage=settings.PAGE_CACHE_SHARED_SECONDS,
        stale_while_revalidate=settings.PAGE_CACHE_STALE_SECONDS,
    )
    return response


def page_cache_generation():
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, 1, timeout=None)
        generation = cache.get(GENERATION_KEY, 1)
    return generation


def purge_page_cache():
    """Make every cached page stale at once, in every worker sharing the cache."""
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, 2, timeout=None)


def cached_until_publish(key, compute, timeout=3600):
    """compute(), kept in the shared cache until published content next changes (or `timeout`)."""
    full_key = f"{key}:{page_cache_generation()}"
    value = cache.get(full_key)
    if value is None:
        value = compute()
        cache.set(full_key, value, timeout)
    return value
