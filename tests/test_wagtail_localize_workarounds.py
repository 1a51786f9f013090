"""Canaries for the translation workflow's workarounds of wagtail-localize 1.14.

Each test checks the installed wagtail-localize: that the gap a `translation_workflow/wagtail_localize_workaround_*`
module fills is still there, or that the upstream code it builds on is still as that module reads it.
A failure says which module to re-check, and what to look at. The canaries of
`wagtail_localize_workaround_publish_rights` are beside its behaviour, in
tests/test_alias_conversion_needs_publish_rights.py and tests/test_translation_drafts_kept_by_sync.py; that of
`wagtail_localize_workaround_dates` in tests/test_translation_sync_diff.py.
"""

import hashlib
import inspect
import json
from pathlib import Path
from urllib.parse import urlencode

import pytest
import wagtail_localize
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db.models.signals import pre_save
from django.test import Client, RequestFactory
from django.urls import resolve, reverse
from django.utils.datastructures import MultiValueDictKeyError
from wagtail.models import Locale, Page
from wagtail_localize.models import OverridableSegment, SegmentOverride, StringSegment, TranslationSource
from wagtail_localize.views import edit_translation

from pages.models import AboutPage, StandardPage
from tests.translation_helpers import page_in, put_string, translation_of
from translation_workflow import wagtail_localize_workaround_po_upload as po_upload
from translation_workflow import wagtail_localize_workaround_safe_overrides as safe_overrides

UPSTREAM_EDITOR_TEMPLATE = (
    Path(wagtail_localize.__file__).parent / "templates" / "wagtail_localize" / "admin" / "edit_translation.html"
)
UPSTREAM_EDITOR_TEMPLATE_SHA256 = "52b849c00b09876c0fb0e7314a762f1eebb1c4212120828c61c1350a301a5ba7"
PO_WITHOUT_TRANSLATION_ID = b'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
UNAPPROVED = "Texto que nadie ha aprobado todavía"
SCRIPT_ADDRESS = " javascript:probe()"


def partner_text_segment(translation):
    segments = StringSegment.objects.filter(source=translation.source, context__field_path="partner_text")
    return segments.order_by("order").first()


# The translation editor template (translation_workflow/templates/wagtail_localize/admin/edit_translation.html)


def test_upstream_translation_editor_template_is_the_one_ours_extends():
    digest = hashlib.sha256(UPSTREAM_EDITOR_TEMPLATE.read_bytes()).hexdigest()

    assert digest == UPSTREAM_EDITOR_TEMPLATE_SHA256, (
        f"{UPSTREAM_EDITOR_TEMPLATE} is no longer wagtail-localize 1.14.5's: diff the two versions, check that "
        "translation_workflow/templates/wagtail_localize/admin/edit_translation.html still fits its blocks "
        "`content` and `extra_js`, that wagtail_localize_workaround_publish_rights.EDITOR_PROPS still finds the "
        "editor's props, and that tests/browser/test_translator_syncs_arabic_page_from_coverage_dashboard.py "
        "passes (translation_editor_languages.js reads the editor's markup); then update the hash here."
    )


@pytest.mark.django_db
def test_upstream_translation_editor_view_gives_our_template_what_it_reads(client, translator_for):
    client.force_login(translator_for("es"))

    response = client.get(f"/admin/pages/{page_in('about', 'es').pk}/edit/")

    missing = {"is_page", "page_perms", "instance", "translation", "target_locale"} - set(response.context.keys())
    assert not missing, (
        f"wagtail-localize's edit_translation view no longer passes {sorted(missing)} to its template: "
        "translation_workflow/templates/wagtail_localize/admin/edit_translation.html needs them."
    )


# wagtail_localize_workaround_po_upload


@pytest.mark.django_db
@pytest.mark.parametrize(
    "files, error",
    [
        ({}, MultiValueDictKeyError),
        ({"file": SimpleUploadedFile("about.po", PO_WITHOUT_TRANSLATION_ID)}, KeyError),
    ],
    ids=["no file", "no translation id"],
)
def test_upstream_po_upload_still_fails_on_bad_files(translator_for, files, error):
    request = RequestFactory().post("/", files)
    request.user = translator_for("pt")

    try:
        edit_translation.upload_pofile(request, translation_of("about", "pt").pk)
    except error:
        return
    pytest.fail(
        "wagtail-localize's upload_pofile now answers this file itself: remove the bad-file checks of "
        "wagtail_localize_workaround_po_upload.py (keep its markup check)."
    )


def test_our_po_upload_view_answers_at_upstream_url():
    url = reverse("wagtail_localize:upload_pofile", args=[1])
    view = resolve(url).func  # wrapped by the admin's access check

    assert (view.__module__, view.__name__) == (po_upload.__name__, "upload_pofile"), (
        f"wagtail-localize's PO upload moved from {url}: register wagtail_localize_workaround_po_upload.upload_pofile "
        "at its new path in translation_workflow/wagtail_hooks.py."
    )


@pytest.mark.django_db
def test_upstream_po_files_carry_the_header_and_permission_check_we_read(translator_for):
    translation = translation_of("about", "pt")

    assert translation.export_po().metadata.get(po_upload.TRANSLATION_ID_HEADER) == str(translation.uuid), (
        "wagtail-localize's PO files name their translation another way: update TRANSLATION_ID_HEADER in "
        "wagtail_localize_workaround_po_upload.py."
    )
    assert edit_translation.user_can_edit_instance(translator_for("pt"), translation.get_target_instance()), (
        "wagtail-localize's user_can_edit_instance changed: re-check the permission check of "
        "wagtail_localize_workaround_po_upload.upload_pofile against upstream's upload_pofile."
    )


