"""Staff sign-in is rate-limited: repeated wrong passwords lock that username out from that address."""

import json
import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.core.management import call_command

from tests.conftest import make_user

PASSWORD = "correct-horse-battery"


def sign_in(client, username, password, address="203.0.113.7"):
    return client.post(
        "/admin/login/", {"username": username, "password": password, "next": "/admin/"}, REMOTE_ADDR=address
    )


def fail(client, username, times, address="203.0.113.7"):
    return [sign_in(client, username, "wrong-password-guess", address) for _ in range(times)]


def production_settings():
    """A few settings as cti_site.settings.production computes them from a minimal environment."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cti_site.settings.production",
        "SECRET_KEY": "a-long-random-production-secret-" + "k3Y9-pQ7-zW2-" * 4,
        "ALLOWED_HOSTS": "cti.example.org",
        "WAGTAILADMIN_BASE_URL": "https://cti.example.org",
        "CLIENT_ADDRESS_HEADER": "X-Real-IP",
    }
    for variable in ("STAFF_TWO_FACTOR_REQUIRED", "LOGIN_FAILURE_LIMIT", "LOGIN_LOCKOUT_MINUTES"):
        env.pop(variable, None)
    code = (
        "import json; from django.conf import settings as s; print(json.dumps({n: getattr(s, n) for n in "
        "['SESSION_COOKIE_AGE', 'SESSION_EXPIRE_AT_BROWSER_CLOSE', 'SESSION_COOKIE_SECURE', 'SESSION_COOKIE_HTTPONLY', "
        "'STAFF_TWO_FACTOR_REQUIRED', 'AXES_FAILURE_LIMIT', 'AUTHENTICATION_BACKENDS', 'WAGTAIL_PRIVATE_PAGE_OPTIONS', "
        "'WAGTAILDOCS_PRIVATE_COLLECTION_OPTIONS']}))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], check=False, cwd=settings.BASE_DIR, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_production_sessions_expire_and_passwords_are_strong():
    production = production_settings()

    assert production["SESSION_COOKIE_AGE"] <= 8 * 60 * 60
    assert production["SESSION_EXPIRE_AT_BROWSER_CLOSE"] is True
    assert production["SESSION_COOKIE_SECURE"] and production["SESSION_COOKIE_HTTPONLY"]
    assert production["AXES_FAILURE_LIMIT"] == 5
    assert production["AUTHENTICATION_BACKENDS"][0] == "axes.backends.AxesStandaloneBackend"
    assert production["WAGTAIL_PRIVATE_PAGE_OPTIONS"] == {"SHARED_PASSWORD": False}
    assert production["WAGTAILDOCS_PRIVATE_COLLECTION_OPTIONS"] == {"SHARED_PASSWORD": False}


@pytest.mark.django_db
def test_short_common_numeric_or_name_like_passwords_are_refused(staff):
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError

    for weak in ("Short1!xyz", "password1234", "123456789012", "secretariat-staff"):
        with pytest.raises(ValidationError):
            validate_password(weak, user=staff)
    validate_password("a long and unusual passphrase for the Secretariat", user=staff)


@pytest.fixture
def staff(db):
    return make_user("secretariat-staff", "Secretariat editors")


@pytest.mark.django_db
def test_the_defaults_lock_five_failures_out_for_an_hour():
    assert settings.AXES_FAILURE_LIMIT == 5
    assert settings.AXES_COOLOFF_TIME.total_seconds() == 3600
    assert settings.AXES_LOCKOUT_PARAMETERS == [["username", "ip_address"]]


@pytest.mark.django_db
def test_wrong_passwords_below_the_limit_only_show_the_form_again(client, staff):
    for response in fail(client, staff.username, settings.AXES_FAILURE_LIMIT - 1):
        assert response.status_code == 200
        assert "Your username and password didn" in response.content.decode()

    assert sign_in(client, staff.username, PASSWORD)["Location"] == "/admin/"


@pytest.mark.django_db
def test_after_too_many_wrong_passwords_even_the_right_one_is_refused(client, staff):
    responses = fail(client, staff.username, settings.AXES_FAILURE_LIMIT + 1)

    locked = responses[-1]
    assert locked.status_code == 429
    html = locked.content.decode()
    assert "Too many failed sign-in attempts" in html
    assert "Please try again in 60 minutes." in html
    assert locked["Cache-Control"] == "private, no-store"

    response = sign_in(client, staff.username, PASSWORD)
    assert response.status_code == 429
    assert "Too many failed sign-in attempts" in response.content.decode()
    assert "_auth_user_id" not in client.session
    assert client.get("/admin/")["Location"].startswith("/admin/login/")


@pytest.mark.django_db
def test_other_users_and_other_addresses_are_not_affected(client, staff):
    colleague = make_user("colleague", "Secretariat editors")
    fail(client, staff.username, settings.AXES_FAILURE_LIMIT + 1)

    assert sign_in(client, colleague.username, PASSWORD).status_code == 302
    client.logout()
    assert sign_in(client, staff.username, PASSWORD, address="198.51.100.20").status_code == 302


@pytest.mark.django_db
def test_the_secretariat_lifts_a_lock_with_axes_reset_username(client, staff):
    fail(client, staff.username, settings.AXES_FAILURE_LIMIT + 1)
    assert sign_in(client, staff.username, PASSWORD).status_code == 429

    call_command("axes_reset_username", staff.username, verbosity=0)

    response = sign_in(client, staff.username, PASSWORD)
    assert response.status_code == 302
    assert response["Location"] == "/admin/"


@pytest.mark.django_db
def test_a_successful_sign_in_clears_earlier_failures(client, staff):
    fail(client, staff.username, settings.AXES_FAILURE_LIMIT - 1)
    assert sign_in(client, staff.username, PASSWORD).status_code == 302
    client.logout()

    fail(client, staff.username, settings.AXES_FAILURE_LIMIT - 1)
    assert sign_in(client, staff.username, PASSWORD).status_code == 302
