from django import template

from translation_report.coverage import translation_is_stale

register = template.Library()


@register.simple_tag
def needs_sync(translation):
    """True when the page this translation comes from has been published since it was last synced."""
    return translation_is_stale(translation)
