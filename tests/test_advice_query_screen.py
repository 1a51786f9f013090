"""One screen per query: the notification email's link and the list both open it, and it shows the
question, the sender and the actions; notes are appended entries with author and Geneva time."""

import re
from datetime import datetime, timezone
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from wagtail.users.models import UserProfile

from advice.models import AdviceQuery
from pages.roles import HELP_DESK
from tests.advice_support import advice_hub_url, advice_settings, valid_submission  # noqa: F401
from tests.conftest import make_user

QUESTION = "How should our initial report to the Committee be structured?"


@pytest.fixture
def query(db):
    Client().post(advice_hub_url("fr"), valid_submission(preferred_language="fr", country="SN"))
    query = AdviceQuery.objects.get()
    # 16:21 UTC on 1 December is 17:21 in Geneva (winter time).
    AdviceQuery.objects.filter(pk=query.pk).update(created_at=datetime(2026, 12, 1, 16, 21, tzinfo=timezone.utc))
    query.refresh_from_db()
    return query


def screen_url(query):
    return reverse("advice_queries:edit", args=[query.pk])


def assert_is_the_query_screen(html, query):
    for shown in [query.reference, QUESTION, "Amina Haddad", "Legal Adviser", "Ministry of Justice", "Senegal",
                  "amina@example.org", "+212 5 37 00 00 00", "Français", "Reporting to the Committee against Torture"]:
        assert shown in html, shown
    for action in ['name="assignee"', 'name="status"', 'name="note"', 'name="referral_partner"']:
        assert action in html, action


@pytest.mark.django_db
def test_the_notification_emails_link_opens_the_query_screen(client, editor, query):
    notification = next(message for message in mail.outbox if message.to == ["secretariat@example.org"])
    link = re.search(r"http://testserver(/admin/\S+)", notification.body).group(1)

    client.force_login(editor)
    response = client.get(link)

    assert response.status_code == 200
    assert urlsplit(link).path == screen_url(query)
    assert_is_the_query_screen(response.content.decode(), query)


@pytest.mark.django_db
def test_the_list_links_each_query_to_the_same_screen(editor_client, query):
    listing = editor_client.get(reverse("advice_queries:index")).content.decode()

    assert f'href="{screen_url(query)}"' in listing
    assert "/inspect/" not in listing and "/history/" not in listing
    assert_is_the_query_screen(editor_client.get(screen_url(query)).content.decode(), query)


@pytest.mark.django_db
def test_notes_are_appended_with_author_and_geneva_time_newest_first(client, editor, query):
    editor.first_name, editor.last_name = "Claire", "Martin"
    editor.save()
    client.force_login(editor)
    form = {"status": "in_progress", "assignee": editor.pk, "referral_partner": ""}

    first = client.post(screen_url(query), {**form, "note": "Called the ministry."})
    second = client.post(screen_url(query), {**form, "note": "Waiting for their draft."})

    assert first.status_code == second.status_code == 302
    assert first["Location"] == screen_url(query)
    notes = list(query.notes.all())
    assert [note.text for note in notes] == ["Waiting for their draft.", "Called the ministry."]
    html = client.get(screen_url(query)).content.decode()
    assert html.index("Waiting for their draft.") < html.index("Called the ministry.")
    assert html.count("Claire Martin</strong>") == 2
    for note in notes:
        geneva = note.created_at.astimezone(ZoneInfo("Europe/Zurich"))
        assert f"<time>{geneva:%Y-%m-%d %H:%M}</time>" in html


@pytest.mark.django_db
def test_a_note_cannot_be_overwritten_or_emptied(editor_client, editor, query):
    form = {"status": "new", "assignee": "", "referral_partner": ""}
    editor_client.post(screen_url(query), {**form, "note": "First impression."})

    editor_client.post(screen_url(query), {**form, "note": "", "notes": "overwritten", "internal_notes": "overwritten"})

    assert list(query.notes.values_list("text", flat=True)) == ["First impression."]
    assert 'name="internal_notes"' not in editor_client.get(screen_url(query)).content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("own_time_zone", ["", "America/New_York", "Asia/Tokyo"])
def test_every_time_on_the_screen_and_list_is_geneva_time_in_one_format(client, editor, query, own_time_zone):
    profile = UserProfile.get_for_user(editor)
    profile.current_time_zone = own_time_zone
    profile.save()
    client.force_login(editor)
    client.post(screen_url(query), {"status": "in_progress", "assignee": editor.pk, "referral_partner": "",
                                    "note": "Noted."})
    AdviceQuery.objects.filter(pk=query.pk).update(consent_given_at=datetime(2026, 7, 1, 8, 5, tzinfo=timezone.utc))
    query.changes.update(changed_at=datetime(2026, 12, 2, 9, 0, tzinfo=timezone.utc))
    query.notes.update(created_at=datetime(2026, 12, 2, 9, 30, tzinfo=timezone.utc))

    screen = client.get(screen_url(query)).content.decode()
    listing = client.get(reverse("advice_queries:index")).content.decode()
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()

    assert "2026-12-01 17:21" in screen and "2026-12-01 17:21" in listing
    assert "2026-07-01 10:05" in screen  # summer time
    assert "2026-12-02 10:00" in screen and "2026-12-02 10:30" in screen
    for page in (screen, listing):
        assert not re.search(r"\b[ap]\.m\.|\bDec\. \d|\bUTC\b|\+00:00", page)
    assert "Geneva time" in screen and "Geneva time" in listing
    assert query.reference not in dashboard  # assigned: no longer waiting


@pytest.mark.django_db
def test_the_screen_refuses_an_assignee_who_may_not_handle_queries(editor_client, query, translator_for):
    translator = translator_for("es")

    response = editor_client.post(screen_url(query), {"status": "new", "assignee": translator.pk, "referral_partner": ""})

    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    query.refresh_from_db()
    assert query.assignee is None


@pytest.mark.django_db
@pytest.mark.parametrize("own_time_zone", ["", "Asia/Tokyo", "America/Los_Angeles"])
def test_the_list_filters_by_the_day_received_in_geneva(editor_client, editor, query, own_time_zone):
    profile = UserProfile.get_for_user(editor)
    profile.current_time_zone = own_time_zone
    profile.save()
    index = reverse("advice_queries:index")
    # Received at 17:21 in Geneva on 1 December (16:21 UTC); 23:30 UTC on 30 November is 1 December in Geneva.
    AdviceQuery.objects.filter(pk=query.pk).update(created_at=datetime(2026, 11, 30, 23, 30, tzinfo=timezone.utc))

    listing = editor_client.get(index).content.decode()
    assert 'type="date"' in listing and "initDateChooser" not in listing
    on_the_day = editor_client.get(f"{index}?created_at_from=2026-12-01&created_at_to=2026-12-01")
    the_day_before = editor_client.get(f"{index}?created_at_from=2026-11-30&created_at_to=2026-11-30")
    assert query.reference in on_the_day.content.decode()
    assert query.reference not in the_day_before.content.decode()


@pytest.mark.django_db
def test_a_query_whose_assignee_left_the_help_desk_can_still_be_handled(editor_client, editor, query):
    former = make_user("former-help-desk", HELP_DESK)
    editor_client.post(screen_url(query), {"status": "in_progress", "assignee": former.pk, "referral_partner": ""})
    former.groups.clear()

    response = editor_client.post(screen_url(query), {"status": "answered", "assignee": former.pk,
                                                      "referral_partner": "", "note": "Answered."})

    assert response.status_code == 302
    query.refresh_from_db()
    assert (query.status, query.assignee) == ("answered", former)
