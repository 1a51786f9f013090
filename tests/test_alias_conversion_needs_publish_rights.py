"""Converting a translation to an alias of the English page, and anything else that changes what is
live, needs publish rights in that language: a translator is refused with a message and is not
offered the button; the Secretariat still can."""

import json
import re
from html import unescape

import pytest
from django.contrib.messages.storage.fallback import FallbackStorage
from django.test import RequestFactory
from wagtail.models import Page
from wagtail_localize.models import Translation
from wagtail_localize.views import edit_translation

from tests.translation_helpers import assert_denied, page_in, translation_of


def editor_props(html):
    return json.loads(unescape(re.search(r'class="js-translation-editor" data-props="([^"]*)"', html).group(1)))


def state(page):
    page = Page.objects.get(pk=page.pk)
    return page.live, page.live_revision_id, page.alias_of_id, page.title


@pytest.mark.django_db
@pytest.mark.parametrize("language_code", ["es", "ar"])
def test_a_translator_cannot_convert_their_translation_to_an_alias(client, translator_for, language_code):
    client.force_login(translator_for(language_code))
    page = page_in("about", language_code)
    before = state(page)
    convert_url = f"/admin/localize/page/{page.pk}/convert_to_alias/"

    editor = client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert editor_props(editor)["links"]["convertToAliasUrl"] is None
    assert convert_url not in editor

    for response in (
        client.post(convert_url, follow=True),
        client.post(f"/admin/pages/{page.pk}/edit/", {"localize-convert-to-alias": "1"}, follow=True),
    ):
        assert response.status_code == 200
        assert "Only someone who may publish in" in response.content.decode()
    assert client.get(convert_url).status_code == 302

    assert state(page) == before
    assert Translation.objects.filter(pk=translation_of("about", language_code).pk).exists()


@pytest.mark.django_db
def test_a_translator_cannot_unpublish_delete_publish_or_revert_and_publish(client, translator_for):
    client.force_login(translator_for("es"))
    page = page_in("about", "es")
    before = state(page)

    assert_denied(client.post(f"/admin/pages/{page.pk}/unpublish/"))
    assert_denied(client.post(f"/admin/pages/{page.pk}/delete/"))
    assert_denied(client.post(f"/admin/pages/{page.pk}/edit/", {"action": "publish"}))
    revert = client.post(f"/admin/pages/{page.pk}/revisions/{page.live_revision_id}/revert/", {"action-publish": "1"})
    assert revert.status_code in (302, 403)
    assert editor_props(client.get(f"/admin/pages/{page.pk}/edit/").content.decode())["perms"] == {
        "canPublish": False,
        "canUnpublish": False,
        "canLock": False,
        "canUnlock": False,
        "canDelete": False,
    }

    assert state(page) == before


@pytest.mark.django_db
def test_the_secretariat_still_converts_a_translation_to_an_alias(editor_client):
    page = page_in("about", "es")
    convert_url = f"/admin/localize/page/{page.pk}/convert_to_alias/"

    editor = editor_client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert editor_props(editor)["links"]["convertToAliasUrl"] == convert_url
    assert editor_client.get(convert_url).status_code == 200
    response = editor_client.post(convert_url)

    assert response.status_code == 302
    assert Page.objects.get(pk=page.pk).alias_of_id == page_in("about", "en").pk


@pytest.mark.django_db
def test_upstream_still_lets_anyone_who_may_edit_convert_to_an_alias(translator_for):
    """When this fails, wagtail-localize asks for publish rights itself: remove convert_to_alias and
    edit_translation_without_convert_to_alias from wagtail_localize_workaround_publish_rights.py."""
    from wagtail_localize.views.convert import convert_to_alias

    page = page_in("about", "es")
    request = RequestFactory().get("/")
    request.user = translator_for("es")
    request.session = {}
    request._messages = FallbackStorage(request)

    assert convert_to_alias(request, page.pk).status_code == 200
    response = edit_translation.edit_translation(request, translation_of("about", "es"), page)
    assert editor_props(response.content.decode())["links"]["convertToAliasUrl"]
