"""Helpers for the tests of the translators' workflow: pages by language, wagtail-localize calls."""

from urllib.parse import urlencode

from wagtail.models import Page
from wagtail_localize.models import StringSegment, Translation, TranslationSource


def page_in(slug, language_code):
    return Page.objects.get(slug=slug, depth__gte=3, locale__language_code=language_code).specific


def translation_of(slug, language_code):
    english = page_in(slug, "en")
    source = TranslationSource.objects.get(object_id=english.translation_key, locale=english.locale)
    return Translation.objects.get(source=source, target_locale__language_code=language_code)


def segment_for(translation, english_text):
    return StringSegment.objects.select_related("string").get(source=translation.source, string__data=english_text)


def put_string(client, translation, segment, value):
    return client.put(
        f"/admin/localize/translate/{translation.pk}/strings/{segment.pk}/edit/",
        data=urlencode({"value": value}),
        content_type="application/x-www-form-urlencoded",
    )


def assert_denied(response):
    """Wagtail's admin answers a forbidden action with 403, or a redirect to the dashboard."""
    assert response.status_code in (302, 403), response.status_code
    if response.status_code == 302:
        assert response["Location"] in ("/admin/", "/admin/login/") or response["Location"].startswith("/admin/login/")
