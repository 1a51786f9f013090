import pytest
from django.core import mail

from advice.models import AdviceQuery
from tests.advice_support import advice_hub_url, advice_settings, valid_submission  # noqa: F401


@pytest.mark.django_db
def test_a_filled_honeypot_is_refused(client):
    response = client.post(advice_hub_url(), valid_submission(website="http://spam.example"))

    assert response.status_code == 400
    assert not AdviceQuery.objects.exists()
    assert mail.outbox == []


@pytest.mark.django_db
def test_the_honeypot_is_hidden_from_people(client):
    html = client.get(advice_hub_url()).content.decode()

    assert '<div class="advice-form__trap" aria-hidden="true">' in html
    assert 'name="website"' in html and 'tabindex="-1"' in html


@pytest.mark.django_db
def test_a_form_sent_faster_than_a_person_can_is_refused_and_kept(client, settings):
    settings.ADVICE_MIN_FILL_SECONDS = 60

    response = client.post(advice_hub_url("fr"), valid_submission())

    html = response.content.decode()
    assert response.status_code == 400
    assert not AdviceQuery.objects.exists()
    assert 'value="Amina Haddad"' in html


@pytest.mark.django_db
def test_submissions_from_one_address_are_limited(client, settings):
    settings.ADVICE_RATE_LIMIT = 2

    statuses = [client.post(advice_hub_url(), valid_submission()).status_code for _attempt in range(3)]

    assert statuses == [302, 302, 429]
    assert AdviceQuery.objects.count() == 2
    refused = client.post(advice_hub_url(), valid_submission(name="Third Visitor"))
    assert 'value="Third Visitor"' in refused.content.decode()


@pytest.mark.django_db
def test_the_limit_is_per_address(client, settings):
    settings.ADVICE_RATE_LIMIT = 1

    first = client.post(advice_hub_url(), valid_submission(), REMOTE_ADDR="192.0.2.1")
    second = client.post(advice_hub_url(), valid_submission(), REMOTE_ADDR="192.0.2.2")
    again = client.post(advice_hub_url(), valid_submission(), REMOTE_ADDR="192.0.2.1")

    assert (first.status_code, second.status_code, again.status_code) == (302, 302, 429)


@pytest.mark.django_db
def test_no_visitor_text_reaches_an_email_header(client):
    client.post(advice_hub_url(), valid_submission(question="Subject: hijack\r\nBcc: victim@example.org"))

    for message in mail.outbox:
        headers = message.message().as_string().split("\n\n", 1)[0]
        assert "victim@example.org" not in headers and "hijack" not in headers
        assert message.bcc == []
