"""Behind nginx every request comes from 127.0.0.1: the advice form's limit and the sign-in lock-out
count per visitor only through the one header the proxy sets (operations/client_address.py)."""

import pytest
from django.conf import settings as django_settings

from advice.models import AdviceQuery
from tests.advice_support import advice_hub_url, advice_settings, valid_submission  # noqa: F401
from tests.conftest import make_user

PROXY = "127.0.0.1"
ATTACKER = "203.0.113.66"
VISITOR = "198.51.100.20"
PASSWORD = "correct-horse-battery"


@pytest.fixture
def behind_nginx(settings):
    """The production setting with deploy/nginx.conf: X-Real-IP, set from $remote_addr."""
    settings.CLIENT_ADDRESS_HEADER = "X-Real-IP"
    settings.ADVICE_RATE_LIMIT = 10
    return settings


def junk_post(client, **headers):
    return client.post(advice_hub_url(), {"name": "x" * 5000, "email": "not-an-address"}, REMOTE_ADDR=PROXY, **headers)


def sign_in(client, username, password, **headers):
    return client.post(
        "/admin/login/", {"username": username, "password": password, "next": "/admin/"}, REMOTE_ADDR=PROXY, **headers
    )


@pytest.mark.django_db
def test_ten_junk_posts_from_one_address_do_not_close_the_help_desk_to_another(client, behind_nginx):
    statuses = [junk_post(client, HTTP_X_REAL_IP=ATTACKER).status_code for _attempt in range(10)]
    assert 429 not in statuses

    response = client.post(advice_hub_url(), valid_submission(), REMOTE_ADDR=PROXY, HTTP_X_REAL_IP=VISITOR)

    assert response.status_code == 302
    assert AdviceQuery.objects.filter(email="amina@example.org").count() == 1
    assert junk_post(client, HTTP_X_REAL_IP=ATTACKER).status_code == 429


@pytest.mark.django_db
def test_a_forged_x_forwarded_for_does_not_let_an_attacker_choose_their_address(client, behind_nginx):
    """With X-Real-IP trusted, X-Forwarded-For is never read, whatever the client puts first in it."""
    statuses = [
        junk_post(client, HTTP_X_REAL_IP=ATTACKER, HTTP_X_FORWARDED_FOR=f"192.0.2.{number}, {ATTACKER}").status_code
        for number in range(11)
    ]

    assert statuses[-1] == 429


@pytest.mark.django_db
def test_behind_a_proxy_appending_to_x_forwarded_for_only_its_right_most_entry_counts(client, behind_nginx):
    behind_nginx.CLIENT_ADDRESS_HEADER = "X-Forwarded-For"

    statuses = [
        junk_post(client, HTTP_X_FORWARDED_FOR=f"192.0.2.{number}, 10.0.0.{number}, {ATTACKER}").status_code
        for number in range(11)
    ]
    visitor = client.post(advice_hub_url(), valid_submission(), REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=VISITOR)

    assert statuses[-1] == 429
    assert visitor.status_code == 302


@pytest.mark.django_db
def test_a_header_that_is_not_an_address_falls_back_to_the_connection(client, behind_nginx):
    for _attempt in range(10):
        junk_post(client, HTTP_X_REAL_IP="<script>")

    assert junk_post(client, HTTP_X_REAL_IP="unknown").status_code == 429
    assert junk_post(client, HTTP_X_REAL_IP=ATTACKER).status_code != 429


@pytest.mark.django_db
def test_without_a_proxy_the_connection_counts_and_headers_are_ignored(client, settings):
    settings.CLIENT_ADDRESS_HEADER = None
    settings.ADVICE_RATE_LIMIT = 10
    statuses = [
        client.post(advice_hub_url(), {"name": "x"}, REMOTE_ADDR=ATTACKER, HTTP_X_REAL_IP=f"192.0.2.{number}").status_code
        for number in range(11)
    ]

    assert statuses[-1] == 429
    assert client.post(advice_hub_url(), valid_submission(), REMOTE_ADDR=VISITOR).status_code == 302


@pytest.mark.django_db
def test_wrong_passwords_from_one_address_do_not_lock_the_user_out_from_another(client, behind_nginx):
    member = make_user("secretariat-member", "Secretariat editors")
    for _attempt in range(django_settings.AXES_FAILURE_LIMIT):
        sign_in(client, member.username, "a-wrong-guess-of-the-password", HTTP_X_REAL_IP=ATTACKER)
    assert sign_in(client, member.username, PASSWORD, HTTP_X_REAL_IP=ATTACKER).status_code == 429

    response = sign_in(client, member.username, PASSWORD, HTTP_X_REAL_IP=VISITOR)

    assert response.status_code == 302
    assert response["Location"] == "/admin/"


@pytest.mark.django_db
def test_the_sign_in_lock_out_ignores_a_forged_x_forwarded_for(client, behind_nginx):
    member = make_user("secretariat-member", "Secretariat editors")
    for number in range(django_settings.AXES_FAILURE_LIMIT):
        sign_in(client, member.username, "a-wrong-guess", HTTP_X_REAL_IP=ATTACKER, HTTP_X_FORWARDED_FOR=f"192.0.2.{number}")

    assert sign_in(client, member.username, PASSWORD, HTTP_X_REAL_IP=ATTACKER).status_code == 429


@pytest.mark.django_db
def test_a_client_reaching_gunicorn_directly_cannot_choose_its_address(client, behind_nginx):
    """Only the proxy's header is believed: a peer that is not a trusted proxy is its own address."""
    statuses = [
        client.post(
            advice_hub_url(), {"name": "x", "email": "no"}, REMOTE_ADDR=ATTACKER, HTTP_X_REAL_IP=f"192.0.2.{number}"
        ).status_code
        for number in range(11)
    ]

    assert statuses[-1] == 429


@pytest.mark.django_db
def test_wrong_passwords_sent_straight_to_gunicorn_lock_out_the_sender_whatever_header_it_forges(client, behind_nginx):
    make_user("secretariat-member")
    for number in range(6):
        client.post(
            "/admin/login/",
            {"username": "secretariat-member", "password": "guess", "next": "/admin/"},
            REMOTE_ADDR=ATTACKER,
            HTTP_X_REAL_IP=f"192.0.2.{number}",
        )

    response = client.post(
        "/admin/login/",
        {"username": "secretariat-member", "password": PASSWORD, "next": "/admin/"},
        REMOTE_ADDR=ATTACKER,
        HTTP_X_REAL_IP="192.0.2.99",
    )

    assert response.status_code == 429
