"""The page-tree queries behind the menu, breadcrumb, language switcher and hreflang links."""

from django.conf import settings
from django.utils import translation
from wagtail.models import Locale, Page

from operations.caching import cached_until_publish


def home_page_for_active_language():
    """The live home page of the visitor's language, or of the default language when none exists."""
    homes = {
        page.locale.language_code: page
        for page in Page.objects.filter(depth=2).live().select_related("locale")
    }
    return homes.get(translation.get_language()) or homes.get(settings.LANGUAGE_CODE)


def menu_items(home):
    """The home page's menu children, each with its own menu children, in two queries."""
    sections = list(home.get_children().live().in_menu().specific(defer=True))
    if not sections:
        return []
    children_by_parent = {}
    grandchildren = Page.objects.filter(depth=home.depth + 2, path__startswith=home.path).live().in_menu()
    for child in grandchildren.order_by("path"):
        children_by_parent.setdefault(child.path[: -Page.steplen], []).append(child)
    return [(section, children_by_parent.get(section.path, [])) for section in sections]


def live_translations(page):
    """Live versions of a page in every locale, this one included, ordered as settings.LANGUAGES."""
    order = [code for code, _name in settings.LANGUAGES]

    def fetch():
        pages = page.get_translations(inclusive=True).live().select_related("locale")
        return sorted(pages, key=lambda p: order.index(p.locale.language_code) if p.locale.language_code in order else 99)

    return cached_until_publish(f"pages:translations:{page.translation_key}", fetch)


def absolute_url(page, request):
    """The page's address on the host the visitor asked for (checked against ALLOWED_HOSTS).

    Wagtail's full URLs name the Site record's hostname, which is "localhost" on a fresh install;
    canonical, hreflang and sitemap addresses must be the public ones.
    """
    return request.build_absolute_uri(page.get_url(request))


def nearest_translation(page, language_code):
    """The page in that language, else its nearest ancestor that is translated into it, else that home."""
    locale = Locale.objects.filter(language_code=language_code).first()
    if locale is None:
        return None
    for candidate in [page, *reversed(page.get_ancestors().filter(depth__gte=2))]:
        translated = candidate.get_translation_or_none(locale)
        if translated is not None and translated.live:
            return translated
    return None
