"""The admin pages the staff use load under the admin's Content-Security-Policy with no violation:
the Secretariat editor's dashboard, page editor, documents' multiple upload and snippets, and the
Spanish translator's translation editor (wagtail-localize's React editor). Chromium reports every
blocked script, style, image or connection as a `securitypolicyviolation` event, recorded here."""

import pytest

from .demo_server import EDITOR_USERNAME, SPANISH_TRANSLATOR_USERNAME
from .support import expect
from .test_editor_publishes_about_page import log_into_admin

RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
    window.__cspViolations.push(`${event.effectiveDirective} blocked ${event.blockedURI || "inline"} `
        + `at ${event.sourceFile}:${event.lineNumber} ${event.sample}`);
});
"""


def violations(page):
    return page.evaluate("window.__cspViolations")


def open_recording(open_page, **options):
    page = open_page(**options)
    page.add_init_script(RECORD_VIOLATIONS)
    return page


@pytest.fixture
def viewport():
    return "desktop"


def test_the_secretariat_editors_admin_pages_load_with_no_csp_violation(open_page, demo_server):
    resource = demo_server.pages()["ResourcePage"]["en"]
    editor = open_recording(open_page)
    seen = {}

    log_into_admin(editor, EDITOR_USERNAME, "/admin/")
    expect(editor.locator(".w-dashboard")).to_be_visible()
    seen["dashboard"] = violations(editor)

    editor.goto(f"/admin/pages/{resource['id']}/edit/")
    expect(editor.locator("form#page-edit-form")).to_be_visible()
    editor.locator('[data-side-panel-toggle="status"]').click()
    seen["page editor"] = violations(editor)

    editor.locator('.sidebar a[href="/admin/documents/"]').first.click()
    editor.locator('a[href="/admin/documents/multiple/add/"]').first.click()
    expect(editor.locator("#fileupload")).to_be_attached()
    seen["documents' multiple upload"] = violations(editor)

    editor.locator('.sidebar a[href="/admin/snippets/"]').first.click()
    editor.locator("main table a").first.click()
    expect(editor.locator("main")).to_be_visible()
    seen["snippets"] = violations(editor)

    assert {name: found for name, found in seen.items() if found} == {}


def test_the_translation_editor_loads_with_no_csp_violation(open_page, demo_server, page_watch):
    about = demo_server.pages()["AboutPage"]["es"]
    translator = open_recording(open_page, locale="es-ES")

    log_into_admin(translator, SPANISH_TRANSLATOR_USERNAME, f"/admin/pages/{about['id']}/edit/")
    expect(translator.locator(".js-translation-editor li").first).to_be_visible()
    translator.locator(".js-translation-editor li button").first.click()
    expect(translator.locator(".js-translation-editor textarea").first).to_be_visible()

    assert violations(translator) == []
    # As in the Spanish translator's journey: wagtail-localize's preview of a link to an English page.
    page_watch.forgive("Failed to load resource: the server responded with a status of 404")
