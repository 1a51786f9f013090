"""Two-factor authentication for staff: a code from an authenticator app after the password."""

import re
from datetime import timedelta
from html import unescape

import pytest
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.conftest import make_user
from tests.test_staff_login_lockout import production_settings

PASSWORD = "correct-horse-battery"


def code(device, offset=0):
    device.refresh_from_db()
    value = totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits, drift=device.drift + offset)
    return f"{value:0{device.digits}d}"


def wrong_code(device):
    right = code(device)
    return "000000" if right != "000000" else "111111"


def sign_in(client, username):
    response = client.post("/admin/login/", {"username": username, "password": PASSWORD, "next": "/admin/"})
    assert response.status_code == 302 and response["Location"] == "/admin/"
    return response


@pytest.fixture
def required(settings):
    settings.STAFF_TWO_FACTOR_REQUIRED = True


@pytest.fixture
def staff(db):
    return make_user("two-factor-staff", "Secretariat editors")


@pytest.fixture
def device(staff):
    return TOTPDevice.objects.create(user=staff, name="Phone", confirmed=True)


def test_production_requires_it_and_development_does_not():
    from django.conf import settings

    assert settings.STAFF_TWO_FACTOR_REQUIRED is False
    assert production_settings()["STAFF_TWO_FACTOR_REQUIRED"] is True


@pytest.mark.django_db
def test_without_the_requirement_a_password_is_enough_for_staff_without_an_app(client, staff):
    sign_in(client, staff.username)

    response = client.get("/admin/")

    assert response.status_code == 200
    assert "Two-factor authentication" in client.get("/admin/account/").content.decode()


@pytest.mark.django_db
def test_a_staff_member_without_an_app_is_sent_to_set_one_up(client, staff, required):
    sign_in(client, staff.username)

    for url in ("/admin/", "/admin/pages/", "/admin/documents/", "/en/about/"):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith("/admin/two-factor/setup/?next="), url

    setup = client.get("/admin/two-factor/setup/?next=/admin/pages/")
    assert setup.status_code == 200
    html = setup.content.decode()
    assert "Staff accounts of this site sign in with a password and a code" in html
    assert "no-store" in setup["Cache-Control"]
    # The QR code is a data: image, which the admin's Content-Security-Policy allows.
    qr_code = re.search(r'<img class="two-factor-qr" src="([^"]+)"', html).group(1)
    assert unescape(qr_code).startswith("data:image/svg+xml")
    policy = setup["Content-Security-Policy"]
    assert re.search(r"img-src [^;]*data:", policy)


@pytest.mark.django_db
def test_setting_up_an_app_needs_the_password_and_a_current_code(client, staff, required):
    sign_in(client, staff.username)
    client.get("/admin/two-factor/setup/")
    device = TOTPDevice.objects.get(user=staff, confirmed=False)

    wrong_password = client.post("/admin/two-factor/setup/", {"password": "not-my-password", "otp_token": code(device)})
    assert wrong_password.status_code == 200
    assert "That is not your current password." in wrong_password.content.decode()
    assert client.get("/admin/")["Location"].startswith("/admin/two-factor/setup/")

    device.throttle_reset()
    response = client.post(
        "/admin/two-factor/setup/?next=/admin/pages/", {"password": PASSWORD, "otp_token": code(device, offset=1)}
    )

    assert response.status_code == 302
    assert response["Location"] == "/admin/pages/"
    device.refresh_from_db()
    assert device.confirmed
    assert client.get("/admin/").status_code == 200


@pytest.mark.django_db
def test_with_an_app_signing_in_asks_for_its_code(client, staff, device):
    sign_in(client, staff.username)

    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"] == "/admin/two-factor/verify/?next=/admin/"
    assert client.get("/admin/pages/")["Location"].startswith("/admin/two-factor/verify/")

    page = client.get(response["Location"])
    assert page.status_code == 200
    assert "Enter your code" in page.content.decode()

    answer = client.post("/admin/two-factor/verify/", {"otp_token": code(device), "next": "/admin/"})
    assert answer.status_code == 302
    assert answer["Location"] == "/admin/"
    dashboard = client.get("/admin/")
    assert dashboard.status_code == 200
    assert dashboard.context["request"].user.is_verified()


@pytest.mark.django_db
def test_a_wrong_code_is_refused_and_repeated_guesses_are_slowed_down(client, staff, device, required):
    sign_in(client, staff.username)

    refused = client.post("/admin/two-factor/verify/", {"otp_token": wrong_code(device), "next": "/admin/"})
    assert refused.status_code == 200
    assert "That code is not right." in refused.content.decode()
    assert client.get("/admin/")["Location"].startswith("/admin/two-factor/verify/")

    # Straight after a wrong code even the right one waits: guessing is throttled.
    too_soon = client.post("/admin/two-factor/verify/", {"otp_token": code(device), "next": "/admin/"})
    assert too_soon.status_code == 200
    assert "Verification temporarily disabled" in too_soon.content.decode()

    TOTPDevice.objects.filter(pk=device.pk).update(
        throttling_failure_timestamp=timezone.now() - timedelta(seconds=30)
    )
    accepted = client.post("/admin/two-factor/verify/", {"otp_token": code(device), "next": "/admin/"})
    assert accepted.status_code == 302
    assert client.get("/admin/").status_code == 200


@pytest.mark.django_db
def test_the_code_page_never_sends_anyone_off_site(client, staff, device):
    sign_in(client, staff.username)

    response = client.post("/admin/two-factor/verify/", {"otp_token": code(device), "next": "https://evil.example/"})

    assert response.status_code == 302
    assert response["Location"] == "/admin/"


@pytest.mark.django_db
def test_the_code_page_is_only_for_someone_who_gave_the_password(client):
    response = client.get("/admin/two-factor/verify/")

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


@pytest.mark.django_db
def test_when_required_the_app_cannot_be_turned_off(client, staff, device, required):
    sign_in(client, staff.username)
    client.post("/admin/two-factor/verify/", {"otp_token": code(device)})

    response = client.post("/admin/two-factor/", {"password": PASSWORD})

    assert response.status_code == 200
    assert "cannot be turned off" in response.content.decode()
    assert TOTPDevice.objects.filter(user=staff, confirmed=True).exists()


@pytest.mark.django_db
def test_when_optional_a_staff_member_turns_it_off_with_their_password(client, staff, device):
    sign_in(client, staff.username)
    client.post("/admin/two-factor/verify/", {"otp_token": code(device)})

    response = client.post("/admin/two-factor/", {"password": PASSWORD})

    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=staff).exists()


@pytest.mark.django_db
def test_an_administrator_resets_a_lost_phone(client, staff, device, required):
    from io import StringIO

    from django.core.management import call_command

    output = StringIO()
    call_command("reset_two_factor", staff.username, stdout=output)
    assert "Removed 1 authenticator app(s) of two-factor-staff." in output.getvalue()
    sign_in(client, staff.username)

    assert client.get("/admin/")["Location"].startswith("/admin/two-factor/setup/")


@pytest.mark.django_db
def test_visitors_and_non_staff_are_untouched(client, required):
    visitor = make_user("plain-user")
    client.force_login(visitor)

    assert client.get("/en/about/").status_code == 200
