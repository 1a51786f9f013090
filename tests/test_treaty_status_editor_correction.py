"""A Secretariat editor corrects a row in the admin: every language's page shows it at once (the cached
pages are purged), and the next import keeps the correction unless it is forced."""

import datetime
from io import StringIO

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.test import Client, override_settings

from treaty_status.models import TreatyStatus

from .treaty_status_support import LANGUAGES, UNCAT_FILE, page_url, row_of

CORRECTION = {
    "country_code": "IN",
    "treaty": "uncat",
    "status": "party",
    "year": "2024",
    "date": "2024-05-02",
    "action": "ratification",
    "source": "Depositary notification C.N.100.2024.TREATIES-IV.9",
    "source_url": "https://treaties.un.org/doc/Publication/CN/2024/CN.100.2024-Eng.pdf",
    "checked_on": "2024-05-10",
    "note": "",
}


def correct_india(editor_client):
    row = TreatyStatus.objects.get(country_code="IN", treaty="uncat")
    response = editor_client.post(f"/admin/treaty-status/edit/{row.pk}/", CORRECTION)
    assert response.status_code == 302, response.content.decode()[:2000]
    return TreatyStatus.objects.get(pk=row.pk)


@pytest.mark.django_db
def test_an_editors_correction_shows_on_every_languages_page_at_once(editor, editor_client):
    visitor = Client()
    with override_settings(PAGE_CACHE_SERVER_SECONDS=600):
        cache.clear()
        before = {language: visitor.get(page_url(language)).content.decode() for language in LANGUAGES}
        assert all(row_of(html, "IN", language)[1][0] == "signatory" for language, html in before.items())

        row = correct_india(editor_client)

        for language in LANGUAGES:
            response = visitor.get(page_url(language))
            assert response["X-Cache"] == "miss", language
            name, statuses, html = row_of(response.content.decode(), "IN", language)
            assert statuses[0] == "party", language
            assert "2024" in html and CORRECTION["source_url"] in html, language
    assert row.corrected_by == editor and row.corrected_since_import
    assert row.date == datetime.date(2024, 5, 2)


@pytest.mark.django_db
def test_the_next_import_keeps_the_correction_and_says_so_unless_forced(editor_client):
    correct_india(editor_client)

    output = StringIO()
    call_command("import_treaty_status", "--uncat", str(UNCAT_FILE), "--as-of", "2022-06-30", stdout=output)
    assert TreatyStatus.objects.get(country_code="IN", treaty="uncat").status == "party"
    assert "KEPT" in output.getvalue() and "India (IN): the file says Signatory" in output.getvalue()

    call_command("import_treaty_status", "--uncat", str(UNCAT_FILE), "--as-of", "2022-06-30", "--force", stdout=StringIO())
    assert TreatyStatus.objects.get(country_code="IN", treaty="uncat").status == "signatory"


@pytest.mark.django_db
def test_the_admin_refuses_a_party_without_a_year_and_a_year_for_a_signatory(editor_client):
    row = TreatyStatus.objects.get(country_code="IN", treaty="uncat")

    without_year = editor_client.post(f"/admin/treaty-status/edit/{row.pk}/", {**CORRECTION, "year": "", "date": ""})
    year_for_a_signatory = editor_client.post(
        f"/admin/treaty-status/edit/{row.pk}/", {**CORRECTION, "status": "signatory", "date": "", "action": ""}
    )

    assert without_year.status_code == 200 and year_for_a_signatory.status_code == 200
    assert TreatyStatus.objects.get(pk=row.pk).status == "signatory"


@pytest.mark.django_db
def test_the_admin_lists_rows_by_name_in_any_language_and_by_region(editor_client):
    by_french_name = editor_client.get("/admin/treaty-status/?q=Inde")
    african_states_not_yet_party = editor_client.get("/admin/treaty-status/?region=2&status=neither&treaty=uncat")

    assert by_french_name.status_code == 200
    assert "/admin/treaty-status/edit/%d/" % TreatyStatus.objects.get(country_code="IN", treaty="uncat").pk in by_french_name.content.decode()
    listed = african_states_not_yet_party.content.decode()
    for row in TreatyStatus.objects.filter(treaty="uncat", status="neither"):
        assert (f"/admin/treaty-status/edit/{row.pk}/" in listed) == (row.state.region == 2), row.country_code
