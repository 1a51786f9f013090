"""The Help desk group reads and answers advice queries and reaches nothing else in the admin."""

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse
from wagtail.models import Page

from advice.models import AdviceQuery, ReferralPartner
from pages.roles import HELP_DESK, SECRETARIAT_EDITORS
from tests.advice_support import advice_hub_url, advice_settings, valid_submission  # noqa: F401
from tests.conftest import make_user


@pytest.fixture
def query(db):
    Client().post(advice_hub_url(), valid_submission(question="A confidential question"))
    return AdviceQuery.objects.get()


@pytest.fixture
def help_desk_client(client, db):
    client.force_login(make_user("help-desk", HELP_DESK))
    return client


@pytest.mark.django_db
def test_setup_roles_creates_the_help_desk_with_query_permissions_only():
    permissions = set(Group.objects.get(name=HELP_DESK).permissions.values_list("content_type__app_label", "codename"))

    assert permissions == {
        ("wagtailadmin", "access_admin"), ("advice", "view_advicequery"), ("advice", "change_advicequery"),
    }
    editors = set(Group.objects.get(name=SECRETARIAT_EDITORS).permissions.values_list("codename", flat=True))
    assert {"view_advicequery", "change_advicequery"} <= editors


@pytest.mark.django_db
def test_the_help_desk_lists_opens_assigns_and_notes_a_query(help_desk_client, editor, query):
    screen = reverse("advice_queries:edit", args=[query.pk])

    assert query.reference in help_desk_client.get(reverse("advice_queries:index")).content.decode()
    html = help_desk_client.get(screen).content.decode()
    assert "A confidential question" in html and f'<option value="{editor.pk}">' in html
    response = help_desk_client.post(screen, {"status": "in_progress", "assignee": editor.pk, "referral_partner": "",
                                              "note": "For the Secretariat."})

    assert response.status_code == 302
    query.refresh_from_db()
    assert (query.status, query.assignee) == ("in_progress", editor)
    assert query.notes.get().author.username == "help-desk"
    assert help_desk_client.get(reverse("advice_queries:index") + "?export=csv").status_code == 200


@pytest.mark.django_db
def test_the_help_desk_reaches_nothing_else(help_desk_client, query):
    home_page = Page.objects.filter(depth=2).first()
    partner = ReferralPartner.objects.create(name="APT")

    for url in [
        f"/admin/pages/{home_page.pk}/",
        f"/admin/pages/{home_page.pk}/edit/",
        "/admin/documents/",
        "/admin/documents/multiple/add/",
        "/admin/images/",
        "/admin/snippets/pages/footercontent/",
        "/admin/users/",
        "/admin/groups/",
        "/admin/redirects/",
        "/admin/locales/",
        reverse("advice_partners:index"),
        reverse("advice_partners:edit", args=[partner.pk]),
        reverse("advice_queries:delete", args=[query.pk]),
        reverse("translation_coverage"),
    ]:
        response = help_desk_client.get(url)
        assert response.status_code in {302, 403, 404}, url
        if response.status_code == 302:
            assert response["Location"] in {"/admin/", reverse("wagtailadmin_home")}, url
    assert AdviceQuery.objects.filter(pk=query.pk).exists()


@pytest.mark.django_db
def test_the_help_desk_menu_offers_the_queries(help_desk_client):
    html = help_desk_client.get("/admin/").content.decode()

    assert reverse("advice_queries:index") in html
    assert reverse("advice_partners:index") not in html
    assert reverse("translation_coverage") not in html
