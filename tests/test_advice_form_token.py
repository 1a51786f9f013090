"""The advice form's signed token expires, sends one query only, and the honeypot teaches a bot nothing."""

import time

import pytest
from django.core import mail
from django.utils import translation
from django.utils.html import escape
from django.utils.translation import gettext

from advice.forms import STARTED_TOKEN_MAX_AGE, started_token
from advice.models import AdviceQuery
from tests.advice_support import advice_hub_url, advice_settings, valid_submission  # noqa: F401


def token_shown_seconds_ago(monkeypatch, seconds):
    with monkeypatch.context() as patch:
        now = time.time()
        patch.setattr(time, "time", lambda: now - seconds)
        return started_token()


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "fr", "ar"])
def test_an_old_token_is_refused_in_the_visitors_language_and_nothing_typed_is_lost(client, monkeypatch, language):
    old_token = token_shown_seconds_ago(monkeypatch, STARTED_TOKEN_MAX_AGE + 60)

    response = client.post(advice_hub_url(language), valid_submission(started=old_token, name="Old Form"))

    html = response.content.decode()
    assert response.status_code == 400
    assert not AdviceQuery.objects.exists() and mail.outbox == []
    with translation.override(language):
        assert escape(gettext("The form had expired. Please check your answers and send it again.")) in html
    assert 'value="Old Form"' in html and "How should our initial report" in html
    assert old_token not in html


@pytest.mark.django_db
def test_a_token_a_few_hours_old_still_sends(client, monkeypatch):
    token = token_shown_seconds_ago(monkeypatch, STARTED_TOKEN_MAX_AGE - 600)

    assert client.post(advice_hub_url(), valid_submission(started=token)).status_code == 302
    assert AdviceQuery.objects.count() == 1


@pytest.mark.django_db
def test_one_token_sends_one_query_however_often_it_is_replayed(client):
    token = started_token()

    statuses = [client.post(advice_hub_url("es"), valid_submission(started=token)).status_code for _replay in range(3)]

    assert statuses == [302, 400, 400]
    assert AdviceQuery.objects.count() == 1
    refused = client.post(advice_hub_url("es"), valid_submission(started=token, name="Second Query")).content.decode()
    assert 'value="Second Query"' in refused
    with translation.override("es"):
        assert escape(gettext(
            "This form has already been sent, and we have received that query. To send another query, check your "
            "answers and send the form again."
        )) in refused
    fresh = client.post(advice_hub_url("es"), valid_submission(name="Second Query"))
    assert fresh.status_code == 302 and AdviceQuery.objects.count() == 2


@pytest.mark.django_db
def test_a_refused_form_comes_back_with_a_token_that_sends(client):
    token = started_token()
    client.post(advice_hub_url(), valid_submission(started=token))

    refused = client.post(advice_hub_url(), valid_submission(started=token)).content.decode()
    new_token = refused.split('name="started" value="', 1)[1].split('"', 1)[0]

    assert new_token != token
    assert client.post(advice_hub_url(), valid_submission(started=new_token)).status_code == 302


@pytest.mark.django_db
def test_the_honeypot_refusal_says_nothing_about_the_trap(client):
    response = client.post(advice_hub_url(), valid_submission(website="http://spam.example"))

    html = response.content.decode()
    assert response.status_code == 400
    assert not AdviceQuery.objects.exists()
    errors = html.split('id="form-errors"', 1)[1].split("</div>", 1)[0]
    assert "Your query could not be accepted. Please try again later." in errors
    for hint in ("empty", "last field", "website", "Leave this field", "id_website"):
        assert hint not in errors, hint
    assert 'aria-invalid="true"' not in html
