"""The footer is edited like a page: a saved draft changes nothing public, the preview shows it in the
footer's own language, publishing shows it at once (the cached footer is purged), and the edit screen
tells which languages still show the old footer until they are synced and published."""

import re

import pytest
from django.test import Client

from wagtail.users.models import UserProfile

from pages.models import FooterContent
from tests.pages import visible_text

NEW_HEADING = "Write to the Secretariat in Geneva"


def footer_text(html):
    return visible_text(re.search(r'(?s)<footer class="site-footer">.*?</footer>', html).group(0))


def footer_in(language_code):
    return FooterContent.objects.get(locale__language_code=language_code)


def edit_url(footer):
    return f"/admin/snippets/pages/footercontent/edit/{footer.pk}/"


def form_data(client, footer, **changes):
    """The edit form's fields as the browser would send them, with some changed."""
    form = client.get(edit_url(footer)).context["form"]
    data = {name: form[name].field.widget.format_value(form[name].value()) or "" for name in form.fields}
    data.update(changes)
    return data


def language_states(client, footer):
    html = client.get(edit_url(footer)).content.decode()
    return dict(re.findall(r'<tr data-language="([a-z]+)" data-up-to-date="(true|false)">', html))


@pytest.mark.django_db
def test_a_saved_draft_changes_nothing_public(editor_client):
    english = footer_in("en")
    anonymous = Client()
    anonymous.get("/en/about/")

    response = editor_client.post(edit_url(english), form_data(editor_client, english, contact_heading=NEW_HEADING))

    assert response.status_code == 302
    english.refresh_from_db()
    assert english.live and english.has_unpublished_changes
    assert english.latest_revision.content["contact_heading"] == NEW_HEADING
    assert NEW_HEADING not in footer_text(anonymous.get("/en/about/").content.decode())


@pytest.mark.django_db
def test_the_preview_shows_the_draft_in_the_footers_language(editor, editor_client):
    """Whatever the editor's admin language: here French, for the English footer."""
    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = "fr"
    profile.save()
    english = footer_in("en")
    preview_url = f"/admin/snippets/pages/footercontent/preview/{english.pk}/"

    response = editor_client.post(preview_url, form_data(editor_client, english, contact_heading=NEW_HEADING))
    assert response.json()["is_valid"]
    html = editor_client.get(preview_url, {"mode": ""}).content.decode()

    assert '<html lang="en" dir="ltr">' in html
    assert NEW_HEADING in footer_text(html)
    assert NEW_HEADING not in footer_text(Client().get("/en/").content.decode())


@pytest.mark.django_db
def test_publishing_shows_the_new_footer_at_once(editor_client):
    english = footer_in("en")
    anonymous = Client()
    anonymous.get("/en/about/")

    editor_client.post(
        edit_url(english), form_data(editor_client, english, contact_heading=NEW_HEADING, **{"action-publish": "action-publish"})
    )

    english.refresh_from_db()
    assert english.contact_heading == NEW_HEADING and not english.has_unpublished_changes
    assert NEW_HEADING in footer_text(anonymous.get("/en/about/").content.decode())


@pytest.mark.django_db
def test_an_unpublished_translation_falls_back_to_the_english_footer(client):
    spanish = footer_in("es")
    spanish.unpublish()

    assert footer_in("en").contact_heading in footer_text(client.get("/es/").content.decode())


@pytest.mark.django_db
def test_the_edit_screen_says_which_languages_still_show_the_old_footer(editor_client):
    english = footer_in("en")
    assert language_states(editor_client, english) == {code: "true" for code in ("ar", "es", "fr", "pt")}

    editor_client.post(
        edit_url(english), form_data(editor_client, english, contact_heading=NEW_HEADING, **{"action-publish": "action-publish"})
    )

    html = editor_client.get(edit_url(english)).content.decode()
    assert language_states(editor_client, english) == {code: "false" for code in ("ar", "es", "fr", "pt")}
    assert "Out of date: the English version changed after the last sync" in html
    sync_url = re.search(r'href="(/admin/localize/update/\d+/)"', html).group(1)

    editor_client.post(sync_url, {"publish_translations": "on"})

    html = editor_client.get(edit_url(english)).content.decode()
    assert language_states(editor_client, english) == {code: "false" for code in ("ar", "es", "fr", "pt")}
    assert "Waiting for translations (2 of 3)" in html
    assert "Out of date" not in html
