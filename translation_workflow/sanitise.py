"""What translated text may contain: the markup its field's rich-text features allow, nothing else.

Translated strings are HTML that Wagtail renders as stored. wagtail-localize checks them with Python's
`html.parser`, which disagrees with browsers about malformed markup: `<!--><meta …>-->` is one comment to
Python and an empty comment followed by a live `<meta>` to a browser. Here the text is read by nh3
(ammonia on html5ever, which parses as browsers do) against an allow-list built from the field's
features:

- a translated string (a segment, where wagtail-localize keeps links as `<a id="a1">` placeholders) may
  hold only its field's inline tags (`<a id>`, `<b>`, `<i>`, `<br>`…); `has_disallowed_markup` says
  whether it holds anything else, so that it can be refused with a message;
- every rich-text value of a translated page or snippet is cleaned with `clean_rich_text` whenever it
  is saved, publication included: the last defence for anything stored before these checks existed,
  which does not rely on `has_disallowed_markup` having seen it.
"""

import html
import re
from functools import lru_cache

import nh3
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.fields import RichTextField, StreamField
from wagtail.rich_text import features as feature_registry

DISALLOWED_MARKUP_MESSAGE = _("This text contains markup that is not allowed.")

URL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
# The elements each rich-text feature stores (Wagtail's database format); paragraphs and line breaks
# are always there.
FEATURE_TAGS = {
    **{heading: {heading} for heading in ("h1", "h2", "h3", "h4", "h5", "h6")},
    "bold": {"b"},
    "italic": {"i"},
    "ol": {"ol", "li"},
    "ul": {"ul", "li"},
    "link": {"a"},
    "document-link": {"a"},
    "code": {"code"},
    "superscript": {"sup"},
    "subscript": {"sub"},
    "strikethrough": {"s"},
    "blockquote": {"blockquote"},
    "hr": {"hr"},
    "image": {"embed"},
    "embed": {"embed"},
}
ALWAYS_ALLOWED_TAGS = {"p", "br"}
STORED_ATTRIBUTES = {
    "*": {"data-block-key"},
    "a": {"href", "linktype", "id"},
    "embed": {"embedtype", "id", "format", "alt", "url"},
}
# wagtail-localize's segments hold inline markup only, and links as `<a id="a1">` placeholders whose
# address stays with the source (wagtail_localize/strings.py, StringValue and INLINE_TAGS).
SEGMENT_TAGS = {"a", "b", "i", "code", "br"}
SEGMENT_ATTRIBUTES = {"a": {"id"}}
PLAIN_TEXT_TAGS = frozenset({"br"})

# How the HTML tokenizer reads a tag name: an ASCII letter after "<" or "</", then anything up to
# whitespace, "/" or ">". Only ASCII letters are lower-cased.
TAG_NAME = re.compile(r"</?([A-Za-z][^\t\n\f\r />]*)")
ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
# Browsers drop tabs and newlines anywhere in an address ("java\tscript:").
IGNORED_IN_ADDRESSES = re.compile(r"[\t\n\r]")
UNCLOSED_TAG_END = "\"'>"
WORD = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*")
# html5ever writes void elements without the slash Wagtail looks for in `<embed …/>`.
EMBED_WITHOUT_SLASH = re.compile(r"<embed(\b[^>]*?)\s*/?>")


@lru_cache(maxsize=64)
def _cleaner(tags, attribute_items):
    return nh3.Cleaner(
        tags=set(tags),
        attributes={tag: set(names) for tag, names in attribute_items},
        url_schemes=set(URL_SCHEMES),
        link_rel=None,
    )


def _freeze(attributes):
    return tuple(sorted((tag, frozenset(names)) for tag, names in attributes.items()))


def _clean(value, tags, attributes):
    return _cleaner(frozenset(tags), _freeze(attributes)).clean(value)


def _tag_names(value):
    return {name.translate(ASCII_LOWER).replace("\x00", "\ufffd") for name in TAG_NAME.findall(value)}


def _parsed_as_is(value, tags):
    """The value as html5ever parses it, with every element, attribute, comment and address kept
    (but for the few elements ammonia always drops, such as MathML's `<mglyph>` outside `<math>`)."""
    names = _tag_names(value)
    addresses = IGNORED_IN_ADDRESSES.sub("", html.unescape(value))
    schemes = {word.lower() for word in WORD.findall(addresses)}
    return nh3.clean(
        value,
        tags=set(tags) | names,
        clean_content_tags=set(),
        attributes={},
        generic_attribute_prefixes={""},
        strip_comments=False,
        link_rel=None,
        url_schemes=set(URL_SCHEMES) | schemes,
    )


