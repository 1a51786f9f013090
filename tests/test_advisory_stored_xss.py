"""Wagtail's stored-XSS advisories, replayed against this site's own models, views and roles.

Text a member of staff types (a page title, a block, a document title, a topic, a translation) must
come out inert wherever it is shown: on the public page, in the admin's listings, its revision
comparison, the translation editor and its preview, and in confirmation messages. Rich text links
must never carry a `javascript:` or `data:` address, however they were entered.

Advisory classes that cannot arise here, so have no test: this site has no form-builder pages (the
advice hub's form is code, whose help texts the last test checks), no TableBlock and no ModelAdmin.
"""

import json
import re
from html.parser import HTMLParser
from urllib.parse import urlencode

import pytest
from django.urls import reverse
from django.utils.html import escape
from wagtail.models import Locale, Page
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield
from wagtail_localize.models import (
    OverridableSegment,
    StringSegment,
    Translation,
    TranslationSource,
)

from pages.models import AboutPage, StandardPage
from resources.models import Topic
from tests.library_support import make_document, publish_resource
from tests.translation_helpers import put_string

MARK = "xss_probe"
PAYLOAD = f'Plans <script>{MARK}()</script><img src=x onerror={MARK}()>" onmouseover="{MARK}()'


DANGEROUS_URL = re.compile(r"^(?:javascript|data|vbscript):", re.IGNORECASE)


