"""The emails a query triggers: acknowledgement, notification and assignment.

Visitor text never goes into a header (only the validated address), and no email to staff holds the
question or the sender's details: only the reference and a link to the query's screen in the admin.
"""

import logging

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.text import capfirst
from wagtail.admin.utils import get_user_display_name
from wagtail.users.models import UserProfile

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


def query_admin_url(query):
    """The query's one screen in the admin, at the site's public address."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("advice_queries:edit", args=[query.pk])


def send_secretariat_notification(query):
    with translation.override(settings.LANGUAGE_CODE):
        context = {"query": query, "admin_url": query_admin_url(query)}
        subject = render_to_string("advice/email/notification_subject.txt", context)
        body = render_to_string("advice/email/notification.txt", context)
    EmailMessage(" ".join(subject.split()), body, settings.DEFAULT_FROM_EMAIL, [settings.SECRETARIAT_EMAIL]).send()


def send_assignment_notice(query, assignee, assigned_by):
    """Tell a staff member, in their admin language, that a query is theirs to answer."""
    if not assignee.email:
        raise ValueError(f"user {assignee.pk} has no email address")
    language = UserProfile.get_for_user(assignee).get_preferred_language()
    with translation.override(language):
        context = {
            "query": query,
            "admin_url": query_admin_url(query),
            "assigned_by": get_user_display_name(assigned_by),
            "details": [
                (capfirst(query._meta.get_field("reference").verbose_name), query.reference),
                (capfirst(query._meta.get_field("topic").verbose_name), query.get_topic_display()),
                (
                    capfirst(query._meta.get_field("preferred_language").verbose_name),
                    query.get_preferred_language_display(),
                ),
            ],
        }
        subject = render_to_string("advice/email/assignment_subject.txt", context)
        body = render_to_string("advice/email/assignment.txt", context)
    EmailMessage(" ".join(subject.split()), body, settings.DEFAULT_FROM_EMAIL, [assignee.email]).send()


def send_query_emails(query):
    """Send both emails; a mail failure is logged and never loses the query, which is already stored."""
    for send in (send_acknowledgement, send_secretariat_notification):
        try:
            send(query)
        except Exception:
            logger.exception("Advice query %s: could not send %s", query.reference, send.__name__)
