from .caching import page_cache_generation


def cache_generation(request):
    """`cache_generation` for template fragment cache keys: bumped on publish, like the page cache.

    A callable, so that the cache is asked only by templates that use it.
    """
    return {"cache_generation": page_cache_generation}