def has_disallowed_markup(value, tags, attributes):
    """Whether a browser would find in `value` an element, attribute, comment or address not allowed.

    The value is parsed twice by the same parser, keeping everything and keeping only what is allowed:
    any difference is something the allow-list removes. A segment is followed by its page's own markup,
    which would close a tag left open at its end (`<img src=x onerror=…` then `</p>`): it is read
    again as if closed there. A tag not allowed, anywhere, is enough: ammonia drops a few elements
    whatever it is told, so that the two readings agree about them.
    """
    if "<" not in value and "&" not in value:
        return False
    if not _tag_names(value) <= set(tags):
        return True
    return any(_clean(text, tags, attributes) != _parsed_as_is(text, tags) for text in (value, value + UNCLOSED_TAG_END))


def feature_tags(features):
    if features is None:
        features = feature_registry.get_default_features()
    tags = set(ALWAYS_ALLOWED_TAGS)
    for feature in features:
        tags |= FEATURE_TAGS.get(feature, set())
    return frozenset(tags)


def has_disallowed_rich_text(value, features):
    return has_disallowed_markup(value, feature_tags(features), STORED_ATTRIBUTES)


def clean_rich_text(value, features):
    """A stored rich-text value with only what its features allow.

    Non-breaking spaces stay characters (nh3 writes `&nbsp;`), and embeds keep the `/>` Wagtail finds
    them by: otherwise a value with nothing to remove comes back as it was, give or take quotes and
    `<br/>`.
    """
    if not value:
        return value
    cleaned = _clean(value, feature_tags(features), STORED_ATTRIBUTES).replace("&nbsp;", "\u00a0")
    return EMBED_WITHOUT_SLASH.sub(r"<embed\1/>", cleaned)


def segment_rules(model, field_path):
    """(tags, attributes) a translated segment of `model`'s field at `field_path` may hold."""
    features = _features_at(model, field_path.split(".")) if model is not None and field_path else None
    if features is False:
        return PLAIN_TEXT_TAGS, {}
    tags = (feature_tags(features) & SEGMENT_TAGS) | PLAIN_TEXT_TAGS
    return frozenset(tags), {tag: names for tag, names in SEGMENT_ATTRIBUTES.items() if tag in tags}


def _features_at(model, path):
    """The rich-text features of the field at `path` (None for Wagtail's defaults), False for plain text.

    Paths are wagtail-localize's field paths: "introduction", "body.paragraph", "body.quote.citation",
    "items.item.text" for a ListBlock, "partners.name" for an inline child object's field.
    """
    try:
        field = model._meta.get_field(path[0])
    except models.FieldDoesNotExist:
        return None
    if isinstance(field, RichTextField):
        return field.features
    if isinstance(field, StreamField):
        block = field.stream_block
        for name in path[1:]:
            if isinstance(block, blocks.ListBlock):
                block = block.child_block
            elif hasattr(block, "child_blocks") and name in block.child_blocks:
                block = block.child_blocks[name]
            else:
                return None
        return block.features if isinstance(block, blocks.RichTextBlock) else False
    if field.is_relation and field.one_to_many and len(path) > 1:
        return _features_at(field.related_model, path[1:])
    return False


def rich_text_values(instance):
    """(field name, features, value) of every rich text in the instance, stream blocks included.

    A stream's rich texts are given as wagtail.rich_text.RichText objects, whose `source` can be replaced.
    """
    for field in instance._meta.concrete_fields:
        if isinstance(field, RichTextField):
            yield field.name, field.features, getattr(instance, field.attname)
        elif isinstance(field, StreamField):
            for features, rich_text in _stream_rich_texts(field.stream_block, getattr(instance, field.attname)):
                yield field.name, features, rich_text


def _stream_rich_texts(block, value):
    if value is None:
        return
    if isinstance(block, blocks.RichTextBlock):
        yield block.features, value
    elif isinstance(block, blocks.StreamBlock):
        for child in value:
            yield from _stream_rich_texts(child.block, child.value)
    elif isinstance(block, blocks.StructBlock):
        for name, child_block in block.child_blocks.items():
            yield from _stream_rich_texts(child_block, value.get(name))
    elif isinstance(block, blocks.ListBlock):
        for item in value:
            yield from _stream_rich_texts(block.child_block, item)
