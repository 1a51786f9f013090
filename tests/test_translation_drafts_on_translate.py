""""Translate this page" on a live English page makes drafts in the other languages: not served, not in
the sitemap, not in the hreflang links or the language switcher, until translated and approved."""

import re

import pytest
from django.urls import reverse
from wagtail.models import Locale, Page

from pages.models import StandardPage
from tests.translation_helpers import page_in, put_string, segment_for, translation_of

OTHER_LANGUAGES = ["ar", "es", "fr", "pt"]


@pytest.fixture
def new_page(editor):
    english = page_in("about", "en").add_child(
        instance=StandardPage(title="Reporting guide", slug="reporting-guide", introduction="How to report.")
    )
    english.save_revision(user=editor).publish()
    return english


def translations_of(page):
    return {code: Page.objects.get(translation_key=page.translation_key, locale__language_code=code) for code in OTHER_LANGUAGES}


def switcher_link(html, code):
    return re.search(rf'(?s)<a href="[^"]*" lang="{code}" hreflang="{code}".*?</a>', html).group(0)


def public_signals(client, page):
    """What an anonymous visitor learns of a page: its status, the sitemap, the English page's hreflang
    links and language switcher."""
    english_html = client.get(page_in("about", "en").url + "reporting-guide/").content.decode()
    code = page.locale.language_code
    return {
        "status": client.get(page.url).status_code,
        "in_sitemap": page.url in client.get("/sitemap.xml").content.decode(),
        "hreflang": f'<link rel="alternate" hreflang="{code}"' in english_html,
        "in_switcher": "not yet translated" not in switcher_link(english_html, code),
    }


@pytest.mark.django_db
def test_new_translations_are_drafts_until_translated_and_approved(
    client, editor, translator_for, new_page, django_capture_on_commit_callbacks
):
    client.force_login(editor)
    locales = Locale.objects.filter(language_code__in=OTHER_LANGUAGES).values_list("pk", flat=True)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/admin/localize/submit/page/{new_page.pk}/", {"locales": list(locales)})
    assert response.status_code == 302
    client.logout()

    for code, page in translations_of(new_page).items():
        assert not page.live, f"the {code} copy is live"
        assert public_signals(client, page) == {"status": 404, "in_sitemap": False, "hreflang": False, "in_switcher": False}

    translation = translation_of("reporting-guide", "es")
    client.force_login(translator_for("es"))
    put_string(client, translation, segment_for(translation, "Reporting guide"), "Guía para informar")
    put_string(client, translation, segment_for(translation, "How to report."), "Cómo informar.")
    client.post(reverse("submit_translation_for_moderation", args=[translation.pk]))
    spanish = translations_of(new_page)["es"]
    assert not Page.objects.get(pk=spanish.pk).live, "submitting is not approving"
    client.force_login(editor)
    task_state = spanish.specific.current_workflow_state.current_task_state
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/admin/pages/workflow/action/{spanish.pk}/approve/{task_state.pk}/", {"comment": ""})
    client.logout()

    spanish = Page.objects.get(pk=spanish.pk)
    assert spanish.live
    assert public_signals(client, spanish) == {"status": 200, "in_sitemap": True, "hreflang": True, "in_switcher": True}
    assert "Guía para informar" in client.get(spanish.url).content.decode()
    for code in ["ar", "fr", "pt"]:
        assert public_signals(client, translations_of(new_page)[code])["status"] == 404


def test_the_setting_is_set(settings):
    assert settings.WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE is False
