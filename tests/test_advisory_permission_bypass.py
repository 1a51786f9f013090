"""Wagtail's permission-bypass advisories, replayed with this site's real roles.

A translator for Spanish can edit Spanish pages and nothing else. Every side door Wagtail has had an
advisory for (revisions, history, previews, choosers, settings, snippets, copying, workflow actions,
wagtail-localize's translation endpoints) must refuse them for another language's pages, and must not
let any of that language's unpublished text through. The existing tests/test_translator_permissions.py
covers editing, publishing and the main translation views; this file covers the side doors.
"""

from urllib.parse import urlencode

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.images import get_image_model
from wagtail.models import Collection, CollectionViewRestriction, Page, WorkflowState
from wagtail_localize.models import SegmentOverride

from pages.models import FooterContent
from pages.roles import SECRETARIAT_EDITORS
from resources.models import Topic
from tests.library_support import make_document
from tests.translation_helpers import assert_denied, page_in, translation_of

DRAFT_TEXT = "An unpublished sentence only the Secretariat may read."


@pytest.fixture
def spanish_client(client, translator_for):
    client.force_login(translator_for("es"))
    return client


def with_draft(slug, language_code):
    page = page_in(slug, language_code)
    page.introduction = DRAFT_TEXT
    revision = page.save_revision()
    return page, revision


def side_door_urls(page, revision):
    return [
        f"/admin/pages/{page.pk}/revisions/",
        f"/admin/pages/{page.pk}/revisions/{revision.pk}/view/",
        f"/admin/pages/{page.pk}/revisions/compare/earliest...latest/",
        f"/admin/pages/{page.pk}/revisions/compare/live...latest/",
        f"/admin/pages/{page.pk}/revisions/compare/live...{revision.pk}/",
        f"/admin/pages/{page.pk}/revisions/{revision.pk}/revert/",
        f"/admin/pages/{page.pk}/history/",
        f"/admin/pages/{page.pk}/history/results/",
        f"/admin/pages/{page.pk}/workflow_history/",
        f"/admin/pages/{page.pk}/edit/preview/",
        f"/admin/pages/{page.pk}/view_draft/",
        f"/admin/pages/{page.pk}/usage/",
        f"/admin/pages/{page.pk}/copy/",
        f"/admin/pages/{page.pk}/privacy/",
        f"/admin/pages/{page.pk}/move/",
        f"/admin/pages/{page.pk}/delete/",
        f"/admin/pages/{page.pk}/lock/",
        f"/admin/pages/{page.pk}/unpublish/",
    ]


def body(response):
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content).decode(errors="replace")
    return response.content.decode(errors="replace")


@pytest.mark.django_db
@pytest.mark.parametrize("language_code", ["en", "fr"])
def test_revisions_history_and_previews_of_another_language_are_refused(spanish_client, language_code):
    page, revision = with_draft("about", language_code)

    history = f"/admin/pages/{page.pk}/history/"
    for url in side_door_urls(page, revision):
        for response in (spanish_client.get(url), spanish_client.post(url, {"title": "Piraté"})):
            if response.status_code == 302 and response["Location"] == history:
                response = spanish_client.get(history)  # the revisions index is a redirect to the history
            assert response.status_code in (302, 403, 404, 405), url
            if response.status_code == 302:
                assert_denied(response)
            assert DRAFT_TEXT not in body(response), url

    preview = spanish_client.post(f"/admin/pages/{page.pk}/edit/preview/", {"title": "x", "introduction": "y"})
    assert_denied(preview)
    page.refresh_from_db()
    assert page.live_revision_id != revision.pk and page.latest_revision_id == revision.pk


@pytest.mark.django_db
def test_the_same_views_work_for_the_translators_own_language(spanish_client):
    page, revision = with_draft("about", "es")

    for url in (
        f"/admin/pages/{page.pk}/revisions/{revision.pk}/view/",
        f"/admin/pages/{page.pk}/revisions/compare/live...latest/",
        f"/admin/pages/{page.pk}/history/",
        f"/admin/pages/{page.pk}/view_draft/",
    ):
        response = spanish_client.get(url)
        assert response.status_code == 200, url


@pytest.mark.django_db
def test_a_translator_cannot_copy_pages_they_cannot_edit_nor_copy_into_another_language(spanish_client):
    english_about, spanish_about = page_in("about", "en"), page_in("about", "es")
    english_home = Page.objects.get(depth=2, locale__language_code="en")
    spanish_home = Page.objects.get(depth=2, locale__language_code="es")
    pages_before = Page.objects.count()

    copy_in = spanish_client.post(
        f"/admin/pages/{english_about.pk}/copy/",
        {"new_title": "Copia", "new_slug": "copia", "new_parent_page": spanish_home.pk, "copy_subpages": "on"},
    )
    copy_out = spanish_client.post(
        f"/admin/pages/{spanish_about.pk}/copy/",
        {"new_title": "Copy", "new_slug": "copied-about", "new_parent_page": english_home.pk, "copy_subpages": "on"},
    )

    assert_denied(copy_in)
    assert copy_out.status_code in (200, 302, 403)
    assert Page.objects.count() == pages_before
    assert not Page.objects.filter(slug__in=["copia", "copied-about"]).exists()


