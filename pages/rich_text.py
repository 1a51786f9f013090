"""Rich text rendered in batches."""

from django.utils.safestring import mark_safe
from wagtail.rich_text import expand_db_html

ENTRY_SEPARATOR = "<!--cti-rich-text-boundary-->"


def expand_together(texts):
    """Several stored rich texts as HTML, their links resolved in one query per link type.

    The `richtext` filter resolves the links of each text separately, one query per text.
    """
    expanded = expand_db_html(ENTRY_SEPARATOR.join(text or "" for text in texts)).split(ENTRY_SEPARATOR)
    return [mark_safe(html) for html in expanded]
