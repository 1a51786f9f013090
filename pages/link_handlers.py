"""Internal page links in rich text, resolved to the visitor's language in one query.

Wagtail's handler fetches every linked page as its specific type (one query per page type) and then
localises each link (two queries per link), which made a paragraph with three links cost seven
queries. A link needs only the URL of the live translation in the active language, which is
cached until published content next changes.
"""

import hashlib

from django.db.models import Q
from django.utils import translation
from django.utils.html import escape
from wagtail.models import Page
from wagtail.rich_text.pages import PageLinkHandler

from operations.caching import cached_until_publish


class LocalizedPageLinkHandler(PageLinkHandler):
    @classmethod
    def expand_db_attributes_many(cls, attrs_list):
        ids = [str(attrs.get("id", "")) for attrs in attrs_list]
        language = translation.get_language()
        key = hashlib.md5(",".join(ids).encode(), usedforsecurity=False).hexdigest()
        urls = cached_until_publish(f"pages:links:{language}:{key}", lambda: localized_urls(ids, language))
        return ['<a href="%s">' % escape(url) if url is not None else "<a>" for url in urls]


def localized_urls(ids, language):
    """The URL of each linked page's live translation in the language, else of the page itself."""
    linked_ids = [int(id_) for id_ in ids if id_.isascii() and id_.isdigit()]
    linked = Page.objects.filter(id__in=linked_ids)
    candidates = Page.objects.filter(
        Q(id__in=linked_ids)
        | Q(translation_key__in=linked.values("translation_key"), locale__language_code=language, live=True)
    ).select_related("locale")
    by_id = {}
    live_in_language = {}
    for page in candidates:
        by_id[str(page.id)] = page
        if page.locale.language_code == language and page.live:
            live_in_language[page.translation_key] = page
    urls = []
    for id_ in ids:
        page = by_id.get(id_)
        urls.append(None if page is None else live_in_language.get(page.translation_key, page).url)
    return urls
