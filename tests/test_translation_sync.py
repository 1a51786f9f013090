"""When an English page changes, its translations show as out of date; a translator syncs their own
language, translates the new text and submits it; the Secretariat approves; no other language moves."""

import html as html_lib
import json
import re

import polib
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.models import WorkflowState
from wagtail_localize.models import StringTranslation, TranslationSource

from tests.translation_helpers import assert_denied, page_in, put_string, segment_for, translation_of
from translation_workflow.coverage import NEEDS_SYNC, NEEDS_TRANSLATION, OUT_OF_DATE, UP_TO_DATE, coverage_rows

ENGLISH = "CTI helps States ratify and implement the Convention against Torture, step by step."
PORTUGUESE = "A CTI ajuda os Estados a ratificar e a implementar a Convenção contra a Tortura, passo a passo."
OTHER_LANGUAGES = ["ar", "es", "fr"]


def about_cells():
    locales, rows = coverage_rows()
    about = page_in("about", "en")
    row = next(row for row in rows if row.page.pk == about.pk)
    return {cell.locale.language_code: cell for cell in row.cells}


def public_html(client, language_code):
    return client.get(f"/{language_code}/about/").content.decode()


def introduction(html):
    return html_lib.unescape(re.search(r'<p class="page-header__intro">([^<]*)</p>', html).group(1))


def change_english_about_page(editor):
    english = page_in("about", "en")
    english.introduction = ENGLISH
    english.save_revision(user=editor).publish()


def sync_url(language_code):
    return reverse("sync_translation", args=[translation_of("about", language_code).pk])


def editor_props(response):
    """The props wagtail-localize's translation editor is drawn from."""
    props = re.search(r'class="js-translation-editor" data-props="([^"]*)"', response.content.decode()).group(1)
    return json.loads(html_lib.unescape(props))


def untranslated_sources(props):
    translated = {string["segment_id"] for string in props["initialStringTranslations"]}
    strings = [segment for segment in props["segments"] if segment["type"] == "string"]
    return [segment["source"] for segment in strings if segment["id"] not in translated]


def page_state(language_code):
    """Everything a sync must leave alone on a page: what is live, the drafts, the workflow, the row."""
    page = page_in("about", language_code)
    return {
        "live_revision": page.live_revision_id,
        "latest_revision": page.latest_revision_id,
        "has_unpublished_changes": page.has_unpublished_changes,
        "title": page.title,
        "introduction": page.introduction,
        "workflow_states": WorkflowState.objects.filter(object_id=str(page.pk)).count(),
        "translated_strings": StringTranslation.objects.filter(locale=page.locale).count(),
    }


@pytest.mark.django_db
def test_a_translator_syncs_translates_and_submits_portuguese_and_no_other_language_moves(
    client, editor, translator_for
):
    before_html = {code: public_html(client, code) for code in OTHER_LANGUAGES}
    change_english_about_page(editor)
    before_state = {code: page_state(code) for code in OTHER_LANGUAGES}
    assert {cell.status for cell in about_cells().values()} == {OUT_OF_DATE}
    assert about_cells()["pt"].reason == NEEDS_SYNC

    client.force_login(translator_for("pt"))
    portuguese = page_in("about", "pt")
    edit_url = f"/admin/pages/{portuguese.pk}/edit/"
    response = client.get(edit_url)
    assert response.status_code == 200
    assert "The English page has changed since the last sync." in response.content.decode()
    assert f'action="{sync_url("pt")}"' in response.content.decode()
    assert ENGLISH not in untranslated_sources(editor_props(response))

    response = client.post(sync_url("pt"))

    assert response.status_code == 302 and response["Location"] == edit_url
    assert about_cells()["pt"].reason == NEEDS_TRANSLATION
    response = client.get(edit_url)
    assert f'action="{sync_url("pt")}"' not in response.content.decode()
    assert untranslated_sources(editor_props(response)) == [ENGLISH]
    translation = translation_of("about", "pt")
    po_file = client.get(reverse("wagtail_localize:download_pofile", args=[translation.pk])).content.decode()
    catalogue = polib.pofile(po_file)
    assert [entry.msgid for entry in catalogue if not entry.msgstr] == [ENGLISH]

    segment = segment_for(translation, ENGLISH)
    assert segment.pk in {item["id"] for item in editor_props(response)["segments"]}
    assert put_string(client, translation, segment, PORTUGUESE).status_code == 201
    assert untranslated_sources(editor_props(client.get(edit_url))) == []
    assert client.post(reverse("submit_translation_for_moderation", args=[translation.pk])).status_code == 302
    assert introduction(public_html(client, "pt")) != PORTUGUESE

    task_state = page_in("about", "pt").current_workflow_state.current_task_state
    client.force_login(editor)
    client.post(f"/admin/pages/workflow/action/{portuguese.pk}/approve/{task_state.pk}/", {"comment": ""})
    client.logout()

    assert introduction(public_html(client, "pt")) == PORTUGUESE
    for code in OTHER_LANGUAGES:
        assert public_html(client, code) == before_html[code], f"the {code} About page changed"
        assert page_state(code) == before_state[code], f"the {code} About page changed in the admin"
    cells = about_cells()
    assert cells["pt"].status == UP_TO_DATE
    assert {cells[code].reason for code in OTHER_LANGUAGES} == {NEEDS_TRANSLATION}


