"""The dashboard: translations awaiting approval for the Secretariat, a translator's to-do list for their
language; approving asks first and says what it did."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from tests.test_moderation_email import submit_spanish_about_page
from tests.test_translation_sync import change_english_about_page, sync_url
from tests.translation_helpers import assert_denied, page_in


def panel(html, panel_id):
    match = re.search(rf'(?s)id="{panel_id}-content".*?</table>', html)
    return match.group(0) if match else ""


@pytest.mark.django_db
def test_the_secretariat_sees_the_translation_awaiting_approval_with_its_language(
    editor, editor_client, translator_for
):
    submit_spanish_about_page(editor, translator_for("es"))
    spanish = page_in("about", "es")

    html = editor_client.get("/admin/").content.decode()

    awaiting = panel(html, "translations-awaiting-approval")
    assert f'data-page="{spanish.pk}" data-language="es"' in awaiting
    assert "Español" in awaiting
    assert f'href="/admin/translations/review/{spanish.pk}/"' in awaiting
    assert 'id="awaiting-review-content"' not in html, "Wagtail's one-click approval panel is replaced"


@pytest.mark.django_db
def test_approving_is_asked_then_confirmed_with_a_message(editor, editor_client, translator_for):
    submit_spanish_about_page(editor, translator_for("es"))
    spanish = page_in("about", "es")
    review_url = reverse("translation_review", args=[spanish.pk])

    screen = editor_client.get(review_url).content.decode()
    assert "Approving publishes this page in Español at once" in screen
    assert 'name="action" value="approve"' in screen
    assert page_in("about", "es").live_revision_id == spanish.live_revision_id, "looking approves nothing"

    response = editor_client.post(review_url, {"action": "approve", "comment": ""}, follow=True)

    assert response.redirect_chain[-1][0] == "/admin/"
    assert f"“{spanish.title}” in Español is approved and published." in response.content.decode()
    assert page_in("about", "es").live_revision_id != spanish.live_revision_id
    assert 'id="translations-awaiting-approval-content"' not in response.content.decode()


@pytest.mark.django_db
def test_asking_for_changes_needs_a_comment_and_changes_nothing_without_one(editor, editor_client, translator_for):
    submit_spanish_about_page(editor, translator_for("es"))
    spanish = page_in("about", "es")
    review_url = reverse("translation_review", args=[spanish.pk])

    response = editor_client.post(review_url, {"action": "reject", "comment": " "})

    assert response.status_code == 200
    assert "Say what should change" in response.content.decode()
    assert page_in("about", "es").current_workflow_state is not None


@pytest.mark.django_db
def test_a_review_with_no_action_chosen_is_refused_with_a_message(editor, editor_client, translator_for):
    submit_spanish_about_page(editor, translator_for("es"))
    review_url = reverse("translation_review", args=[page_in("about", "es").pk])

    response = editor_client.post(review_url, {"action": "publish-everything"})

    assert response.status_code == 200
    assert "Choose whether to approve or to ask for changes." in response.content.decode()


@pytest.mark.django_db
def test_a_page_no_longer_awaiting_approval_says_so(editor_client):
    response = editor_client.get(reverse("translation_review", args=[page_in("about", "es").pk]), follow=True)

    assert "This page is no longer awaiting approval." in response.content.decode()


@pytest.mark.django_db
def test_a_translator_cannot_approve(editor, translator_for):
    translator = translator_for("es")
    submit_spanish_about_page(editor, translator)
    spanish = page_in("about", "es")
    client = Client()
    client.force_login(translator)

    assert_denied(client.post(reverse("translation_review", args=[spanish.pk]), {"action": "approve"}))

    assert page_in("about", "es").live_revision_id == spanish.live_revision_id
    assert 'id="translations-awaiting-approval-content"' not in client.get("/admin/").content.decode()


@pytest.mark.django_db
def test_a_translator_sees_their_languages_out_of_date_pages_with_a_sync_button(editor, translator_for):
    change_english_about_page(editor)
    client = Client()
    client.force_login(translator_for("es"))

    html = client.get("/admin/").content.decode()

    to_do = panel(html, "translator-to-do")
    about = page_in("about", "en")
    assert f'data-page="{about.pk}" data-language="es" data-status="out-of-date"' in to_do
    assert f'action="{sync_url("es")}"' in to_do
    assert set(re.findall(r'data-language="([a-z]+)"', to_do)) == {"es"}
    assert "/admin/translations/coverage/?language=es" in html


@pytest.mark.django_db
def test_the_secretariat_gets_no_translator_to_do_list(editor, editor_client):
    change_english_about_page(editor)

    assert 'id="translator-to-do-content"' not in editor_client.get("/admin/").content.decode()
