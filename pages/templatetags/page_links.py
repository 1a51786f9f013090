"""Links to the site's fixed pages (the advice hub, the library) by page type, never by a typed slug."""

from django import template
from django.apps import apps
from django.utils import translation

from operations.caching import cached_until_publish

register = template.Library()


@register.simple_tag
def page_of_type(model_label):
    """The live page of a type that exists once per language (`"advice.AdviceHubPage"`), in the
    visitor's language, or None where that language has none: a link never leads into another language."""
    language_code = translation.get_language()

    def find():
        return (
            apps.get_model(model_label)
            .objects.live()
            .public()
            .filter(locale__language_code=language_code)
            .order_by("path")
            .first()
        )

    return cached_until_publish(f"pages:page-of-type:{model_label}:{language_code}", find)
