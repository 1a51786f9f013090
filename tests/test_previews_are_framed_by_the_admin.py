"""Wagtail shows a preview in a frame of the admin: the preview may be framed by the site itself, and
keeps the public policy's scripts (translated content never gets inline script), whatever
X_FRAME_OPTIONS says for everything else."""

import pytest

from .i18n import english_page


@pytest.fixture
def deny_framing(settings):
    settings.X_FRAME_OPTIONS = "DENY"


def test_the_draft_preview_may_be_framed_by_the_admin_only(editor_client, deny_framing):
    about = english_page("/en/about/")
    response = editor_client.get(f"/admin/pages/{about.pk}/view_draft/")

    assert response.status_code == 200
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    policy = response["Content-Security-Policy"]
    assert "frame-ancestors 'self'" in policy
    assert "'unsafe-inline'" not in policy.split("script-src", 1)[1].split(";", 1)[0]


def test_public_pages_and_the_admin_are_not_framed(client, editor_client, deny_framing):
    assert client.get("/en/about/")["X-Frame-Options"] == "DENY"
    assert "frame-ancestors 'none'" in client.get("/en/about/")["Content-Security-Policy"]
    assert editor_client.get("/admin/")["X-Frame-Options"] == "DENY"