@pytest.mark.django_db
def test_a_translator_cannot_create_or_alter_another_languages_translation_through_side_endpoints(spanish_client):
    french = translation_of("about", "fr")
    override = french.source.overridablesegment_set.first()
    french_page = page_in("about", "fr")
    revision_before = french_page.latest_revision_id

    assert spanish_client.post(f"/admin/localize/translate/{french.pk}/machine_translate/").status_code in (302, 403, 404)
    if override is not None:
        response = spanish_client.put(
            f"/admin/localize/translate/{french.pk}/overrides/{override.pk}/edit/",
            data=urlencode({"value": "https://evil.example/"}),
            content_type="application/x-www-form-urlencoded",
        )
        assert response.status_code == 403
    english = page_in("history", "en")
    for url in (f"/admin/localize/submit/page/{english.pk}/", f"/admin/localize/submit/page/{french_page.pk}/"):
        assert_denied(spanish_client.post(url, {"locales": []}))

    french_page.refresh_from_db()
    assert french_page.latest_revision_id == revision_before
    assert not SegmentOverride.objects.filter(data_json__contains="evil.example").exists()


@pytest.fixture
def secret_document(db):
    internal = Collection.get_first_root_node().add_child(name="Secretariat internal")
    restriction = CollectionViewRestriction.objects.create(
        collection=internal, restriction_type=CollectionViewRestriction.GROUPS
    )
    restriction.groups.set([Group.objects.get(name=SECRETARIAT_EDITORS)])
    return make_document("Board minutes, confidential", collection=internal)


@pytest.mark.django_db
def test_choosers_do_not_show_a_translator_documents_of_a_private_collection(spanish_client, secret_document):
    for url in (
        "/admin/documents/chooser/",
        "/admin/documents/chooser/results/?q=Board",
        "/admin/documents/",
        "/admin/api/main/documents/?search=Board",
    ):
        response = spanish_client.get(url)
        assert response.status_code == 200, url
        assert "Board minutes" not in body(response), url
    for url in (f"/admin/documents/edit/{secret_document.pk}/", f"/admin/documents/usage/{secret_document.pk}/"):
        assert_denied(spanish_client.get(url))
    download = spanish_client.get(secret_document.url)
    assert download.status_code in (302, 403)
    assert b"%PDF" not in body(download).encode()


@pytest.mark.django_db
def test_the_secretariat_still_finds_its_private_documents_in_the_chooser(editor_client, secret_document):
    response = editor_client.get("/admin/documents/chooser/results/?q=Board")

    assert "Board minutes, confidential" in body(response)


@pytest.mark.django_db
def test_image_edit_and_preview_endpoints_are_refused_to_translators(spanish_client):
    image = get_image_model().objects.first()
    if image is None:
        pytest.skip("the demo content has no image")

    for url in (
        f"/admin/images/{image.pk}/",
        f"/admin/images/{image.pk}/preview/original/",
        f"/admin/images/{image.pk}/preview/fill-{'9' * 40}x{'9' * 40}/",
        f"/admin/images/{image.pk}/delete/",
    ):
        assert_denied(spanish_client.get(url))


@pytest.mark.django_db
def test_settings_and_snippets_are_closed_to_translators(spanish_client):
    topic = Topic.objects.filter(locale__language_code="en").first()
    footer = FooterContent.objects.get(locale__language_code="es")
    topics_before = Topic.objects.count()
    urls = [
        "/admin/sites/",
        "/admin/locales/",
        "/admin/workflows/list/",
        "/admin/workflows/tasks/index/",
        "/admin/redirects/",
        "/admin/users/",
        "/admin/groups/",
        "/admin/collections/",
        f"/admin/collections/{Collection.get_first_root_node().pk}/privacy/",
        "/admin/snippets/resources/topic/",
        f"/admin/snippets/resources/topic/edit/{topic.pk}/",
        f"/admin/snippets/resources/topic/copy/{topic.pk}/",
        f"/admin/snippets/resources/topic/delete/{topic.pk}/",
        f"/admin/snippets/resources/topic/history/{topic.pk}/",
        "/admin/snippets/pages/footercontent/",
        f"/admin/snippets/pages/footercontent/edit/{footer.pk}/",
        f"/admin/snippets/pages/footercontent/copy/{footer.pk}/",
        f"/admin/snippets/pages/footercontent/history/{footer.pk}/",
        f"/admin/snippets/pages/footercontent/usage/{footer.pk}/",
    ]
    for url in urls:
        assert_denied(spanish_client.get(url))
        assert_denied(spanish_client.post(url, {"name": "Hijacked", "slug": "hijacked", "about_text": "Hijacked"}))

    assert Topic.objects.count() == topics_before
    footer.refresh_from_db()
    assert footer.about_text != "Hijacked"


@pytest.mark.django_db
def test_a_translator_cannot_act_on_another_languages_moderation(client, translator_for):
    french_translation = translation_of("about", "fr")
    client.force_login(translator_for("fr"))
    assert client.post(reverse("submit_translation_for_moderation", args=[french_translation.pk])).status_code == 302
    french = page_in("about", "fr")
    state = french.current_workflow_state
    task_state = state.current_task_state

    client.force_login(translator_for("es"))
    for action in ("approve", "reject"):
        for url in (
            f"/admin/pages/workflow/action/{french.pk}/{action}/{task_state.pk}/",
            f"/admin/pages/workflow/collect_action_data/{french.pk}/{action}/{task_state.pk}/",
        ):
            response = client.post(url, {"comment": "pirate"})
            assert response.status_code in (302, 403, 404), url
    assert_denied(client.get(f"/admin/pages/workflow/preview/{french.pk}/{task_state.task_id}/"))
    assert_denied(client.post(f"/admin/pages/{french.pk}/edit/", {"action-cancel-workflow": "on"}))
    # Wagtail's cancellation prompt is only a modal naming the task: it must change nothing.
    client.post(f"/admin/pages/workflow/confirm_cancellation/{french.pk}/")

    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.current_task_state.status == "in_progress"
