import csv
import io

import pytest
from django.contrib.auth.models import Group, Permission
from django.test import Client
from django.urls import reverse

from advice.models import AdviceQuery, ReferralPartner
from tests.advice_support import advice_hub_url, advice_settings, valid_submission  # noqa: F401
from tests.conftest import make_user


@pytest.fixture
def query(db):
    Client().post(advice_hub_url("ar"), valid_submission(preferred_language="ar", question="A confidential question"))
    return AdviceQuery.objects.get()


@pytest.fixture
def page_editor(db):
    group, _created = Group.objects.get_or_create(name="Page editors (test)")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    return make_user("page-editor", group.name)


def query_urls(query):
    return [
        reverse("advice_queries:index"),
        reverse("advice_queries:index_results"),
        reverse("advice_queries:index") + "?export=csv",
        reverse("advice_queries:index") + "?export=xlsx",
        reverse("advice_queries:index") + f"?q={query.reference}",
        reverse("advice_queries:edit", args=[query.pk]),
        reverse("advice_queries:delete", args=[query.pk]),
        reverse("advice_queries:add"),
    ]


def assert_refused(response, query):
    assert response.status_code in {302, 403, 404}
    if response.status_code == 302:
        assert response["Location"] in {"/admin/", reverse("wagtailadmin_home")}
    body = response.content.decode() if not response.streaming else b"".join(response.streaming_content).decode()
    assert query.reference not in body and "confidential question" not in body


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["translator-ar", "translator-fr", "page-editor"])
def test_only_the_advice_staff_can_reach_queries(client, query, translator_for, page_editor, who):
    user = page_editor if who == "page-editor" else translator_for(who.split("-")[1])
    client.force_login(user)

    for url in query_urls(query):
        assert_refused(client.get(url), query)
    assert_refused(client.post(reverse("advice_queries:edit", args=[query.pk]), {"status": "closed"}), query)
    assert_refused(client.post(reverse("advice_queries:delete", args=[query.pk])), query)
    assert AdviceQuery.objects.filter(pk=query.pk, status="new").exists()


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["translator-ar", "page-editor"])
def test_queries_appear_nowhere_else_in_the_admin_for_others(client, query, translator_for, page_editor, who):
    client.force_login(page_editor if who == "page-editor" else translator_for("ar"))

    for url in [
        "/admin/",
        f"/admin/search/?q={query.reference}",
        "/admin/snippets/",
        "/admin/snippets/advice/advicequery/",
        "/admin/snippets/choose/advice/advicequery/",
        "/admin/reports/site-history/",
        "/admin/api/main/pages/",
    ]:
        response = client.get(url)
        assert query.reference not in response.content.decode()
        assert "Advice hub" not in response.content.decode() or url != "/admin/"


@pytest.mark.django_db
def test_anonymous_visitors_are_sent_to_the_login(client, query):
    for url in query_urls(query):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith("/admin/login/")


@pytest.mark.django_db
def test_the_secretariat_lists_filters_and_searches_queries(editor_client, query):
    index = reverse("advice_queries:index")

    assert query.reference in editor_client.get(index).content.decode()
    for filters in ["status=new", "topic=reporting", "country=MA", "preferred_language=ar", f"q={query.reference}",
                    "q=Ministry"]:
        assert query.reference in editor_client.get(f"{index}?{filters}").content.decode(), filters
    for filters in ["status=closed", "topic=training", "country=CL", "preferred_language=fr", "q=nothing-like-it"]:
        assert query.reference not in editor_client.get(f"{index}?{filters}").content.decode(), filters
    assert "confidential question" in editor_client.get(reverse("advice_queries:edit", args=[query.pk])).content.decode()


@pytest.mark.django_db
def test_the_secretariat_assigns_refers_and_answers_a_query_with_a_dated_history(editor_client, editor, query):
    partner = ReferralPartner.objects.create(name="Association for the Prevention of Torture")
    edit = reverse("advice_queries:edit", args=[query.pk])

    assert editor_client.get(edit).status_code == 200
    for step in [
        {"status": "in_progress", "assignee": editor.pk, "referral_partner": "", "note": "Taking it."},
        {"status": "referred", "assignee": editor.pk, "referral_partner": partner.pk, "note": "To APT."},
        {"status": "answered", "assignee": editor.pk, "referral_partner": partner.pk, "note": "Done."},
    ]:
        response = editor_client.post(edit, step)
        assert response.status_code == 302, response.content.decode()[:2000]

    query.refresh_from_db()
    assert (query.status, query.assignee, query.referral_partner) == ("answered", editor, partner)
    assert list(query.notes.values_list("text", "author__username")) == [
        ("Done.", "editor"), ("To APT.", "editor"), ("Taking it.", "editor")
    ]
    history = list(query.changes.values_list("status", "changed_by__username"))
    assert history == [("new", None), ("in_progress", "editor"), ("referred", "editor"), ("answered", "editor")]
    assert query.status_changed_at == query.changes.last().changed_at
    screen = editor_client.get(edit).content.decode()
    assert "Association for the Prevention of Torture" in screen and "Referred to a partner" in screen


@pytest.mark.django_db
def test_nobody_creates_a_query_in_the_admin(client, query):
    client.force_login(make_user("root", is_superuser=True, is_staff=True))

    assert client.get(reverse("advice_queries:index")).status_code == 200
    assert client.get(reverse("advice_queries:add")).status_code in {302, 403}


@pytest.mark.django_db
def test_the_csv_export_holds_every_query_field(editor_client, query):
    response = editor_client.get(reverse("advice_queries:index") + "?export=csv")

    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="advice-queries')
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    assert len(rows) == 1
    row = rows[0]
    assert row["Reference number"] == query.reference
    assert row["Name"] == "Amina Haddad"
    assert row["Email"] == "amina@example.org"
    assert row["Question"] == "A confidential question"
    assert row["Country"] == "Morocco"
    assert row["Status"] == "New"
