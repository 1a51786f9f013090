from django import template

from translation_workflow.changed_segments import changed_segments as find_changed_segments
from translation_workflow.coverage import translation_is_stale

register = template.Library()


@register.simple_tag
def needs_sync(translation):
    """True when the page this translation comes from has been published since it was last synced."""
    return translation_is_stale(translation)


@register.simple_tag
def changed_segments(translation):
    """The changed texts still to translate, each with its previous translation and an English diff."""
    return find_changed_segments(translation)
