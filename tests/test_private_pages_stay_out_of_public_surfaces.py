"""A page restricted to the Secretariat (or to signed-in users) never shows to a visitor who may not
view it: not in the menu, the language switcher's redirect, hreflang links, the sitemap, search or the
latest resources, nor through a page or fragment the shared cache kept from before the restriction."""

import datetime
import re
import xml.etree.ElementTree as ElementTree

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from wagtail.models import Page, PageViewRestriction

from pages.models import StandardPage
from pages.roles import SECRETARIAT_EDITORS
from tests.conftest import make_user
from tests.i18n import alternates
from tests.library_support import publish_resource
from tests.pages import main_text
from tests.translation_helpers import page_in

SECRET_TITLE = "Board minutes"
SECRET_WORD = "quincunxial"


def menu_html(html):
    return re.search(r'(?s)<nav id="main-menu".*?</nav>', html).group(0)


def restrict_to_secretariat(editor_client, page):
    """The editor's own route: the page's Privacy dialog in the admin."""
    group = Group.objects.get(name=SECRETARIAT_EDITORS)
    response = editor_client.post(
        f"/admin/pages/{page.pk}/privacy/", {"restriction_type": "groups", "groups": [group.pk]}
    )
    assert response.status_code == 200
    assert PageViewRestriction.objects.filter(page=page, restriction_type="groups").exists()


def add_page(parent, title, slug, body_word=""):
    page = parent.add_child(
        instance=StandardPage(title=title, slug=slug, show_in_menus=True, introduction=f"Notes {body_word}".strip())
    )
    page.save_revision().publish()
    return page


@pytest.fixture
def secret_section(db):
    """A menu section under the English home page: it shows in the menu's first level."""
    return add_page(Page.objects.get(depth=2, locale__language_code="en"), SECRET_TITLE, "board-minutes", SECRET_WORD)


@pytest.fixture
def secret_subpage(db):
    """A menu page under About: it shows in the menu's second level."""
    return add_page(page_in("about", "en"), "Staff rota", "staff-rota")


@pytest.mark.django_db
def test_a_restricted_menu_page_leaves_the_anonymous_menu_even_after_it_was_cached(
    editor_client, secret_section, secret_subpage
):
    anonymous = Client()
    before = menu_html(anonymous.get("/en/about/").content.decode())
    assert SECRET_TITLE in before and "Staff rota" in before

    restrict_to_secretariat(editor_client, secret_section)
    restrict_to_secretariat(editor_client, secret_subpage)

    for url in ("/en/about/", "/en/", "/en/about/history/"):
        menu = menu_html(anonymous.get(url).content.decode())
        assert SECRET_TITLE not in menu and "/en/board-minutes/" not in menu, url
        assert "Staff rota" not in menu and "/en/about/staff-rota/" not in menu, url


@pytest.mark.django_db
def test_a_signed_in_member_shares_the_public_menu(editor_client, secret_section):
    restrict_to_secretariat(editor_client, secret_section)
    Client().get("/en/about/")  # fills the shared menu fragment

    assert editor_client.get("/en/board-minutes/").status_code == 200
    menu = menu_html(editor_client.get("/en/about/").content.decode())
    assert SECRET_TITLE not in menu


@pytest.mark.django_db
def test_removing_the_restriction_brings_the_page_back_into_the_menu(editor_client, secret_section):
    restrict_to_secretariat(editor_client, secret_section)
    anonymous = Client()
    assert SECRET_TITLE not in menu_html(anonymous.get("/en/about/").content.decode())

    editor_client.post(f"/admin/pages/{secret_section.pk}/privacy/", {"restriction_type": "none"})

    assert not PageViewRestriction.objects.filter(page=secret_section).exists()
    assert SECRET_TITLE in menu_html(anonymous.get("/en/about/").content.decode())


@pytest.mark.django_db
def test_an_alias_of_a_restricted_page_stays_out_of_the_other_languages_menu(editor_client, secret_section):
    spanish_home = Page.objects.get(depth=2, locale__language_code="es")
    secret_section.create_alias(parent=spanish_home, update_locale=spanish_home.locale)
    restrict_to_secretariat(editor_client, secret_section)

    anonymous = Client()
    menu = menu_html(anonymous.get("/es/about/").content.decode())
    assert SECRET_TITLE not in menu and "/es/board-minutes/" not in menu
    assert anonymous.get("/es/board-minutes/").status_code == 302


