"""A 404 outside the language-prefixed site stays a 404; public paths still gain their prefix."""

import pytest


@pytest.mark.django_db
def test_an_admin_api_404_is_not_redirected_to_a_language_prefix(editor_client):
    response = editor_client.get("/admin/api/main/pages/999999/")

    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")


@pytest.mark.django_db
def test_a_missing_document_is_a_plain_404(client):
    assert client.get("/documents/999999/nothing.pdf").status_code == 404


@pytest.mark.django_db
def test_a_public_path_without_prefix_still_gets_the_visitors_language(client):
    response = client.get("/about/", HTTP_ACCEPT_LANGUAGE="fr")

    assert response.status_code == 302
    assert response["Location"] == "/fr/about/"
