from django import template
from django.conf import settings
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.http import urlencode

from pages import navigation
from operations.caching import page_cache_generation
from pages.models import FooterContent

register = template.Library()

class LazyNavigation:
    """Menu and footer data, queried only if the template renders them outside a cached fragment."""

    @cached_property
    def home(self):
        return navigation.home_page_for_active_language()

    @cached_property
    def sections(self):
        return navigation.menu_items(self.home) if self.home else []

    @cached_property
    def footer(self):
        return FooterContent.for_active_language()


def fragment_context(context):
    """An inclusion tag's own context: the navigation, and what its cached fragment is keyed by.

    A footer being previewed in the admin (`preview_footer`) is shown instead of the live one, uncached."""
    return {
        "navigation": LazyNavigation(),
        "request": context.get("request"),
        "cache_generation": page_cache_generation,
        "preview_footer": context.get("preview_footer"),
    }


@register.inclusion_tag("components/main_menu.html", takes_context=True)
def main_menu(context):
    return fragment_context(context)


@register.inclusion_tag("components/footer.html", takes_context=True)
def site_footer(context):
    return fragment_context(context)


@register.inclusion_tag("components/breadcrumb.html", takes_context=True)
def breadcrumb(context, page):
    return {"ancestors": navigation.breadcrumb_ancestors(page), "page": page, "request": context.get("request")}


@register.simple_tag
def page_translations(page):
    """Live translations of the page, for hreflang links and the switcher."""
    return navigation.live_translations(page)


@register.simple_tag(takes_context=True)
def absolute_url(context, page):
    return navigation.absolute_url(page, context["request"])


@register.inclusion_tag("components/language_switcher.html", takes_context=True)
def language_switcher(context, translations=None):
    request = context["request"]
    current_language = context.get("LANGUAGE_CODE")
    page = context.get("page")
    translated = {p.locale.language_code: p for p in translations or []}
    links = []
    for code, name in settings.LANGUAGES:
        if page is not None and getattr(page, "pk", None):
            query = {"page": page.pk}
        else:
            query = {"next": request.get_full_path()}
        links.append(
            {
                "code": code,
                "name": name,
                "url": reverse("switch_language", args=[code]) + "?" + urlencode(query),
                "is_current": code == current_language,
                "is_translated": page is None or code in translated,
            }
        )
    return {"links": links, "request": request}
