"""The moderation emails name the page and its language, and every link starts with WAGTAILADMIN_BASE_URL."""

import importlib
import re
import sys

import pytest
from django.core import mail
from django.core.exceptions import ImproperlyConfigured
from django.test import Client
from django.urls import reverse
from wagtail.users.models import UserProfile

from tests.test_translation_sync import ENGLISH, change_english_about_page, sync_url
from tests.translation_helpers import page_in, put_string, segment_for, translation_of

BASE_URL = "https://cti.example.org"
SPANISH = "La CTI ayuda a los Estados a ratificar y aplicar la Convención contra la Tortura, paso a paso."
LINK = re.compile(r"https?://[^\s\"<>]+")


def submit_spanish_about_page(editor, translator):
    change_english_about_page(editor)
    client = Client()
    client.force_login(translator)
    client.post(sync_url("es"))
    translation = translation_of("about", "es")
    put_string(client, translation, segment_for(translation, ENGLISH), SPANISH)
    mail.outbox.clear()
    response = client.post(reverse("submit_translation_for_moderation", args=[translation.pk]))
    assert response.status_code == 302


def emails_to(address):
    return [message for message in mail.outbox if address in message.to]


@pytest.mark.django_db
def test_the_secretariat_is_told_which_page_in_which_language_awaits_approval(editor, translator_for, settings):
    settings.WAGTAILADMIN_BASE_URL = BASE_URL
    submit_spanish_about_page(editor, translator_for("es"))

    [message] = emails_to(editor.email)
    spanish = page_in("about", "es")

    assert message.subject == f"To approve: “{spanish.title}” in Spanish"
    assert f"The page “{spanish.title}” in Spanish is waiting for your approval." in message.body
    links = LINK.findall(message.body)
    assert f"{BASE_URL}/admin/translations/review/{spanish.pk}/" in links
    assert links and all(link.startswith(BASE_URL + "/") for link in links)
    assert "127.0.0.1" not in message.body


@pytest.mark.django_db
def test_the_email_follows_the_recipients_admin_language(editor, translator_for, settings):
    settings.WAGTAILADMIN_BASE_URL = BASE_URL
    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = "fr"
    profile.save()

    submit_spanish_about_page(editor, translator_for("es"))

    [message] = emails_to(editor.email)
    assert "espagnol" in message.subject.lower()


@pytest.mark.django_db
def test_the_translator_is_told_their_page_is_approved_with_its_public_address(editor, translator_for, settings):
    settings.WAGTAILADMIN_BASE_URL = BASE_URL
    translator = translator_for("es")
    submit_spanish_about_page(editor, translator)
    spanish = page_in("about", "es")
    mail.outbox.clear()

    reviewer = Client()
    reviewer.force_login(editor)
    reviewer.post(reverse("translation_review", args=[spanish.pk]), {"action": "approve", "comment": ""})

    [message] = emails_to(translator.email)
    assert message.subject == f"Approved and published: “{spanish.title}” in Spanish"
    assert f"{BASE_URL}/es/about/" in message.body
    assert all(link.startswith(BASE_URL + "/") for link in LINK.findall(message.body))


@pytest.mark.django_db
def test_the_translator_is_told_what_to_change(editor, translator_for, settings):
    settings.WAGTAILADMIN_BASE_URL = BASE_URL
    translator = translator_for("es")
    submit_spanish_about_page(editor, translator)
    spanish = page_in("about", "es")
    mail.outbox.clear()

    reviewer = Client()
    reviewer.force_login(editor)
    reviewer.post(
        reverse("translation_review", args=[spanish.pk]), {"action": "reject", "comment": "Use «Convención»."}
    )

    [message] = emails_to(translator.email)
    assert message.subject == f"Changes requested: “{spanish.title}” in Spanish"
    assert "Use «Convención»." in message.body
    assert f"{BASE_URL}/admin/pages/{spanish.pk}/edit/" in message.body


def test_production_refuses_to_start_without_wagtailadmin_base_url(monkeypatch):
    monkeypatch.setenv("SECRET_KEY", "x" * 64)
    monkeypatch.setenv("ALLOWED_HOSTS", "127.0.0.1")
    monkeypatch.setenv("CLIENT_ADDRESS_HEADER", "none")
    monkeypatch.delenv("WAGTAILADMIN_BASE_URL", raising=False)
    sys.modules.pop("cti_site.settings.production", None)
    with pytest.raises(ImproperlyConfigured, match="WAGTAILADMIN_BASE_URL"):
        importlib.import_module("cti_site.settings.production")
    sys.modules.pop("cti_site.settings.production", None)
