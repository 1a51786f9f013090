"""The admin dashboard lists open advice queries nobody is assigned to, for those who may read them only."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.test import Client
from django.urls import reverse

from advice.models import AdviceQuery
from pages.roles import HELP_DESK
from tests.advice_support import advice_hub_url, advice_settings, valid_submission  # noqa: F401
from tests.conftest import make_user


@pytest.fixture
def queries(db):
    for name in ("Waiting One", "Waiting Two", "Taken", "Closed"):
        Client().post(advice_hub_url(), valid_submission(name=name, country="CL"))
    queries = {query.name: query for query in AdviceQuery.objects.all()}
    return queries


@pytest.mark.django_db
def test_help_desk_and_secretariat_see_unassigned_open_queries_with_links(client, editor, queries):
    AdviceQuery.objects.filter(name="Taken").update(assignee=editor, status="in_progress")
    AdviceQuery.objects.filter(name="Closed").update(status="closed")

    for user in (make_user("help-desk", HELP_DESK), editor):
        client.force_login(user)
        html = client.get(reverse("wagtailadmin_home")).content.decode()
        panel = html.split('id="advice-unassigned-queries-section"', 1)[1].split("</section>", 1)[0]

        assert "2 open queries have nobody assigned." in panel
        for name in ("Waiting One", "Waiting Two"):
            query = queries[name]
            assert f'<a href="{reverse("advice_queries:edit", args=[query.pk])}">{query.reference}</a>' in panel
        for name in ("Taken", "Closed"):
            assert queries[name].reference not in panel
        assert "Chile" in panel


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["translator-es", "translator-ar", "page-editor"])
def test_others_see_no_sign_of_a_query(client, translator_for, queries, who):
    if who == "page-editor":
        group, _created = Group.objects.get_or_create(name="Page editors (test)")
        group.permissions.add(Permission.objects.get(codename="access_admin"))
        user = make_user("page-editor", group.name)
    else:
        user = translator_for(who.split("-")[1])
    client.force_login(user)

    html = client.get(reverse("wagtailadmin_home")).content.decode()

    assert "advice-unassigned-queries" not in html
    assert not any(query.reference in html for query in queries.values())