# wagtail_localize_workaround_safe_overrides


@pytest.fixture
def link_override(editor_client, translator_for):
    """A Spanish translation of a new page with a link, a client of its translator, and the link's segment."""
    english = page_in("about", "en").add_child(
        instance=StandardPage(
            title="Useful links",
            slug="useful-links",
            introduction="Where to read more.",
            body=json.dumps(
                [{"type": "paragraph", "value": '<p>See <a href="https://www.ohchr.org/">the OHCHR site</a>.</p>'}]
            ),
        )
    )
    english.save_revision().publish()
    spanish = Locale.objects.get(language_code="es")
    editor_client.post(f"/admin/localize/submit/page/{english.pk}/", {"locales": [spanish.pk]})
    source = TranslationSource.objects.get(object_id=english.translation_key, locale=english.locale)
    segment = next(
        segment for segment in OverridableSegment.objects.filter(source=source) if "ohchr" in segment.data_json
    )
    translator = Client()
    translator.force_login(translator_for("es"))
    return source.translations.get(target_locale=spanish), translator, segment


def override_address(client, translation, segment, address):
    response = client.put(
        f"/admin/localize/translate/{translation.pk}/overrides/{segment.pk}/edit/",
        data=urlencode({"value": address}),
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code in (200, 201)
    return SegmentOverride.objects.get(locale=translation.target_locale, context=segment.context)


@pytest.mark.django_db
def test_upstream_still_stores_a_script_address_unchecked(link_override):
    translation, client, segment = link_override
    pre_save.disconnect(sender=SegmentOverride, dispatch_uid=safe_overrides.DISPATCH_UID)
    try:
        override = override_address(client, translation, segment, SCRIPT_ADDRESS)
    finally:
        safe_overrides.connect()

    assert not override.has_error, (
        "wagtail-localize now refuses a javascript: link address itself: remove "
        "translation_workflow/wagtail_localize_workaround_safe_overrides.py."
    )


@pytest.mark.django_db
def test_upstream_leaves_overrides_marked_as_errors_out_of_the_translation(link_override):
    translation, client, segment = link_override

    assert override_address(client, translation, segment, SCRIPT_ADDRESS).has_error
    page = translation.source.get_ephemeral_translated_instance(translation.target_locale, fallback=True)

    body = json.dumps(page.body.get_prep_value())
    assert "javascript:" not in body and "https://www.ohchr.org/" in body, (
        "wagtail-localize now builds translations with overrides marked as errors: "
        "wagtail_localize_workaround_safe_overrides no longer keeps a script address off the page."
    )


@pytest.mark.django_db
def test_upstream_records_its_own_override_errors_without_saving_the_value():
    translation = translation_of("about", "es")
    context = OverridableSegment.objects.filter(source=translation.source).first().context
    override = SegmentOverride.objects.create(
        locale=translation.target_locale, context=context, data_json=json.dumps("https://www.ohchr.org/")
    )

    override.set_field_error([ValidationError("Upstream's own error")])

    override.refresh_from_db()
    assert (override.has_error, override.field_error) == (True, "Upstream's own error"), (
        "SegmentOverride.set_field_error no longer saves with update_fields=['has_error', 'field_error']: "
        "wagtail_localize_workaround_safe_overrides.check_override now clears upstream's errors; re-check how "
        "it tells upstream's error records from a new value."
    )


# wagtail_localize_workaround_draft_revision


@pytest.mark.django_db
def test_upstream_still_writes_a_draft_translation_into_the_live_page(client, translator_for):
    spanish = translation_of("about", "es")
    translator = translator_for("es")
    client.force_login(translator)
    put_string(client, spanish, partner_text_segment(spanish), UNAPPROVED)

    spanish.save_target(user=translator, publish=False)

    live_row = AboutPage.objects.get(pk=page_in("about", "es").pk)
    assert UNAPPROVED in live_row.partner_text, (
        "wagtail-localize's save_target(publish=False) now leaves the live page alone: replace "
        "wagtail_localize_workaround_draft_revision.save_draft_revision with it."
    )


@pytest.mark.django_db
def test_upstream_ephemeral_translation_is_as_we_call_it(client, translator_for):
    parameters = inspect.signature(TranslationSource.get_ephemeral_translated_instance).parameters
    assert list(parameters) == ["self", "locale", "fallback"] and parameters["fallback"].default is False, (
        "TranslationSource.get_ephemeral_translated_instance changed its signature: update "
        "wagtail_localize_workaround_draft_revision.save_draft_revision."
    )
    spanish = translation_of("about", "es")
    client.force_login(translator_for("es"))
    put_string(client, spanish, partner_text_segment(spanish), UNAPPROVED)

    page = spanish.source.get_ephemeral_translated_instance(spanish.target_locale, fallback=True)

    assert UNAPPROVED in page.partner_text
    assert UNAPPROVED not in Page.objects.get(pk=page.pk).specific.partner_text, (
        "get_ephemeral_translated_instance now saves the page: save_draft_revision would publish unapproved text."
    )
