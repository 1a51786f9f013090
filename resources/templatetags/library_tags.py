from django import template
from wagtail.models import Locale

from resources.listing import latest_resources
from resources.models import ResourceLibraryPage

register = template.Library()


@register.inclusion_tag("resources/includes/latest_resources.html", takes_context=True)
def latest_resources_section(context, count=3):
    """The newest resources of the visitor's language, for the home page."""
    page = context.get("page")
    locale_id = page.locale_id if page is not None else Locale.get_active().pk
    return {
        "resources": latest_resources(locale_id, count),
        "library": ResourceLibraryPage.objects.live().filter(locale_id=locale_id).first(),
        "request": context.get("request"),
    }