class ActiveContent(HTMLParser):
    """What a browser would run: event-handler attributes, script elements, script addresses."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found, self.in_script = [], False

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            value = value or ""
            if name.startswith("on") and MARK in value:
                self.found.append(f"<{tag} {name}={value!r}>")
            # Browsers ignore leading spaces and control characters in a URL.
            if name in ("href", "src", "action", "formaction") and DANGEROUS_URL.match(re.sub(r"[\x00-\x20]", "", value)):
                self.found.append(f"<{tag} {name}={value!r}>")
        self.in_script = tag == "script"

    def handle_endtag(self, tag):
        self.in_script = False

    def handle_data(self, data):
        if self.in_script and data.lstrip().startswith(MARK):
            self.found.append(f"<script>{data[:40]}")


def markup(response):
    """The HTML of a response; a chooser answers JSON holding its HTML."""
    content = response.content.decode()
    if response["Content-Type"].startswith("application/json"):
        data = json.loads(content)
        return data.get("html") or content
    return content


def assert_inert(html, where=""):
    """No element, attribute or address the payload tried to smuggle in (JSON inside scripts included)."""
    if not isinstance(html, str):
        html = markup(html)
    parser = ActiveContent()
    parser.feed(html)
    parser.close()
    assert not parser.found, f"active content in {where}: {parser.found}"


def page_form(title, slug, body=()):
    return nested_form_data(
        {
            "title": title,
            "slug": slug,
            "introduction": PAYLOAD,
            "body": streamfield(list(body)),
            "seo_title": "",
            "search_description": PAYLOAD,
        }
    )


def publish_page_through_the_admin(client, parent, title, slug, body=()):
    return client.post(
        f"/admin/pages/add/pages/standardpage/{parent.pk}/",
        {**page_form(title, slug, body), "action-publish": "action-publish"},
        follow=True,
    )


# Rich text is given as the editor's HTML: what someone types there arrives escaped.
def blocks_with_payloads():
    return [
        ("paragraph", rich_text(f"<p>Intro {escape(PAYLOAD)}</p>")),
        ("quote", {"quote": PAYLOAD, "citation": PAYLOAD}),
    ]


@pytest.fixture
def about():
    return AboutPage.objects.get(locale__language_code="en")


@pytest.mark.django_db
def test_a_title_and_blocks_are_escaped_on_the_site_and_in_the_admin(editor_client, about):
    response = publish_page_through_the_admin(editor_client, about, PAYLOAD, "plans", blocks_with_payloads())
    assert response.status_code == 200
    assert_inert(response.content.decode(), "the confirmation message after publishing")
    page = StandardPage.objects.get(slug="plans")
    draft = page_form(PAYLOAD + " v2", "plans", [("paragraph", rich_text(f"<p>{escape(PAYLOAD)} changed</p>")), ("quote", {"quote": "x", "citation": PAYLOAD})])
    assert editor_client.post(f"/admin/pages/{page.pk}/edit/", draft, follow=True).status_code == 200
    page.refresh_from_db()
    assert page.has_unpublished_changes
    assert editor_client.post(f"/admin/pages/{page.pk}/edit/preview/", draft).json()["is_valid"]

    urls = [
        "/en/about/plans/",
        "/en/search/?q=Plans",
        "/admin/",
        f"/admin/pages/{about.pk}/",
        f"/admin/pages/{page.pk}/edit/",
        f"/admin/pages/{page.pk}/history/",
        f"/admin/pages/{page.pk}/revisions/compare/earliest...latest/",
        f"/admin/pages/{page.pk}/revisions/compare/live...latest/",
        f"/admin/pages/{page.pk}/revisions/{page.latest_revision_id}/view/",
        f"/admin/pages/{page.pk}/edit/preview/",
        "/admin/pages/search/?q=Plans",
        f"/admin/choose-page/{about.pk}/",
        "/admin/choose-page/search/?q=Plans",
        f"/admin/pages/{page.pk}/delete/",
        f"/admin/pages/{page.pk}/copy/",
        "/admin/reports/site-history/",
    ]
    for url in urls:
        response = editor_client.get(url)
        assert response.status_code == 200, url
        assert MARK in markup(response), f"the payload is not shown at {url}: the check would prove nothing"
        assert_inert(response, url)


@pytest.mark.django_db
def test_rich_text_links_never_carry_a_script_address(editor_client, about):
    body = [
        (
            "paragraph",
            rich_text(
                '<p><a href="javascript:xss_probe()">one</a> <a href="data:text/html,xss_probe">two</a> '
                '<a href=" JavaScript:xss_probe()">three</a> <a href="https://www.ohchr.org/">fine</a></p>'
            ),
        )
    ]
    response = publish_page_through_the_admin(editor_client, about, "Links", "links", body)

    assert response.status_code == 200
    html = editor_client.get("/en/about/links/").content.decode()
    assert_inert(html, "the public page")
    assert 'href="https://www.ohchr.org/"' in html


@pytest.mark.django_db
def test_document_and_topic_names_are_escaped_in_listings_and_on_the_site(editor_client):
    document = make_document(PAYLOAD)
    Topic.objects.create(name=PAYLOAD, slug="xss-topic", locale=Locale.objects.get(language_code="en"))
    resource = publish_resource("Escaping guide", topics=("xss-topic",))

    urls = [
        "/admin/documents/",
        "/admin/documents/chooser/",
        "/admin/documents/chooser/results/?q=Plans",
        f"/admin/documents/edit/{document.pk}/",
        f"/admin/documents/usage/{document.pk}/",
        "/admin/snippets/resources/topic/",
        "/admin/snippets/choose/resources/topic/",
        resource.url,
        "/en/how-cti-can-help/tools-and-guides/",
        "/en/how-cti-can-help/tools-and-guides/?topic=xss-topic",
    ]
    for url in urls:
        response = editor_client.get(url)
        assert response.status_code == 200, url
        assert MARK in markup(response), f"the payload is not shown at {url}: the check would prove nothing"
        assert_inert(response, url)


def submit_for_translation(client, page, language_code):
    locale = Locale.objects.get(language_code=language_code)
    response = client.post(f"/admin/localize/submit/page/{page.pk}/", {"locales": [locale.pk]}, follow=True)
    source = TranslationSource.objects.get(object_id=page.translation_key, locale=page.locale)
    return response, Translation.objects.get(source=source, target_locale=locale)


@pytest.mark.django_db
def test_the_copy_for_translation_message_escapes_the_title(editor_client, about):
    page = about.add_child(instance=StandardPage(title=PAYLOAD, slug="to-translate"))
    page.save_revision().publish()

    response, _translation = submit_for_translation(editor_client, page, "es")

    assert response.status_code == 200
    html = response.content.decode()
    assert "successfully submitted for translation" in html
    assert MARK in html
    assert_inert(html, "the translation confirmation message")


@pytest.mark.django_db
def test_what_a_translator_types_stays_inert_in_the_editor_the_preview_and_the_published_page(
    client, editor, translator_for, about
):
    english = about.add_child(
        instance=StandardPage(
            title="Useful links",
            slug="useful-links",
            introduction="Where to read more.",
            body=json.dumps([{"type": "paragraph", "value": '<p>See <a href="https://www.ohchr.org/">the OHCHR site</a>.</p>'}]),
        )
    )
    english.save_revision().publish()
    client.force_login(editor)
    _response, translation = submit_for_translation(client, english, "es")
    spanish = Page.objects.get(translation_key=english.translation_key, locale__language_code="es")

    client.force_login(translator_for("es"))
    segments = {s.string.data: s for s in StringSegment.objects.filter(source=translation.source).select_related("string")}
    put_string(client, translation, segments["Useful links"], PAYLOAD)
    put_string(client, translation, segments["Where to read more."], PAYLOAD)
    put_string(
        client,
        translation,
        segments['See <a id="a1">the OHCHR site</a>.'],
        f'Vea <a id="a1" href="javascript:{MARK}()" onclick="{MARK}()">el sitio</a> <b onmouseover="{MARK}()">ya</b>.',
    )
    put_string(
        client, translation, segments['See <a id="a1">the OHCHR site</a>.'] , f'Vea <script>{MARK}()</script><a id="a1">el sitio</a>.'
    )
    for override in OverridableSegment.objects.filter(source=translation.source):
        if "ohchr" in override.data_json:
            response = client.put(
                f"/admin/localize/translate/{translation.pk}/overrides/{override.pk}/edit/",
                data=urlencode({"value": f" javascript:{MARK}()"}),
                content_type="application/x-www-form-urlencoded",
            )
            assert response.status_code in (200, 201)
            assert response.json()["error"].startswith("Links may only start with http://, https://")

    editor_page = client.get(f"/admin/pages/{spanish.pk}/edit/")
    assert MARK in markup(editor_page), "the translation editor shows what was typed"
    assert_inert(editor_page, "the translation editor")
    preview = client.get(f"/admin/localize/translate/{translation.pk}/preview/")
    assert preview.status_code == 200
    assert_inert(preview, "the translation preview")

    submitted = client.post(reverse("submit_translation_for_moderation", args=[translation.pk]), follow=True)
    assert_inert(submitted.content.decode(), "the submission message")
    client.force_login(editor)
    spanish.refresh_from_db()
    task_state = spanish.current_workflow_state.current_task_state
    for url in (f"/admin/pages/{spanish.pk}/revisions/compare/live...latest/", f"/admin/pages/{spanish.pk}/edit/"):
        assert_inert(client.get(url).content.decode(), url)
    approved = client.post(
        f"/admin/pages/workflow/action/{spanish.pk}/approve/{task_state.pk}/", {"comment": ""}, follow=True
    )
    assert_inert(approved.content.decode(), "the approval message")
    client.logout()

    spanish.refresh_from_db()
    html = client.get(spanish.url).content.decode()
    assert_inert(html, "the published Spanish page")
    assert 'href="https://www.ohchr.org/"' in html


@pytest.mark.django_db
def test_the_advice_form_escapes_its_help_texts_and_labels(client, monkeypatch):
    from advice.forms import AdviceQueryForm
    from advice.models import AdviceHubPage

    monkeypatch.setattr(AdviceQueryForm.base_fields["position"], "help_text", PAYLOAD)
    monkeypatch.setattr(AdviceQueryForm.base_fields["institution"], "label", PAYLOAD)
    hub = AdviceHubPage.objects.get(locale__language_code="en")

    html = client.get(hub.url).content.decode()

    assert "Plans" in html
    assert_inert(html, "the advice hub")
