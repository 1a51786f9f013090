"""Wagtail's open-redirect advisories: no `next=` (or path, or cookie) sends anyone to another site.

tests/test_language_switcher.py covers the switcher's `next=`; this file covers the admin's sign-in,
sign-out and two-factor steps, the admin actions that honour `next=`, the redirects Django and the
language prefix add to odd paths, and the home page's language redirect.
"""

import pytest
from django.utils.http import url_has_allowed_host_and_scheme

from tests.translation_helpers import page_in, translation_of

FOREIGN_TARGETS = [
    "https://evil.example/",
    "//evil.example/",
    "///evil.example/",
    "/\\evil.example/",
    "\\\\evil.example",
    "https:/evil.example",
    "https:evil.example",
    "http://testserver@evil.example/",
    "javascript:alert(1)",
    " //evil.example",
    "/%2F%2Fevil.example",
    "/\t/evil.example",
]
PASSWORD = "correct-horse-battery"


def assert_stays_on_site(response):
    if response.status_code in (301, 302, 303, 307, 308):
        location = response["Location"]
        assert url_has_allowed_host_and_scheme(location, allowed_hosts={"testserver"}), location
        assert not location.lstrip().startswith(("//", "\\", "/\\")), location


@pytest.mark.django_db
@pytest.mark.parametrize("target", FOREIGN_TARGETS)
def test_the_admin_sign_in_never_sends_staff_off_site(client, editor, target):
    response = client.post("/admin/login/", {"username": "editor", "password": PASSWORD, "next": target})

    assert response.status_code == 302
    assert_stays_on_site(response)
    if not target.startswith("/%2F"):  # that one is a path on this site, and may be kept
        assert response["Location"] == "/admin/"
    assert_stays_on_site(client.get("/admin/login/", {"next": target}))


@pytest.mark.django_db
@pytest.mark.parametrize("target", FOREIGN_TARGETS)
def test_signing_out_and_the_two_factor_step_never_send_staff_off_site(client, editor, target):
    client.force_login(editor)
    assert_stays_on_site(client.get("/admin/two-factor/verify/", {"next": target}))
    assert_stays_on_site(client.post(f"/admin/logout/?next={target}"))


@pytest.mark.django_db
@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example/", "/\\evil.example/"])
def test_admin_actions_that_honour_next_stay_on_site(client, editor, translator_for, target):
    client.force_login(editor)
    spanish_history = page_in("history", "es")
    assert_stays_on_site(client.post(f"/admin/pages/{spanish_history.pk}/unpublish/", {"next": target}))
    assert_stays_on_site(client.post(f"/admin/pages/{spanish_history.pk}/lock/", {"next": target}))
    assert_stays_on_site(client.post(f"/admin/pages/{spanish_history.pk}/unlock/", {"next": target}))

    client.force_login(translator_for("pt"))
    upload = client.post(f"/admin/localize/translate/{translation_of('history', 'pt').pk}/pofile/upload/", {"next": target})
    assert upload.status_code == 302
    assert_stays_on_site(upload)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path", ["//evil.example", "//evil.example/", "/\\evil.example/", "/%2F%2Fevil.example/", "/%5Cevil.example/", "/en//evil.example"]
)
def test_odd_paths_are_never_redirected_off_site(client, path):
    response = client.get(path)

    assert response.status_code in (301, 302, 404)
    assert_stays_on_site(response)


@pytest.mark.django_db
@pytest.mark.parametrize("cookie", ["//evil.example", "https://evil.example", "/\\evil.example", "es/../..//evil.example"])
def test_the_home_redirect_ignores_a_forged_language_cookie(client, cookie):
    client.cookies["cti_language"] = cookie

    response = client.get("/", HTTP_ACCEPT_LANGUAGE="//evil.example, fr;q=0.5")

    assert response.status_code == 302
    assert_stays_on_site(response)
    assert response["Location"] in ("/en/", "/fr/", "/ar/", "/es/", "/pt/")
