"""Markup typed into a translation never reaches a visitor. The Spanish translator, in the translation editor
of the Spanish Core States page, types into a paragraph a text that Python's HTML parser reads as one
comment but a browser as an empty comment followed by a live `<meta http-equiv="refresh">` to another
site. The editor refuses it with a message beside the text; the translator submits the page, the
Secretariat approves it from the dashboard, and an anonymous Spanish visitor who opens the page stays on
it: no redirection, no `<meta http-equiv>` in the page, no request to another site. The translator then
corrects the text, which the editor accepts."""

import re

from .demo_server import EDITOR_USERNAME, SPANISH_TRANSLATOR_USERNAME
from .support import expect
from .test_editor_publishes_about_page import log_into_admin
from .test_translator_updates_spanish_about_page import (  # noqa: F401 - the viewport fixture: desktop only
    SPANISH_ADMIN,
    approve_from_dashboard,
    submit_for_approval,
    viewport,
)
from .test_translators_cannot_change_what_is_live import open_the_sidebar_explorer

AUDIT_TEXT = 'Texto <!--><meta http-equiv="refresh" content="0;url=https://example.org/">-->'
# translation_workflow/sanitise.py's DISALLOWED_MARKUP_MESSAGE: in English until the catalogues have its
# translation, then in Spanish.
DISALLOWED_MARKUP = re.compile(
    r"This text contains markup that is not allowed\.|Este texto contiene marcado que no está permitido\."
)
# The paragraph block's label in the Spanish admin ("Text" until translated).
PARAGRAPH_FIELD = re.compile(r"^(Texto|Text)$")
CORRECTED_TEXT = "Los seis Estados núcleo de la CTI lideran la iniciativa mediante su diplomacia."
SECONDS_A_REFRESH_WOULD_TAKE = 2


def open_from_the_sidebar_explorer(page, home_id, about_id, page_id):
    """Sidebar "Pages" → "About" in the translator's language → its child page's "Edit"."""
    explorer = open_the_sidebar_explorer(page, home_id)
    explorer.locator(f'a.c-page-explorer__item__link[href="/admin/pages/{about_id}/"]').click()
    expect(page).to_have_url(re.compile(rf"/admin/pages/{about_id}/$"))
    page.locator(f'main table a[href="/admin/pages/{page_id}/edit/"]').first.click()
    expect(page).to_have_url(re.compile(rf"/admin/pages/{page_id}/edit/$"))


def paragraph_segment(translator):
    field = translator.locator(".js-translation-editor section ul > li").filter(
        has=translator.locator("h3", has_text=PARAGRAPH_FIELD)
    )
    return field.first.locator(":scope > ul > li").first


def block_other_sites(visitor, site_base_url):
    """Every request to another site is recorded and never leaves the browser."""
    attempted = []

    def handle(route):
        if route.request.url.startswith(site_base_url):
            route.continue_()
        else:
            attempted.append(route.request.url)
            route.abort()

    visitor.route("**/*", handle)
    return attempted


def test_a_refresh_typed_into_a_translation_never_redirects_a_visitor(open_page, demo_server, page_watch):
    pages = demo_server.pages()
    spanish_home, spanish_about = pages["HomePage"]["es"], pages["AboutPage"]["es"]
    core_states = pages["CoreStatesPage"]["es"]
    edit_path = f"/admin/pages/{core_states['id']}/edit/"

    translator = open_page(locale=SPANISH_ADMIN)
    log_into_admin(translator, SPANISH_TRANSLATOR_USERNAME, "/admin/")
    open_from_the_sidebar_explorer(translator, spanish_home["id"], spanish_about["id"], core_states["id"])
    segment = paragraph_segment(translator)
    expect(segment).to_be_visible()
    segment.locator("button").first.click()
    answer = segment.locator("textarea")
    answer.fill(AUDIT_TEXT)
    answer.press("Enter")
    expect(segment).to_have_class(re.compile(r"\berrored\b"))
    expect(segment).to_contain_text(DISALLOWED_MARKUP)
    # Kept as typed, so that the translator sees what to fix; shown as text, never as markup.
    expect(segment.locator("div[lang='es']")).to_have_text(AUDIT_TEXT)
    expect(translator.locator("meta[http-equiv]")).to_have_count(0)

    # Still refused when the editor is opened again.
    translator.reload()
    segment = paragraph_segment(translator)
    expect(segment).to_have_class(re.compile(r"\berrored\b"))
    expect(segment).to_contain_text(DISALLOWED_MARKUP)

    submit_for_approval(translator, edit_path)
    editor = open_page()
    log_into_admin(editor, EDITOR_USERNAME, "/admin/")
    approve_from_dashboard(editor, core_states["id"])

    visitor = open_page(locale="es-ES")
    attempted = block_other_sites(visitor, demo_server.base_url)
    response = visitor.goto(core_states["url"])
    assert response.status == 200
    served = response.text()
    assert "http-equiv" not in served.lower(), "the page carries a <meta http-equiv>"
    assert "example.org" not in served
    expect(visitor.locator("h1")).to_be_visible()
    visitor.wait_for_timeout(SECONDS_A_REFRESH_WOULD_TAKE * 1000)
    assert visitor.url == f"{demo_server.base_url}{core_states['url']}"
    expect(visitor.locator("html")).to_have_attribute("lang", re.compile(r"^es"))
    expect(visitor.locator("meta[http-equiv]")).to_have_count(0)
    assert attempted == [], attempted
    assert not page_watch.foreign_requests, page_watch.foreign_requests

    # The translator corrects the text: accepted, the message gone.
    translator.reload()
    segment = paragraph_segment(translator)
    segment.locator("button").first.click()
    answer = segment.locator("textarea")
    expect(answer).to_have_value(AUDIT_TEXT)
    answer.fill(CORRECTED_TEXT)
    answer.press("Enter")
    expect(segment).to_have_class(re.compile(r"\bcomplete\b"))
    expect(segment.locator("div[lang='es']")).to_have_text(CORRECTED_TEXT)
    expect(segment).not_to_contain_text(DISALLOWED_MARKUP)
