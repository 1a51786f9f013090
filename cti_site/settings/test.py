"""The test suite: fast password hashing, in-memory mail, no manifest for static files."""

from .dev import *  # noqa: F401,F403
from .base import LOGGING, STORAGES

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}

import tempfile
from pathlib import Path

# One process: the tests' cache in memory (tests/test_shared_cache_redis.py uses the machine's Redis).
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "counters": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "counters"},
}
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="cti-test-media-"))
WAGTAILADMIN_BASE_URL = "http://testserver"
LOGGING["root"]["level"] = "WARNING"
LOGGING["loggers"]["wagtail"]["level"] = "WARNING"
# Each test sees its own changes at once: the whole-page cache is switched on by tests/test_caching.py only.
PAGE_CACHE_SERVER_SECONDS = 0
# Two-factor authentication is on only in the tests that ask for it (tests/test_staff_two_factor.py).
STAFF_TWO_FACTOR_REQUIRED = False
# Background tasks run at once, inside the test's transaction, so a test sees a document's text as soon
# as it is saved. The tests of the worker itself (tests/test_background_*.py) switch "background" back
# to the database backend and run the worker in the test's process.
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "background": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
}
