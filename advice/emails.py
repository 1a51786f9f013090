"""The two emails a query triggers. Visitor text never goes into a header: only the validated address."""

import logging

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

logger = logging.getLogger(__name__)


def send_acknowledgement(query):
    with translation.override(query.preferred_language):
        context = {"query": query}
        subject = render_to_string("advice/email/acknowledgement_subject.txt", context)
        body = render_to_string("advice/email/acknowledgement.txt", context)
    EmailMessage(
        " ".join(subject.split()), body, settings.DEFAULT_FROM_EMAIL, [query.email],
        headers={"Content-Language": query.preferred_language},
    ).send()


def send_secretariat_notification(query):
    admin_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("advice_queries:edit", args=[query.pk])
    with translation.override(settings.LANGUAGE_CODE):
        context = {"query": query, "admin_url": admin_url}
        subject = render_to_string("advice/email/notification_subject.txt", context)
        body = render_to_string("advice/email/notification.txt", context)
    EmailMessage(" ".join(subject.split()), body, settings.DEFAULT_FROM_EMAIL, [settings.SECRETARIAT_EMAIL]).send()


def send_query_emails(query):
    """Send both emails; a mail failure is logged and never loses the query, which is already stored."""
    for send in (send_acknowledgement, send_secretariat_notification):
        try:
            send(query)
        except Exception:
            logger.exception("Advice query %s: could not send %s", query.reference, send.__name__)
