import pytest
from django.core.management import call_command
from wagtail.models import Page, PageLogEntry

from pages.models import AboutPage


@pytest.mark.django_db
def test_loading_the_demo_content_again_changes_nothing(capsys):
    pages_before = Page.objects.count()
    log_before = PageLogEntry.objects.count()

    call_command("load_demo_content")

    assert "nothing changed" in capsys.readouterr().out
    assert Page.objects.count() == pages_before
    assert PageLogEntry.objects.count() == log_before


@pytest.mark.django_db
def test_an_editors_change_survives_unless_overwrite_is_asked(client):
    about = AboutPage.objects.get(locale__language_code="en")
    about.introduction = "Changed by an editor."
    about.save_revision().publish()

    call_command("load_demo_content", verbosity=0)
    assert "Changed by an editor." in client.get("/en/about/").content.decode()

    call_command("load_demo_content", "--overwrite", verbosity=0)
    assert "Changed by an editor." not in client.get("/en/about/").content.decode()


@pytest.mark.django_db
def test_every_locale_has_the_whole_tree():
    english = set(Page.objects.filter(locale__language_code="en", depth__gte=2).values_list("translation_key", flat=True))

    for language in ["ar", "es", "fr", "pt"]:
        translated = set(
            Page.objects.filter(locale__language_code=language, live=True).values_list("translation_key", flat=True)
        )
        assert english <= translated, language


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["ar", "es", "fr", "pt"])
def test_translated_trees_are_reachable(client, language):
    for path in ["about/", "about/history/", "how-cti-can-help/advice-hub/"]:
        assert client.get(f"/{language}/{path}").status_code == 200, f"/{language}/{path}"
