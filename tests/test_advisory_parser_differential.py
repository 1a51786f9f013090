"""Parser-differential markup in translations, generated rather than listed (hypothesis).

Python's `html.parser`, which wagtail-localize checks translations with, and a browser disagree about
malformed comments, CDATA, processing instructions, foreign content (`<svg>`, `<math>`), rawtext
elements, entity-encoded addresses and tags left open. Whatever a translator types from these pieces:

- the translation editor either flags it or it holds, read by an independent spec parser (html5lib),
  only the segment's allowed markup;
- once published, even if stored before any check (written straight to the database), the public page
  read by html5lib has no element or attribute the rich text may not hold, no more comments than
  before, no event handler and no address outside http, https, mailto and tel.
"""

import re
from xml.etree import ElementTree

import html5lib
from django.contrib.auth import get_user_model
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from wagtail_localize.models import StringSegment, StringTranslation
from wagtail_localize.strings import StringValue, validate_translation_links

from tests.translation_helpers import page_in, put_string, translation_of
from translation_workflow import sanitise

PIECES = [
    "Texto ",
    " y ",
    "<!-->",
    "<!--->",
    "<!---->",
    "<!-- --!>",
    "-->",
    "--!>",
    "<!--",
    "<!-- <!-- -->",
    "<![CDATA[",
    "]]>",
    "<?xml version='1.0'?>",
    "?>",
    "<!DOCTYPE html>",
    "<svg>",
    "</svg>",
    "<math>",
    "<mtext>",
    "<mglyph>",
    "<style>",
    "</style>",
    "<title>",
    "</title>",
    "<noscript>",
    "<template>",
    "<textarea>",
    "</textarea>",
    "<xmp>",
    "<iframe srcdoc='&lt;script&gt;alert(1)&lt;/script&gt;'>",
    '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
    "<img src=x onerror=alert(1)>",
    "<img src=x onerror=alert(1) ",
    '<a id="a1">',
    '<a id="a1" href="jav&#x61;script:alert(1)">',
    '<a id="a1" href="javascript&colon;alert(1)">',
    '<a id="a1" href="java\tscript:alert(1)">',
    "</a>",
    "<b>",
    "</b>",
    "<i>",
    "</i>",
    "<br>",
    "<br/>",
    "</br>",
    "<SCRIPT>alert(1)</SCRIPT>",
    "<scr<script>ipt>",
    "<b onmouseover=alert(1)>",
    '<object data="data:text/html,x">',
    '<form action="javascript:alert(1)"><button>',
    '<base href="https://evil.example/">',
    "<table><tr><td>",
    "<select><option>",
    "</p><p>",
    "<",
    ">",
    "&",
    "&lt;",
    '"',
    "'",
    "=",
]
MARKUP = st.lists(
    st.one_of(st.sampled_from(PIECES), st.text(alphabet="<>!-/?[]&;=\"' abmsvgta", max_size=6)),
    min_size=1,
    max_size=8,
).map("".join)
CHECKS = settings(deadline=None, derandomize=True, suppress_health_check=[HealthCheck.function_scoped_fixture])

SEGMENT_ELEMENTS = {"a": {"id"}, "b": set(), "i": set(), "br": set()}
RICH_TEXT_ELEMENTS = {"a": {"href"}, "b": set(), "i": set(), "br": set(), "p": set(), "h2": set(), "h3": set(), "ol": set(), "ul": set(), "li": set()}
SAFE_ADDRESS = re.compile(r"^(?:https?:|mailto:|tel:|/|#|\?|[^:]*$)", re.IGNORECASE)


def parse_fragment(html):
    return html5lib.parseFragment(html, treebuilder="etree", namespaceHTMLElements=False)


def disallowed(root, allowed):
    """What in a parsed tree is not an allowed element with allowed attributes."""
    found = []
    for element in root.iter():
        if element is root:
            continue
        if element.tag is ElementTree.Comment:
            found.append("comment")
        elif element.tag not in allowed:
            found.append(element.tag)
        else:
            found += [f"{element.tag}[{name}]" for name in element.attrib if name not in allowed[element.tag]]
    return found


