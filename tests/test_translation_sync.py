import re

import polib
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail_localize.models import StringTranslation

from tests.translation_helpers import page_in, translation_of
from translation_report.coverage import NEEDS_SYNC, NEEDS_TRANSLATION, OUT_OF_DATE, UP_TO_DATE, coverage_rows

ENGLISH = "CTI helps States ratify and implement the Convention against Torture."
PORTUGUESE = "A CTI ajuda os Estados a ratificar e a implementar a Convenção contra a Tortura."


def about_cells():
    locales, rows = coverage_rows()
    about = page_in("about", "en")
    row = next(row for row in rows if row.page.pk == about.pk)
    return {cell.locale.language_code: cell for cell in row.cells}


def public_html(client, language_code):
    return client.get(f"/{language_code}/about/").content.decode()


def meta_description(html):
    return re.search(r'<meta name="description" content="([^"]*)">', html).group(1)


@pytest.mark.django_db
def test_a_changed_english_page_is_synced_translated_and_published_in_portuguese_only(
    client, editor, translator_for
):
    before = {code: public_html(client, code) for code in ["ar", "es", "fr"]}
    english = page_in("about", "en")
    english.search_description = ENGLISH
    english.save_revision(user=editor).publish()

    assert {cell.status for cell in about_cells().values()} == {OUT_OF_DATE}
    assert about_cells()["pt"].reason == NEEDS_SYNC

    translation = translation_of("about", "pt")
    translation.source.update_from_db()
    assert about_cells()["pt"].reason == NEEDS_TRANSLATION

    translator = translator_for("pt")
    client.force_login(translator)
    response = client.get(reverse("wagtail_localize:download_pofile", args=[translation.pk]))
    assert response.status_code == 200
    catalogue = polib.pofile(response.content.decode())
    untranslated = [entry for entry in catalogue if not entry.msgstr]
    assert [entry.msgid for entry in untranslated] == [ENGLISH]
    untranslated[0].msgstr = PORTUGUESE
    edit_url = f"/admin/pages/{page_in('about', 'pt').pk}/edit/"
    response = client.post(
        reverse("wagtail_localize:upload_pofile", args=[translation.pk]),
        {"file": SimpleUploadedFile("about-pt.po", str(catalogue).encode()), "next": edit_url},
    )
    assert response.status_code == 302 and response["Location"] == edit_url
    assert StringTranslation.objects.filter(data=PORTUGUESE, locale__language_code="pt").exists()

    client.post(reverse("submit_translation_for_moderation", args=[translation.pk]))
    assert meta_description(public_html(client, "pt")) != PORTUGUESE
    task_state = page_in("about", "pt").current_workflow_state.current_task_state
    client.force_login(editor)
    client.post(f"/admin/pages/workflow/action/{page_in('about', 'pt').pk}/approve/{task_state.pk}/", {"comment": ""})
    client.logout()

    assert meta_description(public_html(client, "pt")) == PORTUGUESE
    for code, html in before.items():
        assert public_html(client, code) == html, f"the {code} About page changed"
    cells = about_cells()
    assert cells["pt"].status == UP_TO_DATE
    assert {cells[code].status for code in ["ar", "es", "fr"]} == {OUT_OF_DATE}


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
