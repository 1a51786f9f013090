"""A translated string holding markup its field does not allow is refused with a message, through the
translation editor and through a PO upload; the audit's route (the editor's API, then "Sync translated
pages" with publish) no longer puts it on the public page."""

import polib
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail_localize.models import StringSegment, StringTranslation

from tests.translation_helpers import page_in, put_string, translation_of

REFRESH = '<meta http-equiv="refresh" content="1;url=https://evil.example/">'
# Python's parser sees one comment; a browser an empty comment, then a live <meta>.
AUDIT_PAYLOAD = f"Texto <!-->{REFRESH}-->"
MESSAGE = "This text contains markup that is not allowed."


def partner_text_segment(translation):
    """The About page's rich-text segment: partner_text allows links, bold and italic."""
    return (
        StringSegment.objects.select_related("string", "context")
        .filter(source=translation.source, context__field_path="partner_text")
        .order_by("order")
        .first()
    )


def stored(translation, segment):
    return StringTranslation.objects.get(
        translation_of=segment.string, context=segment.context, locale=translation.target_locale
    )


@pytest.fixture
def spanish(client, translator_for):
    client.force_login(translator_for("es"))
    translation = translation_of("about", "es")
    return client, translation, partner_text_segment(translation)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "value",
    [
        AUDIT_PAYLOAD,
        "Texto <!--->" + REFRESH,
        "Texto <!-- --!>" + REFRESH,
        "Texto <![CDATA[x]]>",
        "Texto <?php echo 1 ?>",
        'Texto <svg><style><img src=x onerror="alert(1)"></style></svg>',
        'Texto <a id="a1" href="jav&#x61;script:alert(1)">aquí</a>',
        "Texto <img src=x onerror=alert(1) ",
    ],
)
def test_the_translation_editor_refuses_markup_the_field_does_not_allow(spanish, value):
    client, translation, segment = spanish

    response = put_string(client, translation, segment, value)

    assert response.status_code in (200, 201)
    # wagtail-localize's own message where its parser sees the tag; ours where only a browser would.
    assert response.json()["error"]
    if value == AUDIT_PAYLOAD:
        assert response.json()["error"] == MESSAGE
    string_translation = stored(translation, segment)
    assert string_translation.data == value, "what the translator typed is kept for them to fix"
    assert string_translation.has_error
    preview = client.get(reverse("wagtail_localize:preview_translation", args=[translation.pk])).content.decode()
    assert "evil.example" not in preview and "onerror" not in preview


@pytest.mark.django_db
def test_the_markup_the_field_allows_is_accepted(spanish):
    client, translation, segment = spanish
    links = segment.string.data.count("<a ")
    value = "Texto con <b>negrita</b>, <i>cursiva</i> y A&amp;B < C" + "".join(
        f' <a id="a{number}">enlace</a>' for number in range(1, links + 1)
    )

    response = put_string(client, translation, segment, value)

    assert response.json()["error"] is None
    assert not stored(translation, segment).has_error


@pytest.mark.django_db
def test_a_po_file_with_such_markup_is_refused_whole(spanish):
    client, translation, segment = spanish
    before = {
        (item.translation_of_id, item.context_id): item.data
        for item in StringTranslation.objects.filter(locale=translation.target_locale)
    }
    po = polib.pofile(client.get(reverse("wagtail_localize:download_pofile", args=[translation.pk])).content.decode())
    for entry in po:
        entry.msgstr = AUDIT_PAYLOAD if entry.msgctxt == segment.context.path else "Traducción nueva"

    response = client.post(
        reverse("wagtail_localize:upload_pofile", args=[translation.pk]),
        {"file": SimpleUploadedFile("about-es.po", str(po).encode()), "next": "/admin/"},
        follow=True,
    )

    assert response.status_code == 200
    html = response.content.decode()
    assert "This file was not imported: the translation of" in html
    assert "contains markup that is not allowed." in html
    after = {
        (item.translation_of_id, item.context_id): item.data
        for item in StringTranslation.objects.filter(locale=translation.target_locale)
    }
    assert after == before


@pytest.mark.django_db
def test_the_audit_route_no_longer_publishes_the_markup(spanish, editor, django_capture_on_commit_callbacks):
    client, translation, segment = spanish
    put_string(client, translation, segment, AUDIT_PAYLOAD)

    client.force_login(editor)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("wagtail_localize:update_translations", args=[translation.source_id]),
            {"publish_translations": "on"},
        )
    assert response.status_code == 302
    client.logout()

    html = client.get(page_in("about", "es").url).content.decode()
    assert "http-equiv" not in html and "evil.example" not in html
