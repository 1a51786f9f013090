"""The one place that decides how long pages may be cached, by whom, and how they are purged.

The shared page cache is invalidated as a whole by bumping a generation number: every page shows the
menu, so one published title can change every page, and a small site re-renders cheaply. Every cached
page and fragment key carries the number, so a request reads it once (`generation_read_once`) rather
than once a key: a round trip to the shared cache each.
"""

from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.core.cache import cache
from django.utils.cache import patch_cache_control

GENERATION_KEY = "operations:page-cache-generation"

# Within a request, {"generation": …} once read; None outside a request (management commands, the worker).
_read_in_this_request = ContextVar("page_cache_generation_read_in_this_request", default=None)


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


@contextmanager
def generation_read_once():
    """Within this block (a request), the generation is read from the shared cache at most once."""
    token = _read_in_this_request.set({})
    try:
        yield
    finally:
        _read_in_this_request.reset(token)


def page_cache_generation():
    remembered = _read_in_this_request.get()
    if remembered:
        return remembered["generation"]
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, 1, timeout=None)
        generation = cache.get(GENERATION_KEY, 1)
    if remembered is not None:
        remembered["generation"] = generation
    return generation


def purge_page_cache():
    """Make every cached page stale at once, in every worker sharing the cache, this request included."""
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, 2, timeout=None)
    remembered = _read_in_this_request.get()
    if remembered is not None:
        remembered.clear()


def cached_until_publish(key, compute, timeout=3600):
    """compute(), kept in the shared cache until published content next changes (or `timeout`)."""
    full_key = f"{key}:{page_cache_generation()}"
    value = cache.get(full_key)
    if value is None:
        value = compute()
        cache.set(full_key, value, timeout)
    return value
