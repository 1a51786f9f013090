"""Pages and document collections are private only to logged-in staff or to groups, never behind a
shared password: the admin does not offer one and refuses one that is sent anyway."""

import json

import pytest
from django.test import Client
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from tests.conftest import make_user
from tests.translation_helpers import page_in


def modal_html(response):
    assert response.status_code == 200
    return json.loads(response.content)["html"]


@pytest.fixture
def superuser_client(client, db):
    client.force_login(make_user("root-admin", is_superuser=True, is_staff=True))
    return client


@pytest.mark.django_db
def test_the_page_privacy_form_offers_login_and_groups_but_no_shared_password(editor_client):
    page = page_in("history", "en")

    html = modal_html(editor_client.get(f"/admin/pages/{page.pk}/privacy/"))

    assert 'value="login"' in html and 'value="groups"' in html
    assert 'value="password"' not in html
    assert 'name="password"' not in html


@pytest.mark.django_db
def test_a_shared_password_sent_anyway_protects_nothing(editor_client):
    page = page_in("history", "en")

    response = editor_client.post(
        f"/admin/pages/{page.pk}/privacy/", {"restriction_type": "password", "password": "letmein123"}
    )

    assert response.status_code == 200
    assert not PageViewRestriction.objects.filter(page=page).exists()
    assert Client().get("/en/about/history/").status_code == 200


@pytest.mark.django_db
def test_login_restriction_still_works(editor_client):
    page = page_in("history", "en")

    response = editor_client.post(f"/admin/pages/{page.pk}/privacy/", {"restriction_type": "login"})

    assert response.status_code == 200
    assert PageViewRestriction.objects.get(page=page).restriction_type == PageViewRestriction.LOGIN
    anonymous = Client().get("/en/about/history/")
    assert anonymous.status_code == 302 and anonymous["Location"].startswith("/admin/login/")


@pytest.mark.django_db
def test_the_collection_privacy_form_has_no_shared_password_either(superuser_client):
    collection = Collection.get_first_root_node().add_child(name="Board papers")

    html = modal_html(superuser_client.get(f"/admin/collections/{collection.pk}/privacy/"))
    assert 'value="login"' in html and 'value="groups"' in html
    assert 'value="password"' not in html and 'name="password"' not in html

    superuser_client.post(
        f"/admin/collections/{collection.pk}/privacy/", {"restriction_type": "password", "password": "letmein123"}
    )
    assert not CollectionViewRestriction.objects.filter(collection=collection).exists()
