"""A per-address limit on submissions, counted atomically in the "counters" cache.

`cache.add` creates the counter with its expiry only if it is missing and `cache.incr` is atomic in
Redis, so concurrent workers never undercount. LocMemCache is atomic too but per process: with N
workers an address gets up to N times the limit (the README says so).
"""

from django.conf import settings
from django.core.cache import caches

from operations.client_address import client_address


def over_limit(request):
    """Count this submission; return True once the address has sent more than the limit in the window."""
    key = f"advice:submissions:{client_address(request)}"
    cache = caches["counters"]
    cache.add(key, 0, timeout=settings.ADVICE_RATE_LIMIT_WINDOW)
    try:
        count = cache.incr(key)
    except ValueError:
        # The counter expired between add and incr: this is the first submission of a new window.
        cache.add(key, 1, timeout=settings.ADVICE_RATE_LIMIT_WINDOW)
        count = 1
    return count > settings.ADVICE_RATE_LIMIT
