"""The page-tree queries behind the menu, breadcrumb, language switcher and hreflang links."""

from django.conf import settings
from django.db.models import Q
from django.utils import translation
from wagtail.models import Locale, Page, PageViewRestriction

from operations.caching import cached_until_publish


def home_page_for_active_language():
    """The live home page of the visitor's language, or of the default language when none exists."""
    homes = {
        page.locale.language_code: page
        for page in Page.objects.filter(depth=2).live().select_related("locale")
    }
    return homes.get(translation.get_language()) or homes.get(settings.LANGUAGE_CODE)


def restricted_sections():
    """A filter matching every page in a restricted section (an empty one when nothing is restricted).

    Wagtail's `.public()` misses aliases: an alias is restricted by its original's restriction
    (`Page.get_view_restrictions`), so an alias of a restricted page, and what lies under it, are
    matched too.
    """
    restricted_ids = PageViewRestriction.objects.values("page_id")
    sections = Page.objects.filter(Q(pk__in=restricted_ids) | Q(alias_of_id__in=restricted_ids)).only("path", "depth")
    private = Q()
    for section in sections:
        private |= Q(path__startswith=section.path, depth__gte=section.depth)
    return private


def open_to_everyone(pages, private=None):
    """The pages anyone may view. Menus, hreflang links, the sitemap and search are shared by every
    visitor through the cache, so they list only these, also for a signed-in member who may view more."""
    private = private if private is not None else restricted_sections()
    return pages.exclude(private) if private else pages


def may_view(page, request):
    """Whether this visitor passes every view restriction on the page and its ancestors."""
    return all(restriction.accept_request(request) for restriction in page.get_view_restrictions())


def menu_items(home):
    """The home page's menu children, each with its own menu children, in three queries."""
    private = restricted_sections()
    sections = list(open_to_everyone(home.get_children().live().in_menu(), private).specific(defer=True))
    if not sections:
        return []
    children_by_parent = {}
    grandchildren = open_to_everyone(
        Page.objects.filter(depth=home.depth + 2, path__startswith=home.path).live().in_menu(), private
    )
    for child in grandchildren.order_by("path"):
        children_by_parent.setdefault(child.path[: -Page.steplen], []).append(child)
    return [(section, children_by_parent.get(section.path, [])) for section in sections]


def breadcrumb_ancestors(page):
    """The page's ancestors from its home page down, through `get_parent()`: Wagtail's routing leaves
    each page it walked through cached as the next one's parent, so a served page needs no query."""
    ancestors = []
    while page.depth > 2:
        page = page.get_parent()
        ancestors.insert(0, page)
    return ancestors


def live_translations(page):
    """Live versions of a page open to everyone in every locale, this one included, ordered as
    settings.LANGUAGES. The list is shared through the cache, so a restricted translation is never in it."""
    order = [code for code, _name in settings.LANGUAGES]

    def fetch():
        pages = open_to_everyone(page.get_translations(inclusive=True).live()).select_related("locale")
        return sorted(pages, key=lambda p: order.index(p.locale.language_code) if p.locale.language_code in order else 99)

    return cached_until_publish(f"pages:translations:{page.translation_key}", fetch)


def absolute_url(page, request):
    """The page's address on the host the visitor asked for (checked against ALLOWED_HOSTS).

    Wagtail's full URLs name the Site record's hostname, which is "localhost" on a fresh install;
    canonical, hreflang and sitemap addresses must be the public ones.
    """
    return request.build_absolute_uri(page.get_url(request))


def nearest_translation(page, language_code, request):
    """The page in that language, else its nearest ancestor that is translated into it, else that home;
    live, and one this visitor may view."""
    locale = Locale.objects.filter(language_code=language_code).first()
    if locale is None:
        return None
    for candidate in [page, *reversed(page.get_ancestors().filter(depth__gte=2))]:
        translated = candidate.get_translation_or_none(locale)
        if translated is not None and translated.live and may_view(translated, request):
            return translated
    return None
