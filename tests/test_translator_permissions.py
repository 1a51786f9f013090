import pytest
from django.apps import apps
from django.urls import NoReverseMatch, reverse
from wagtail.models import Page, WorkflowState
from wagtail_localize.models import Translation

from pages.models import FooterContent
from pages.roles import translator_group_name
from tests.conftest import make_user
from tests.translation_helpers import assert_denied, page_in, put_string, segment_for, translation_of

NEW_TITLE = "Acerca de la Iniciativa (CTI)"


@pytest.fixture
def spanish_client(client, translator_for):
    client.force_login(translator_for("es"))
    return client


@pytest.mark.django_db
def test_a_translator_edits_their_own_language_in_the_translation_editor(spanish_client):
    about = page_in("about", "es")

    response = spanish_client.get(f"/admin/pages/{about.pk}/edit/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "js-translation-editor" in html
    assert "&quot;canPublish&quot;: false" in html
    assert "Submit to the Secretariat for approval" in html


@pytest.mark.django_db
@pytest.mark.parametrize("language_code", ["en", "fr", "ar", "pt"])
def test_a_translator_cannot_open_another_language(spanish_client, language_code):
    about = page_in("about", language_code)

    assert_denied(spanish_client.get(f"/admin/pages/{about.pk}/edit/"))
    assert_denied(spanish_client.post(f"/admin/pages/{about.pk}/edit/", {"action": "publish"}))
    assert_denied(spanish_client.get(f"/admin/pages/add/pages/standardpage/{about.pk}/"))


@pytest.mark.django_db
def test_a_translator_cannot_publish_or_unpublish(spanish_client):
    about = page_in("about", "es")
    live_revision = about.live_revision_id

    assert_denied(spanish_client.post(f"/admin/pages/{about.pk}/edit/", {"action": "publish"}))
    assert_denied(spanish_client.post(f"/admin/pages/{about.pk}/unpublish/"))

    about.refresh_from_db()
    assert about.live and about.live_revision_id == live_revision


@pytest.mark.django_db
def test_a_translator_submits_a_translation_for_approval_and_the_secretariat_publishes_it(
    spanish_client, client, editor
):
    about = page_in("about", "es")
    translation = translation_of("about", "es")
    old_title = about.title

    response = put_string(spanish_client, translation, segment_for(translation, "About CTI"), NEW_TITLE)
    assert response.status_code == 200
    response = spanish_client.post(reverse("submit_translation_for_moderation", args=[translation.pk]))

    assert response.status_code == 302
    about = page_in("about", "es")
    state = about.current_workflow_state
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.current_task_state.task.name == "Secretariat approval"
    assert about.get_latest_revision_as_object().title == NEW_TITLE
    assert about.title == old_title
    assert NEW_TITLE not in client.get("/es/about/").content.decode()

    client.force_login(editor)
    task_state = state.current_task_state
    response = client.post(
        f"/admin/pages/workflow/action/{about.pk}/approve/{task_state.pk}/", {"comment": ""}
    )
    assert response.status_code in (200, 302)
    client.logout()
    assert NEW_TITLE in client.get("/es/about/").content.decode()
    assert NEW_TITLE not in client.get("/fr/about/").content.decode()


@pytest.mark.django_db
def test_a_translator_cannot_submit_another_languages_translation(spanish_client):
    translation = translation_of("about", "fr")

    assert_denied(spanish_client.post(reverse("submit_translation_for_moderation", args=[translation.pk])))
    assert not WorkflowState.objects.filter(object_id=str(page_in("about", "fr").pk)).exists()


@pytest.mark.django_db
def test_a_translator_cannot_create_translations_or_sync_every_language_at_once(spanish_client):
    """wagtail-localize's own sync acts on (and can publish) every language: Secretariat only.
    A translator syncs their own language with translation_workflow's view (test_translation_sync.py)."""
    english, spanish = page_in("about", "en"), page_in("about", "es")
    translations = Translation.objects.count()
    footer = FooterContent.objects.get(locale__language_code="en")

    for page in (english, spanish):
        assert_denied(spanish_client.get(f"/admin/localize/submit/page/{page.pk}/"))
        assert_denied(spanish_client.post(f"/admin/localize/submit/page/{page.pk}/", {"locales": []}))
    source_id = translation_of("about", "es").source_id
    assert_denied(spanish_client.post(f"/admin/localize/update/{source_id}/", {"publish_translations": "on"}))
    assert_denied(spanish_client.get(f"/admin/localize/submit/snippet/pages/footercontent/{footer.pk}/"))

    assert Translation.objects.count() == translations


@pytest.mark.django_db
def test_a_translator_cannot_touch_another_languages_translation_through_wagtail_localize(spanish_client):
    french = translation_of("about", "fr")
    segment = segment_for(french, "About CTI")

    assert put_string(spanish_client, french, segment, "Piraté").status_code == 403
    assert_denied(spanish_client.get(f"/admin/localize/translate/{french.pk}/pofile/download/"))
    assert_denied(spanish_client.post(f"/admin/localize/translate/{french.pk}/pofile/upload/", {}))
    assert_denied(spanish_client.post(f"/admin/localize/translate/{french.pk}/disable/"))
    assert_denied(spanish_client.get(f"/admin/localize/translate/{french.pk}/preview/"))
    assert_denied(spanish_client.post(f"/admin/localize/page/{page_in('about', 'fr').pk}/convert_to_alias/"))

    french.refresh_from_db()
    assert french.enabled
    assert page_in("about", "fr").title == "À propos de la CTI"


@pytest.mark.django_db
def test_a_translator_cannot_edit_the_footer_or_other_snippets(spanish_client):
    footer = FooterContent.objects.get(locale__language_code="es")

    assert_denied(spanish_client.get(f"/admin/snippets/pages/footercontent/edit/{footer.pk}/"))


@pytest.mark.django_db
def test_a_translator_cannot_see_advice_hub_queries(spanish_client):
    if not apps.is_installed("advice") or "advicequery" not in apps.get_app_config("advice").models:
        pytest.skip("the advice hub's queries are not built yet")
    try:
        url = reverse("advice_queries:index")
    except NoReverseMatch:
        pytest.skip("the advice hub's queries have no admin listing yet")

    assert_denied(spanish_client.get(url))
    assert not spanish_client.get("/admin/").context["request"].user.has_perm("advice.view_advicequery")


@pytest.mark.django_db
def test_secretariat_editors_translate_and_publish_in_every_language(editor_client, django_capture_on_commit_callbacks):
    english = page_in("about", "en")
    assert editor_client.get(f"/admin/localize/submit/page/{english.pk}/").status_code == 200
    for language_code in ["ar", "es", "fr", "pt"]:
        page = page_in("about", language_code)
        assert editor_client.get(f"/admin/pages/{page.pk}/edit/").status_code == 200

    french = page_in("about", "fr")
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(f"/admin/pages/{french.pk}/edit/", {"action": "publish"})

    assert response.status_code == 302
    assert Page.objects.get(pk=french.pk).live_revision_id != french.live_revision_id


@pytest.mark.django_db
def test_every_translator_group_is_confined_to_its_own_language():
    for language_code in ["ar", "es", "fr", "pt"]:
        user = make_user(f"only-{language_code}", translator_group_name(language_code))
        for other in ["ar", "en", "es", "fr", "pt"]:
            permissions = page_in("history", other).permissions_for_user(user)
            assert permissions.can_edit() == (other == language_code)
            assert not permissions.can_publish()
        assert not user.has_perm("wagtail_localize.submit_translation")
