"""Text of one direction inside text of the other (a Latin name in an Arabic sentence) stays readable."""

from django import template
from django.utils.html import format_html

register = template.Library()


@register.filter
def isolate(value):
    """<bdi>value</bdi>: laid out on its own, in its own direction, without reordering the sentence around it.

    For values that go into a translated sentence (`{% blocktranslate with name=value|isolate %}`),
    where the markup cannot be written around the placeholder without changing the message.
    """
    return format_html("<bdi>{}</bdi>", value)
