"""A Secretariat editor sorts the English menu, or takes a page out of it, once: every language's menu
follows, in the public menu of every language, straight away (the cached menus are purged)."""

import re

import pytest
from django.test import Client
from wagtail.models import Page

from pages.models import StandardPage
from tests.i18n import LANGUAGE_CODES
from tests.translation_helpers import page_in


def about_menu_slugs(language_code):
    """The slugs of the About section's menu entries, in the order the public menu shows them."""
    html = Client().get(f"/{language_code}/").content.decode()
    menu = re.search(r'(?s)<nav id="main-menu".*?</nav>', html).group(0)
    return re.findall(rf'class="main-menu__sublink" href="/{language_code}/about/([^/"]+)/"', menu)


def children_slugs(language_code):
    return list(page_in("about", language_code).get_children().values_list("slug", flat=True))


def set_position(client, page, position):
    """What the explorer's "Sort menu order" drag and drop sends."""
    response = client.post(f"/admin/pages/{page.pk}/set_position/?position={position}")
    assert response.status_code == 200


@pytest.mark.django_db
def test_sorting_the_english_menu_sorts_every_language(editor_client):
    before = about_menu_slugs("en")
    assert len(before) >= 4
    for code in LANGUAGE_CODES:
        assert about_menu_slugs(code) == before

    last = page_in(before[-1], "en")
    set_position(editor_client, last, 0)

    expected = [before[-1], *before[:-1]]
    assert about_menu_slugs("en") == expected
    for code in LANGUAGE_CODES:
        assert about_menu_slugs(code) == expected, code
        assert children_slugs(code)[: len(expected)] == expected


@pytest.mark.django_db
def test_moving_a_page_to_the_end_and_back_keeps_every_language_in_step(editor_client):
    slugs = children_slugs("en")
    set_position(editor_client, page_in(slugs[0], "en"), len(slugs))
    set_position(editor_client, page_in(slugs[2], "en"), 1)

    expected = children_slugs("en")
    assert expected != slugs
    for code in LANGUAGE_CODES:
        assert children_slugs(code) == expected, code


@pytest.mark.django_db
def test_a_page_that_exists_only_in_spanish_keeps_its_place(editor_client):
    spanish_about = page_in("about", "es")
    spanish_about.add_child(instance=StandardPage(title="Solo en español", slug="solo-en-espanol")).save_revision().publish()
    english = children_slugs("en")
    spanish_only_index = children_slugs("es").index("solo-en-espanol")

    set_position(editor_client, page_in(english[1], "en"), 0)

    spanish = children_slugs("es")
    assert spanish.index("solo-en-espanol") == spanish_only_index
    assert [slug for slug in spanish if slug != "solo-en-espanol"] == children_slugs("en")


@pytest.mark.django_db
def test_a_spanish_reorder_is_undone_by_the_next_english_one(editor_client):
    spanish = children_slugs("es")
    page_in(spanish[0], "es").move(page_in("about", "es"), pos="last-child")
    assert children_slugs("es") != children_slugs("en")

    english = children_slugs("en")
    set_position(editor_client, page_in(english[-1], "en"), len(english) - 2)

    assert children_slugs("es") == children_slugs("en")


@pytest.mark.django_db
def test_taking_a_page_out_of_the_english_menu_takes_it_out_of_every_language(editor_client):
    history = page_in("history", "en")
    assert all("history" in about_menu_slugs(code) for code in LANGUAGE_CODES)

    history.show_in_menus = False
    history.save_revision(user=None).publish()

    for code in LANGUAGE_CODES:
        assert "history" not in about_menu_slugs(code), code
        assert not Page.objects.get(pk=page_in("history", code).pk).show_in_menus


@pytest.mark.django_db
def test_a_translation_published_later_keeps_the_english_menu_choice(editor_client):
    english = page_in("history", "en")
    english.show_in_menus = False
    english.save_revision().publish()

    spanish = page_in("history", "es")
    spanish.show_in_menus = True
    spanish.save_revision().publish()

    assert not Page.objects.get(pk=spanish.pk).show_in_menus
    assert "history" not in about_menu_slugs("es")
