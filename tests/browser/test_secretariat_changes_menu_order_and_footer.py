"""The Secretariat editor changes the menu once for every language: in the page explorer, the About
section's "Sort menu order", moves the last page to the top (dragging it by its handle);
the menu of all five languages shows the new order. Then Snippets → Footers → the English footer: the
editor changes the contact heading, previews it, publishes it; English visitors see it at once and the
edit screen says which languages still show the old footer until they are synced."""

import re

import pytest

from .admin_journeys import english_path_ids, open_sidebar_page_listing
from .demo_server import EDITOR_USERNAME
from .support import expect
from .test_editor_publishes_about_page import log_into_admin, publish

LANGUAGES = ["ar", "en", "es", "fr", "pt"]


@pytest.fixture(params=["desktop"])
def viewport(request):
    """Staff journeys: the desktop only."""
    return request.param


def about_menu_slugs(visitor, base_url, language_code):
    visitor.goto(f"{base_url}/{language_code}/")
    links = visitor.locator(f'#main-menu a.main-menu__sublink[href^="/{language_code}/about/"]')
    return [re.search(r"/about/([^/]+)/", href).group(1) for href in links.evaluate_all("links => links.map(l => l.getAttribute('href'))")]


def test_secretariat_changes_menu_order_and_footer_for_every_language(open_page, demo_server, viewport):
    base_url = demo_server.base_url
    visitor = open_page()
    before = about_menu_slugs(visitor, base_url, "en")
    assert len(before) >= 3
    for code in LANGUAGES:
        assert about_menu_slugs(visitor, base_url, code) == before

    editor = open_page()
    log_into_admin(editor, EDITOR_USERNAME, "/admin/")
    home_id, about_id = english_path_ids(demo_server, "HomePage", "AboutPage")
    open_sidebar_page_listing(editor, [home_id])
    about_row = editor.locator("main table tbody tr").filter(has=editor.locator(f'a[href="/admin/pages/{about_id}/"]'))
    about_row.get_by_role("button", name=re.compile("More options")).click()
    about_row.get_by_role("link", name="Sort menu order").click()
    expect(editor).to_have_url(re.compile(rf"/admin/pages/{about_id}/\?ordering=ord$"))

    handles = editor.locator('main [data-w-orderable-target="handle"]')
    rows = editor.locator("main table tbody tr")
    expect(rows.first).to_be_visible()
    expect(handles).to_have_count(rows.count())
    handles.last.drag_to(handles.first)
    expect(editor.locator(".messages")).to_contain_text("moved successfully")

    # A new visitor: browsers keep a public page for a minute, only the server's caches are purged.
    visitor = open_page()
    expected = [before[-1], *before[:-1]]
    for code in LANGUAGES:
        assert about_menu_slugs(visitor, base_url, code) == expected, code

    new_heading = "Write to the CTI Secretariat in Geneva"
    editor.locator('.sidebar a[href="/admin/snippets/"]').click()
    editor.locator("main").get_by_role("link", name=re.compile("Footers")).click()
    expect(editor).to_have_url(re.compile(r"/admin/snippets/pages/footercontent/"))
    editor.locator("main table").get_by_role("link", name=re.compile(r"footer \(English\)")).click()
    editor.locator("#id_contact_heading").fill(new_heading)

    editor.get_by_role("button", name="Toggle preview").click()
    preview = editor.frame_locator("iframe#w-preview-iframe")
    expect(preview.locator("footer.site-footer")).to_contain_text(new_heading, timeout=15_000)

    publish(editor)
    expect(editor.locator(".messages")).to_contain_text("published")

    visitor = open_page()
    visitor.goto(f"{base_url}/en/")
    expect(visitor.locator("footer.site-footer")).to_contain_text(new_heading)
    visitor.goto(f"{base_url}/es/")
    expect(visitor.locator("footer.site-footer")).not_to_contain_text(new_heading)

    editor.locator("main table").get_by_role("link", name=re.compile(r"footer \(English\)")).click()
    status = editor.locator("[data-translation-status]")
    for code in ("ar", "es", "fr", "pt"):
        expect(status.locator(f'tr[data-language="{code}"]')).to_contain_text("Out of date")
    expect(status.get_by_role("link", name="Sync translated snippets")).to_be_visible()