def page_signature(html):
    """(element, attribute names) pairs and comments of a whole page, with its unsafe attributes."""
    tree = html5lib.parse(html, treebuilder="etree", namespaceHTMLElements=False)
    pairs, comments, unsafe = set(), 0, []
    for element in tree.iter():
        if element.tag is ElementTree.Comment:
            comments += 1
            continue
        pairs.add((element.tag, frozenset(element.attrib)))
        for name, value in element.attrib.items():
            if name.startswith("on"):
                unsafe.append(f"{element.tag}[{name}]")
            if name in ("href", "src", "action", "formaction", "data") and not SAFE_ADDRESS.match(
                re.sub(r"[\x00-\x20]", "", value)
            ):
                unsafe.append(f"{element.tag}[{name}={value!r}]")
    return pairs, comments, unsafe


def accepted_by_wagtail_localize(source, value):
    try:
        StringValue.from_translated_html(value)
        validate_translation_links(source, value)
    except ValueError:
        return False
    return True


def partner_text_segment(translation):
    return (
        StringSegment.objects.select_related("string", "context")
        .filter(source=translation.source, context__field_path="partner_text")
        .order_by("order")
        .first()
    )


@given(value=MARKUP)
@settings(CHECKS, max_examples=500)
def test_the_checks_agree_with_a_spec_parser(value):
    tags, attributes = sanitise.segment_rules(None, "partner_text")
    if not sanitise.has_disallowed_markup(value, tags, attributes):
        assert disallowed(parse_fragment(value), SEGMENT_ELEMENTS) == [], value
        assert disallowed(parse_fragment(value + "</p>"), {**SEGMENT_ELEMENTS, "p": set()}) == [], value
    cleaned = sanitise.clean_rich_text(f"<p>{value}</p>", ["bold", "italic", "link"])
    assert disallowed(parse_fragment(cleaned), {**RICH_TEXT_ELEMENTS, "a": {"href", "linktype", "id"}}) == [], cleaned


@pytest.mark.django_db
@given(value=MARKUP)
@settings(CHECKS, max_examples=40)
def test_the_translation_editor_flags_it_or_it_is_allowed_markup(client, translator_for, value):
    # One translator for every example (the fixture makes a new user each time it is called).
    client.force_login(get_user_model().objects.filter(username="translator-es").first() or translator_for("es"))
    translation = translation_of("about", "es")
    segment = partner_text_segment(translation)

    response = put_string(client, translation, segment, value)

    assert response.status_code in (200, 201)
    if response.json()["error"] is None:
        assert disallowed(parse_fragment(value), SEGMENT_ELEMENTS) == [], value


@pytest.mark.django_db
@given(value=MARKUP)
@settings(CHECKS, max_examples=15)
def test_whatever_was_stored_the_published_page_holds_only_allowed_markup(
    client, editor, value, django_capture_on_commit_callbacks
):
    client.force_login(editor)
    translation = translation_of("about", "es")
    spanish = page_in("about", "es")
    segment = partner_text_segment(translation)
    baseline_pairs, baseline_comments, _unsafe = page_signature(client.get(spanish.url).content.decode())
    # Stored as it would have been before these checks: only wagtail-localize's own ones noted.
    StringTranslation.objects.update_or_create(
        translation_of=segment.string, context=segment.context, locale=translation.target_locale, defaults={"data": "x"}
    )
    StringTranslation.objects.filter(
        translation_of=segment.string, context=segment.context, locale=translation.target_locale
    ).update(data=value, has_error=not accepted_by_wagtail_localize(segment.string.data, value), field_error="")

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/admin/pages/{spanish.pk}/edit/", {"action": "publish"})
    assert response.status_code in (200, 302)

    pairs, comments, unsafe = page_signature(client.get(spanish.url).content.decode())
    allowed_pairs = baseline_pairs | {(tag, frozenset()) for tag in RICH_TEXT_ELEMENTS} | {("a", frozenset({"href"}))}
    assert pairs <= allowed_pairs, (value, pairs - allowed_pairs)
    assert comments <= baseline_comments, value
    assert unsafe == [], value
