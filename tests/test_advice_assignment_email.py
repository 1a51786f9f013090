"""Assigning a query emails the assignee, in their admin language, with a link to the query's screen."""

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import translation
from django.utils.text import capfirst
from django.utils.translation import gettext
from wagtail.users.models import UserProfile

from advice.models import AdviceQuery
from pages.roles import HELP_DESK
from tests.advice_support import advice_hub_url, advice_settings, valid_submission  # noqa: F401
from tests.conftest import make_user


@pytest.fixture
def query(db):
    Client().post(advice_hub_url(), valid_submission(question="A confidential question"))
    mail.outbox.clear()
    return AdviceQuery.objects.get()


@pytest.fixture
def help_desk(db):
    return make_user("help-desk", HELP_DESK, first_name="Hélène", last_name="Dupont")


def assign(client, query, assignee, **extra):
    return client.post(
        reverse("advice_queries:edit", args=[query.pk]),
        {"status": "in_progress", "assignee": assignee.pk, "referral_partner": "", **extra},
    )


@pytest.mark.django_db
def test_the_assignee_is_emailed_a_link_to_the_query_screen(client, settings, help_desk, editor, query):
    settings.WAGTAILADMIN_BASE_URL = "https://www.cti2024.org"
    client.force_login(help_desk)

    response = assign(client, query, editor)

    assert response.status_code == 302
    (message,) = mail.outbox
    assert message.to == ["editor@example.org"]
    assert query.reference in message.subject
    assert f"https://www.cti2024.org/admin/advice/queries/edit/{query.pk}/" in message.body
    assert "Hélène Dupont" in message.body
    for confidential in ("A confidential question", "Amina", "amina@example.org", "Ministry of Justice"):
        assert confidential not in message.body and confidential not in message.subject


@pytest.mark.django_db
def test_the_email_is_in_the_assignees_admin_language(client, help_desk, editor, query):
    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = "fr"
    profile.save()
    client.force_login(help_desk)

    assign(client, query, editor)

    (message,) = mail.outbox
    with translation.override("fr"):
        assert gettext("Read and answer it in the admin (login required):") in message.body
        assert gettext("Advice query %(reference)s assigned to you") % {"reference": query.reference} == message.subject
        assert f"{capfirst(gettext('reference number'))}: {query.reference}" in message.body


@pytest.mark.django_db
def test_no_email_when_nothing_about_the_assignee_changes_or_one_assigns_oneself(client, help_desk, editor, query):
    client.force_login(help_desk)

    assign(client, query, help_desk)
    assert mail.outbox == []

    assign(client, query, editor)
    assign(client, query, editor, status="answered", note="Answered by phone.")
    assert len(mail.outbox) == 1


@pytest.mark.django_db
def test_a_mail_failure_keeps_the_assignment_and_says_so(client, settings, help_desk, editor, query):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 9, 2
    client.force_login(help_desk)

    response = assign(client, query, editor)

    assert response.status_code == 302
    query.refresh_from_db()
    assert query.assignee == editor
    html = client.get(response["Location"]).content.decode()
    assert "the email to editor could not be sent" in html