@pytest.mark.django_db
def test_syncing_is_a_post_that_saves_and_publishes_no_page(client, editor, translator_for):
    change_english_about_page(editor)
    before = {code: page_state(code) for code in ["pt", *OTHER_LANGUAGES]}
    client.force_login(translator_for("pt"))

    assert client.get(sync_url("pt")).status_code == 405
    assert client.post(sync_url("pt")).status_code == 302

    assert {code: page_state(code) for code in before} == before


@pytest.mark.django_db
@pytest.mark.parametrize("language_code", OTHER_LANGUAGES)
def test_a_translator_cannot_sync_another_language(client, editor, translator_for, language_code):
    change_english_about_page(editor)
    source = TranslationSource.objects.get(pk=translation_of("about", language_code).source_id)
    client.force_login(translator_for("pt"))

    assert_denied(client.post(sync_url(language_code)))

    assert TranslationSource.objects.get(pk=source.pk).last_updated_at == source.last_updated_at
    assert about_cells()[language_code].reason == NEEDS_SYNC


@pytest.mark.django_db
def test_nobody_outside_the_staff_can_sync(client, editor):
    change_english_about_page(editor)

    response = client.post(sync_url("pt"))

    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")
    assert about_cells()["pt"].reason == NEEDS_SYNC


@pytest.mark.django_db
def test_after_syncing_portuguese_the_translator_still_cannot_touch_french_or_publish(client, editor, translator_for):
    change_english_about_page(editor)
    client.force_login(translator_for("pt"))
    assert client.post(sync_url("pt")).status_code == 302
    french, portuguese = page_in("about", "fr"), page_in("about", "pt")
    french_before, portuguese_live = page_state("fr"), portuguese.live_revision_id
    french_translation = translation_of("about", "fr")
    segment = french_translation.source.stringsegment_set.get(string__data=ENGLISH)

    assert put_string(client, french_translation, segment, "Piraté").status_code == 403
    assert_denied(client.post(reverse("submit_translation_for_moderation", args=[french_translation.pk])))
    assert_denied(client.get(f"/admin/pages/{french.pk}/edit/"))
    assert_denied(client.post(f"/admin/pages/{french.pk}/edit/", {"action": "publish"}))
    every_language_sync = f"/admin/localize/update/{french_translation.source_id}/"
    assert_denied(client.post(every_language_sync, {"publish_translations": "on"}))
    assert_denied(client.get(f"/admin/localize/submit/page/{page_in('about', 'en').pk}/"))
    assert_denied(client.post(f"/admin/pages/{portuguese.pk}/edit/", {"action": "publish"}))

    assert page_state("fr") == french_before
    assert page_in("about", "pt").live_revision_id == portuguese_live
    assert not StringTranslation.objects.filter(data="Piraté").exists()


@pytest.mark.django_db
def test_the_coverage_report_offers_a_translator_the_sync_of_their_own_language_only(client, editor, translator_for):
    change_english_about_page(editor)
    client.force_login(translator_for("pt"))

    html = client.get("/admin/translations/coverage/").content.decode()

    english_edit = f'/admin/pages/{page_in("about", "en").pk}/edit/'
    about_row = re.search(rf'(?s)<tr>\s*<th scope="row">.{{0,200}}{english_edit}.*?</tr>', html).group(0)
    assert f'action="{sync_url("pt")}"' in about_row
    for code in OTHER_LANGUAGES:
        assert sync_url(code) not in html
    assert "/admin/localize/update/" not in html


@pytest.mark.django_db
def test_po_download_and_upload_are_confined_to_the_translators_language(client, translator_for):
    client.force_login(translator_for("pt"))
    portuguese, french = translation_of("history", "pt"), translation_of("history", "fr")

    response = client.get(reverse("wagtail_localize:download_pofile", args=[portuguese.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/x-gettext-translation"
    assert 'msgstr "História"' in response.content.decode()
    assert client.get(reverse("wagtail_localize:download_pofile", args=[french.pk])).status_code in (302, 403)


@pytest.mark.django_db
def test_a_po_file_for_another_translation_is_refused(client, translator_for):
    client.force_login(translator_for("pt"))
    about, history = translation_of("about", "pt"), translation_of("history", "pt")
    history_po = client.get(reverse("wagtail_localize:download_pofile", args=[history.pk])).content

    response = client.post(
        reverse("wagtail_localize:upload_pofile", args=[about.pk]),
        {"file": SimpleUploadedFile("history.po", history_po), "next": "/admin/"},
        follow=True,
    )

    assert response.status_code == 200
    assert "Cannot import PO file that was created for a different translation." in response.content.decode()


def test_no_machine_translator_by_default(settings):
    assert settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR is None