@pytest.mark.django_db
def test_the_language_switcher_does_not_lead_strangers_to_a_restricted_page(editor_client, secret_section):
    restrict_to_secretariat(editor_client, secret_section)
    stranger = Client()
    stranger.force_login(make_user("stranger"))

    for visitor in (Client(), stranger):
        response = visitor.get(f"/language/en/?page={secret_section.pk}")
        assert response.status_code == 302
        assert response["Location"] == "/en/"

    member = editor_client.get(f"/language/en/?page={secret_section.pk}")
    assert member["Location"] == "/en/board-minutes/"


@pytest.mark.django_db
def test_the_language_switcher_skips_a_restricted_translation_for_its_nearest_public_ancestor(editor_client):
    restrict_to_secretariat(editor_client, page_in("history", "es"))

    response = Client().get(f"/language/es/?page={page_in('history', 'en').pk}")

    assert response["Location"] == "/es/about/?untranslated=1"
    assert editor_client.get(f"/language/es/?page={page_in('history', 'en').pk}")["Location"] == "/es/about/history/"


@pytest.mark.django_db
def test_the_language_switcher_does_not_lead_to_a_draft(client, editor_client):
    draft = page_in("about", "en").add_child(instance=StandardPage(title="Unannounced", slug="unannounced", live=False))

    for visitor in (client, editor_client):
        assert visitor.get(f"/language/en/?page={draft.pk}")["Location"] == "/en/"


@pytest.mark.django_db
def test_hreflang_and_switcher_leave_out_a_restricted_translation(editor_client):
    anonymous = Client()
    assert "es" in alternates(anonymous.get("/en/about/history/").content.decode())

    restrict_to_secretariat(editor_client, page_in("history", "es"))

    html = anonymous.get("/en/about/history/").content.decode()
    assert "es" not in alternates(html)
    assert "/es/about/history/" not in html


@pytest.mark.django_db
def test_the_sitemap_leaves_out_restricted_pages_and_alternates(editor_client, secret_section):
    restrict_to_secretariat(editor_client, secret_section)
    restrict_to_secretariat(editor_client, page_in("history", "es"))

    root = ElementTree.fromstring(Client().get("/sitemap.xml").content)
    xml = ElementTree.tostring(root, encoding="unicode")

    assert "/board-minutes/" not in xml
    assert "/es/about/history/" not in xml
    assert "/en/about/history/" in xml


@pytest.mark.django_db
def test_search_does_not_find_a_restricted_page(editor_client, secret_section):
    anonymous = Client()
    assert SECRET_TITLE in main_text(anonymous.get("/en/search/", {"q": SECRET_WORD}).content.decode())

    restrict_to_secretariat(editor_client, secret_section)

    for visitor in (anonymous, editor_client):
        assert SECRET_TITLE not in main_text(visitor.get("/en/search/", {"q": SECRET_WORD}).content.decode())


@pytest.mark.django_db
def test_the_latest_resources_leave_out_a_restricted_resource(editor_client):
    resource = publish_resource("Internal evaluation", languages=(), date=datetime.date(2099, 1, 1))
    anonymous = Client()
    assert "Internal evaluation" in anonymous.get("/en/").content.decode()

    restrict_to_secretariat(editor_client, resource)

    for url in ("/en/", "/en/how-cti-can-help/", "/en/how-cti-can-help/tools-and-guides/"):
        assert "Internal evaluation" not in main_text(anonymous.get(url).content.decode()), url


@pytest.mark.django_db
def test_the_breadcrumb_of_a_restricted_page_is_seen_only_by_who_may_view_it(editor_client, secret_subpage):
    restrict_to_secretariat(editor_client, secret_subpage)

    anonymous = Client().get("/en/about/staff-rota/")
    assert anonymous.status_code == 302 and anonymous["Location"].startswith("/admin/login/")
    assert 'aria-current="page">Staff rota<' in editor_client.get("/en/about/staff-rota/").content.decode()
