"""The coverage report tells the truth for every page and language, and can be filtered."""

import re

import pytest
from django.test import Client
from django.urls import reverse
from wagtail.models import Locale

from pages.models import StandardPage
from tests.test_translation_sync import ENGLISH, change_english_about_page, sync_url
from tests.translation_helpers import page_in, put_string, segment_for, translation_of

REPORT = "/admin/translations/coverage/"
CELL = re.compile(r'data-language="([a-z]+)" data-status="([a-z-]+)"')


def row_for(html, page):
    edit = f"/admin/pages/{page.pk}/edit/"
    return re.search(rf'(?s)<tr>\s*<th scope="row">.{{0,200}}"{edit}".*?</tr>', html).group(0)


def statuses(row_html):
    return dict(CELL.findall(row_html))


def cell_html(row_html, language_code):
    return re.search(rf'(?s)<td[^>]*data-language="{language_code}".*?</td>', row_html).group(0)


def count(html, language_code, status):
    row = re.search(rf'(?s)<tr data-language="{language_code}">.*?</tr>', html).group(0)
    return int(re.search(rf'data-status="{status}" data-count="(\d+)"', row).group(1))


def new_page_translated_into(editor_client, language_codes):
    about = page_in("about", "en")
    page = about.add_child(instance=StandardPage(title="Annual report", slug="annual-report", introduction="A year."))
    page.save_revision().publish()
    locale_ids = [Locale.objects.get(language_code=code).pk for code in language_codes]
    response = editor_client.post(f"/admin/localize/submit/page/{page.pk}/", {"locales": locale_ids})
    assert response.status_code == 302
    return page


@pytest.mark.django_db
def test_the_heading_reads_translation_coverage(editor_client):
    html = editor_client.get(REPORT).content.decode()

    assert re.search(r'<h1 class="w-sr-only">\s*Translation coverage', html)
    assert "<title>Translation coverage" in html


@pytest.mark.django_db
def test_a_page_never_translated_is_not_translated_rather_than_out_of_date(editor_client):
    page = new_page_translated_into(editor_client, ["es"])

    html = editor_client.get(REPORT).content.decode()

    row = statuses(row_for(html, page))
    assert row == {"ar": "missing", "es": "missing", "fr": "missing", "pt": "missing"}
    assert "Nothing is translated yet." in cell_html(row_for(html, page), "es")


@pytest.mark.django_db
def test_text_saved_but_not_submitted_is_a_draft_not_up_to_date(editor, editor_client, translator_for):
    change_english_about_page(editor)
    client = Client()
    client.force_login(translator_for("es"))
    client.post(sync_url("es"))
    translation = translation_of("about", "es")
    put_string(client, translation, segment_for(translation, ENGLISH), "La CTI ayuda a los Estados.")

    html = editor_client.get(REPORT).content.decode()

    row = row_for(html, page_in("about", "en"))
    assert statuses(row)["es"] == "draft"
    assert "not submitted for approval" in cell_html(row, "es")


@pytest.mark.django_db
def test_a_submitted_translation_is_awaiting_approval_and_up_to_date_once_approved(
    editor, editor_client, translator_for
):
    change_english_about_page(editor)
    client = Client()
    client.force_login(translator_for("es"))
    client.post(sync_url("es"))
    translation = translation_of("about", "es")
    put_string(client, translation, segment_for(translation, ENGLISH), "La CTI ayuda a los Estados.")
    client.post(reverse("submit_translation_for_moderation", args=[translation.pk]))
    english = page_in("about", "en")

    html = editor_client.get(REPORT).content.decode()
    assert statuses(row_for(html, english))["es"] == "awaiting-approval"
    assert f'href="/admin/translations/review/{page_in("about", "es").pk}/"' in cell_html(row_for(html, english), "es")

    spanish = page_in("about", "es")
    editor_client.post(f"/admin/translations/review/{spanish.pk}/", {"action": "approve", "comment": ""})

    html = editor_client.get(REPORT).content.decode()
    assert statuses(row_for(html, english))["es"] == "up-to-date"


@pytest.mark.django_db
def test_out_of_date_says_what_changed_in_english(editor, editor_client):
    english = page_in("about", "en")
    before = english.live_revision_id
    change_english_about_page(editor)

    html = editor_client.get(REPORT).content.decode()

    cell = cell_html(row_for(html, english), "fr")
    assert 'data-status="out-of-date"' in cell
    after = page_in("about", "en").live_revision_id
    assert f'href="/admin/pages/{english.pk}/revisions/compare/{before}...{after}/"' in cell
    assert editor_client.get(f"/admin/pages/{english.pk}/revisions/compare/{before}...{after}/").status_code == 200


@pytest.mark.django_db
def test_after_a_sync_out_of_date_quotes_the_english_to_translate(editor, editor_client, translator_for):
    change_english_about_page(editor)
    client = Client()
    client.force_login(translator_for("es"))
    client.post(sync_url("es"))

    html = editor_client.get(REPORT).content.decode()

    cell = cell_html(row_for(html, page_in("about", "en")), "fr")
    assert 'data-status="out-of-date"' in cell
    assert "Some text is not translated yet." in cell
    assert ENGLISH[:40] in cell


@pytest.mark.django_db
def test_filters_by_language_and_state_with_counts_per_language(editor, editor_client):
    change_english_about_page(editor)
    english = page_in("about", "en")

    html = editor_client.get(REPORT, {"language": "fr", "state": "out-of-date"}).content.decode()

    assert set(CELL.findall(html)) == {("fr", "out-of-date")}
    assert f'"/admin/pages/{english.pk}/edit/"' in html
    assert '<option value="fr" lang="fr" selected>' in html
    assert '<option value="out-of-date" selected>' in html
    assert count(html, "fr", "out-of-date") == 1
    assert 'href="?language=fr&amp;state=out-of-date"' in html


@pytest.mark.django_db
def test_counts_add_up_to_every_page_in_every_language(editor_client):
    html = editor_client.get(REPORT).content.decode()

    pages = len(re.findall(r'<th scope="row"><span', html))
    for code in ["ar", "es", "fr", "pt"]:
        assert count(html, code, "up-to-date") == pages


@pytest.mark.django_db
def test_unknown_filter_values_show_everything(editor_client):
    response = editor_client.get(REPORT, {"language": "xx", "state": "<script>"})

    assert response.status_code == 200
    assert {code for code, _status in CELL.findall(response.content.decode())} == {"ar", "es", "fr", "pt"}


@pytest.mark.django_db
def test_the_report_costs_a_bounded_number_of_queries_whatever_the_states(
    editor, editor_client, translator_for, django_assert_max_num_queries
):
    with django_assert_max_num_queries(40):
        editor_client.get(REPORT)
    change_english_about_page(editor)
    client = Client()
    client.force_login(translator_for("es"))
    client.post(sync_url("es"))
    new_page_translated_into(editor_client, ["es", "fr"])
    for number in range(5):
        page_in("about", "en").add_child(
            instance=StandardPage(title=f"Note {number}", slug=f"note-{number}")
        ).save_revision().publish()
    with django_assert_max_num_queries(40):
        editor_client.get(REPORT)
