"""Purge the cached pages and fragments (menu, footer, listings) whenever published content changes.

Fragments carry the page cache's generation in their keys (`cache_generation`), so one bump purges all.

Translations published through wagtail-localize send `page_published` too. A document changes the
library and home page listings, so its save purges as well. An app whose own models are shown on
every page (the footer, the library's topics) connects them with `purge_when_saved`.
"""

from django.db.models.signals import post_delete, post_save
from wagtail.documents import get_document_model
from wagtail.models import PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from .caching import purge_page_cache

DISPATCH_UID = "operations.purge_cached_content"


def purge_cached_content(**kwargs):
    purge_page_cache()


def purge_when_saved(*models):
    """Purge the cached pages whenever an object of one of `models` is saved or deleted."""
    for model in models:
        for signal in (post_save, post_delete):
            signal.connect(purge_cached_content, sender=model, dispatch_uid=f"{DISPATCH_UID}.{model._meta.label}")


def connect():
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(purge_cached_content, dispatch_uid=DISPATCH_UID)
    purge_when_saved(Site, PageViewRestriction, get_document_model())
