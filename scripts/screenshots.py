"""The README's staff screenshots (docs/screenshots/*.png), taken in Debian's Chromium against the demo server.

`make screenshots`. Every screen is reached as a person reaches it: the sidebar menu, the dashboard's
panels and the buttons on each screen, so the pictures show what a new Secretariat member will click.
REUSE_DEMO_SERVER=WORKDIR:PORT uses a demo server already running (see tests/browser/support.py).
"""

import re
import sys
import uuid
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPOSITORY))

from tests.browser.demo_server import (  # noqa: E402
    EDITOR_USERNAME,
    HELP_DESK_USERNAME,
    SPANISH_TRANSLATOR_USERNAME,
)
from tests.browser.support import CHROMIUM, CHROMIUM_ARGS, DemoServer, expect, sync_playwright  # noqa: E402
from tests.browser.test_editor_publishes_about_page import log_into_admin  # noqa: E402
from tests.browser.test_translator_updates_spanish_about_page import (  # noqa: E402
    edit_english_introduction_from_the_coverage_report,
    filter_coverage,
    open_coverage_report,
    submit_for_approval,
)

SCREENSHOTS = REPOSITORY / "docs" / "screenshots"
VIEWPORT = {"width": 1280, "height": 860}


def shoot(page, name):
    page.wait_for_load_state("networkidle")
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=path, full_page=False)
    print(f"  {path.relative_to(REPOSITORY)}")


def open_sidebar_item(page, label, parent=None):
    """Click a sidebar menu item by its label, opening its group first when it has one."""
    sidebar = page.locator("#wagtail-sidebar")
    if parent:
        sidebar.get_by_role("button", name=parent).click()
    sidebar.get_by_role("link", name=label, exact=True).first.click()


def staff_journeys(browser, server):
    about = server.pages()["AboutPage"]
    run = uuid.uuid4().hex[:6]

    def new_page(locale="en-GB"):
        context = browser.new_context(base_url=server.base_url, locale=locale, viewport=VIEWPORT)
        context.set_default_timeout(20_000)
        return context.new_page()

    editor = new_page()
    log_into_admin(editor, EDITOR_USERNAME, "/admin/")
    edit_english_introduction_from_the_coverage_report(editor, about["en"]["id"], run)
    open_coverage_report(editor)
    filter_coverage(editor, "es", "out-of-date")
    shoot(editor, "coverage-report")

    translator = new_page("es-ES")
    log_into_admin(translator, SPANISH_TRANSLATOR_USERNAME, "/admin/")
    expect(translator.locator("#translator-to-do-content")).to_be_visible()
    shoot(translator, "translator-dashboard")
    row = translator.locator(f'#translator-to-do-content tr[data-page="{about["en"]["id"]}"][data-language="es"]')
    row.locator("button[type='submit']").click()
    changes = translator.locator("section.translation-changes")
    expect(changes).to_be_visible()
    changes.scroll_into_view_if_needed()
    shoot(translator, "translation-editor-what-changed")
    changes.locator("li.translation-change button[type='submit']").first.click()
    expect(translator.locator(".messages .success")).to_be_visible()
    submit_for_approval(translator, f"/admin/pages/{about['es']['id']}/edit/")

    editor.goto("/admin/")
    expect(editor.locator("#translations-awaiting-approval-content")).to_be_visible()
    shoot(editor, "secretariat-dashboard")
    editor.locator(f'#translations-awaiting-approval-content tr[data-page="{about["es"]["id"]}"] a').last.click()
    approve = editor.locator('button[name="action"][value="approve"]')
    expect(approve).to_be_visible()
    shoot(editor, "approve-translation")
    approve.click()
    expect(editor.locator(".messages .success")).to_be_visible()

    open_sidebar_item(editor, "Documents")
    editor.get_by_role("link", name=re.compile("Add a document", re.I)).first.click()
    editor.wait_for_url(re.compile(r"/admin/documents/multiple/add/"))
    shoot(editor, "document-upload")

    send_advice_query(new_page("pt-PT"), server)
    help_desk = new_page()
    log_into_admin(help_desk, HELP_DESK_USERNAME, "/admin/")
    open_sidebar_item(help_desk, "Queries", parent="Advice hub")
    help_desk.locator("table.listing tbody tr a").first.click()
    shoot(help_desk, "advice-query")


def send_advice_query(visitor, server):
    """A visitor's query, so that the help desk has one to open."""
    visitor.goto(server.url("AdviceHubPage", "pt"))
    form = visitor.locator("form.advice-form")
    form.locator('[name="name"]').fill("Ana Ferreira")
    form.locator('[name="position"]').fill("Assessora jurídica")
    form.locator('[name="institution"]').fill("Ministério da Justiça")
    form.locator('[name="country"]').select_option("MZ")
    form.locator('[name="email"]').fill("ana.ferreira@example.org")
    form.locator('[name="topic"]').select_option(index=1)
    form.locator('[name="question"]').fill(
        "Que passos recomenda a CTI para preparar a ratificação da Convenção contra a Tortura?"
    )
    form.locator('[name="preferred_language"]').select_option("pt")
    form.locator('[name="consent"]').check()
    form.locator('button[type="submit"]').click()
    expect(visitor.locator(".advice-confirmation")).to_be_visible()


def main():
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    server = DemoServer.running_or_new()
    try:
        server.wait_until_serving()
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
            try:
                print(f"Screenshots in {SCREENSHOTS.relative_to(REPOSITORY)}:")
                staff_journeys(browser, server)
            finally:
                browser.close()
    finally:
        if server.owns_workdir:
            server.stop()


if __name__ == "__main__":
    main()
