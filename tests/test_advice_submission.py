import logging
import re
import socket

import pytest
from django.core import mail
from django.utils import translation
from django.utils.translation import gettext

from advice.models import AdviceQuery
from tests.advice_support import advice_hub_url, advice_settings, valid_submission  # noqa: F401


def reference_in(html):
    match = re.search(r"CTI-[A-Z0-9]{8}", html)
    return match.group(0) if match else None


@pytest.mark.django_db
@pytest.mark.parametrize("page_language, answer_language", [("en", "en"), ("ar", "ar"), ("es", "fr")])
def test_a_valid_query_is_stored_confirmed_and_acknowledged_in_the_chosen_language(
    client, page_language, answer_language
):
    response = client.post(advice_hub_url(page_language), valid_submission(preferred_language=answer_language))

    assert response.status_code == 302
    confirmation_url = response["Location"]
    assert confirmation_url == f"{advice_hub_url(page_language)}?sent=1"
    query = AdviceQuery.objects.get()
    assert (query.name, query.country.code, query.topic, query.preferred_language) == (
        "Amina Haddad", "MA", "reporting", answer_language,
    )
    assert query.status == AdviceQuery.Status.NEW
    assert list(query.changes.values_list("status", flat=True)) == ["new"]

    confirmation = client.get(confirmation_url)
    html = confirmation.content.decode()
    assert reference_in(html) == query.reference
    assert f'<html lang="{page_language}"' in html
    assert "Amina" not in html and "initial report" not in html

    acknowledgement, notification = mail.outbox
    assert acknowledgement.to == ["amina@example.org"]
    assert acknowledgement.extra_headers["Content-Language"] == answer_language
    assert query.reference in acknowledgement.subject and query.reference in acknowledgement.body
    with translation.override(answer_language):
        assert gettext("CTI Secretariat") in acknowledgement.body
        assert gettext(
            "Thank you for your query to the advice hub of the Convention against Torture Initiative (CTI)."
        ) in acknowledgement.body

    assert notification.to == ["secretariat@example.org"]
    assert f"http://testserver/admin/advice/queries/edit/{query.pk}/" in notification.body
    assert query.reference in notification.subject
    for confidential in ("Amina", "Haddad", "initial report", "amina@example.org", "Ministry of Justice"):
        assert confidential not in notification.body and confidential not in notification.subject


@pytest.mark.django_db
def test_the_confirmation_needs_the_session_that_sent_the_query(client):
    assert reference_in(client.get(f"{advice_hub_url()}?sent=1").content.decode()) is None


@pytest.mark.django_db
def test_the_page_is_never_stored_in_a_shared_cache(client):
    response = client.get(advice_hub_url("fr"))

    assert response.status_code == 200
    cache_control = response["Cache-Control"]
    assert "private" in cache_control and "no-store" in cache_control
    assert 'name="csrfmiddlewaretoken"' in response.content.decode()


@pytest.mark.django_db
def test_two_anonymous_visitors_never_share_a_csrf_token():
    from django.test import Client

    first, second = (Client().get(advice_hub_url("ar")) for _visitor in range(2))

    assert second.get("X-Cache") != "hit"
    token = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
    assert token.search(first.content.decode()).group(1) != token.search(second.content.decode()).group(1)


@pytest.mark.django_db
def test_the_form_is_protected_against_cross_site_requests():
    from django.test import Client

    response = Client(enforce_csrf_checks=True).post(advice_hub_url(), valid_submission())

    assert response.status_code == 403
    assert not AdviceQuery.objects.exists()


@pytest.mark.django_db
def test_html_in_the_question_is_stored_as_text(client):
    question = '<script>alert("x")</script><b>Bold?</b>'
    client.post(advice_hub_url(), valid_submission(question=question))

    assert AdviceQuery.objects.get().question == question


@pytest.mark.django_db
def test_html_in_a_rejected_question_is_shown_escaped(client):
    response = client.post(advice_hub_url(), valid_submission(question='<script>alert("x")</script>', email="bad"))

    html = response.content.decode()
    assert '<script>alert("x")</script>' not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html


def closed_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class RecordingHandler(logging.Handler):
    def __init__(self):
        super().__init__(level=logging.ERROR)
        self.records = []

    def emit(self, record):
        self.records.append(record)


@pytest.fixture
def mail_log():
    handler = RecordingHandler()
    logger = logging.getLogger("advice.emails")
    logger.addHandler(handler)
    yield handler.records
    logger.removeHandler(handler)


@pytest.mark.django_db
def test_a_failing_mail_server_loses_nothing(client, settings, mail_log):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = closed_port()
    settings.EMAIL_TIMEOUT = 2

    response = client.post(advice_hub_url("pt"), valid_submission(preferred_language="pt"), follow=True)

    query = AdviceQuery.objects.get()
    assert response.status_code == 200
    assert reference_in(response.content.decode()) == query.reference
    failures = mail_log
    assert len(failures) == 2
    assert all(record.exc_info for record in failures)
    assert all(query.reference in record.getMessage() for record in failures)
