"""Links and names for the moderation emails: every link on WAGTAILADMIN_BASE_URL, the language named."""

from django import template
from django.conf import settings
from django.urls import reverse
from django.utils.translation import get_language_info

register = template.Library()


def base_url():
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/")


@register.simple_tag
def admin_link(url_name, *args):
    """An absolute address of an admin screen."""
    return base_url() + reverse(url_name, args=args)


@register.simple_tag
def public_link(page):
    """The absolute address at which visitors read a page."""
    url = page.get_url() or ""
    return base_url() + url if url.startswith("/") else url


@register.simple_tag
def language_name(locale):
    """The language's name in the reader's language ("Spanish", "espagnol"), not in its own."""
    try:
        return get_language_info(locale.language_code)["name_translated"]
    except KeyError:
        return locale.get_display_name()
