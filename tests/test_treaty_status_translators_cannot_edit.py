"""Translators cannot see, add or change treaty status rows in the admin; Secretariat editors can."""

import pytest

from treaty_status.models import TreatyStatus


@pytest.fixture
def india():
    return TreatyStatus.objects.get(country_code="IN", treaty="uncat")


@pytest.mark.django_db
@pytest.mark.parametrize("language_code", ["ar", "es", "fr", "pt"])
def test_a_translator_cannot_list_open_or_change_rows(client, translator_for, india, language_code):
    client.force_login(translator_for(language_code))

    listing = client.get("/admin/treaty-status/")
    edit = client.get(f"/admin/treaty-status/edit/{india.pk}/")
    post = client.post(
        f"/admin/treaty-status/edit/{india.pk}/",
        {"country_code": "IN", "treaty": "uncat", "status": "party", "year": "2024", "source": "x", "checked_on": "2024-01-01"},
    )
    add = client.get("/admin/treaty-status/new/")
    dashboard = client.get("/admin/").content.decode()

    for response in (listing, edit, post, add):
        assert response.status_code in (302, 403)
        assert "/admin/treaty-status/" not in response.get("Location", "")
    assert TreatyStatus.objects.get(pk=india.pk).status == "signatory"
    assert "/admin/treaty-status/" not in dashboard


@pytest.mark.django_db
def test_a_secretariat_editor_finds_the_rows_in_the_admin_menu(editor_client, india):
    dashboard = editor_client.get("/admin/").content.decode()
    listing = editor_client.get("/admin/treaty-status/")

    assert "/admin/treaty-status/" in dashboard
    assert listing.status_code == 200
    assert editor_client.get(f"/admin/treaty-status/edit/{india.pk}/").status_code == 200
