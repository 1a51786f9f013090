import pytest

from pages.models import (
    AboutPage,
    CoreStatesPage,
    HistoryPage,
    HomePage,
    HowCtiCanHelpPage,
    StandardPage,
)


@pytest.mark.django_db
def test_history_cannot_be_created_under_core_states():
    core_states = CoreStatesPage.objects.get(locale__language_code="en")

    assert not HistoryPage.can_create_at(core_states)
    assert StandardPage.can_create_at(core_states)


@pytest.mark.django_db
def test_singletons_exist_once_per_locale():
    about = AboutPage.objects.get(locale__language_code="en")
    home = HomePage.objects.get(locale__language_code="en")

    assert not HistoryPage.can_create_at(about)
    assert not AboutPage.can_create_at(home)
    assert not HowCtiCanHelpPage.can_create_at(home)
    assert StandardPage.can_create_at(home)


@pytest.mark.django_db
def test_about_children_only_under_about():
    home = HomePage.objects.get(locale__language_code="en")
    help_page = HowCtiCanHelpPage.objects.get(locale__language_code="en")

    for page_type in [CoreStatesPage, HistoryPage]:
        assert not page_type.can_create_at(home)
        assert not page_type.can_create_at(help_page)


@pytest.mark.django_db
def test_the_admin_refuses_a_forbidden_page_type(editor_client):
    core_states = CoreStatesPage.objects.get(locale__language_code="en")

    response = editor_client.get(f"/admin/pages/add/pages/historypage/{core_states.pk}/")

    assert response.status_code in (302, 403)
    assert HistoryPage.objects.filter(locale__language_code="en").count() == 1
