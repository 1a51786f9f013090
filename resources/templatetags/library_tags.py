from django import template
from wagtail.models import Locale

from resources.listing import latest_resources
from resources.models import ResourceLibraryPage

register = template.Library()


@register.inclusion_tag("resources/includes/latest_resources.html", takes_context=True)
def latest_resources_section(context, count=3):
    """The newest resources of the visitor's language, for the home page."""
    locale = Locale.get_active()
    return {
        "resources": latest_resources(locale, count),
        "library": ResourceLibraryPage.objects.live().filter(locale=locale).first(),
        "request": context.get("request"),
    }
