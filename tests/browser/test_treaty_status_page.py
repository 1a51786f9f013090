"""Where every State stands on the Convention: a visitor reads the figures and the map, filters the table
by region and status and sorts it, in English and in Arabic, on a phone and on a desktop, and axe-core
finds nothing to fix; a Secretariat editor corrects a row from the admin menu and every language shows it."""

import re
from urllib.parse import parse_qs, urlsplit

import pytest

from .demo_server import EDITOR_USERNAME
from .support import ARTIFACTS, expect
from .test_accessibility import scan
from .test_editor_publishes_about_page import log_into_admin

REGION_LINK = {"en": "Europe", "ar": "أوروبا"}


@pytest.fixture(autouse=True)
def artifacts_folder():
    ARTIFACTS.mkdir(exist_ok=True)


@pytest.mark.parametrize("language_code", ["en", "ar"])
def test_visitor_reads_filters_and_sorts_the_status_of_every_state(open_page, demo_server, viewport, language_code):
    page = open_page(locale=language_code)
    url = demo_server.url("TreatyStatusPage", language_code)
    page.goto(url)

    expect(page.locator("html")).to_have_attribute("dir", "rtl" if language_code == "ar" else "ltr")
    expect(page.locator(".ts-figures__treaty dd").first).to_have_text("171")
    expect(page.locator(".ts-map__svg")).to_be_visible()
    assert page.locator(".ts-map__svg").evaluate("svg => getComputedStyle(svg).direction") == "ltr"
    expect(page.locator(".ts-table tbody tr")).to_have_count(193)
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1"), "the page scrolls sideways"
    assert scan(page, f"{url} (treaty status)", viewport) == []

    page.locator(".ts-filters__group").first.get_by_role("link", name=REGION_LINK[language_code], exact=True).click()
    assert parse_qs(urlsplit(page.url).query) == {"region": ["150"]}
    expect(page.locator(".ts-filters__group").first.locator('[aria-current="true"]')).to_have_text(REGION_LINK[language_code])
    european_states = page.locator(".ts-table tbody tr").count()
    assert 40 < european_states < 50

    page.locator(".ts-filters__group").nth(2).locator("li").nth(3).click()
    assert parse_qs(urlsplit(page.url).query) == {"region": ["150"], "opcat": ["neither"]}
    rows = page.locator(".ts-table tbody tr")
    assert 0 < rows.count() < european_states
    for row in rows.all():
        expect(row.locator("td.ts-status").nth(1)).to_have_class(re.compile(r"\bts-neither\b"))

    page.locator(".ts-table thead th").nth(2).get_by_role("link").click()
    assert parse_qs(urlsplit(page.url).query)["sort"] == ["uncat"]
    expect(page.locator(".ts-table thead th").nth(2)).to_have_attribute("aria-sort", "ascending")
    assert scan(page, f"{url}?… (filtered and sorted)", viewport) == []


def test_secretariat_editor_corrects_a_row_from_the_admin_menu(open_page, demo_server, viewport):
    if viewport != "desktop":
        pytest.skip("a staff journey: the desktop viewport is enough")
    editor = open_page()
    log_into_admin(editor, EDITOR_USERNAME, "/admin/")

    editor.locator("nav").get_by_role("link", name="Treaty status").click()
    editor.wait_for_url("**/admin/treaty-status/")
    editor.locator('#id_q').fill("Bhutan")
    editor.locator('#id_q').press("Enter")
    editor.get_by_role("link", name="Bhutan").first.click()
    editor.wait_for_url(re.compile(r"/admin/treaty-status/edit/\d+/"))
    treaty = editor.locator('select[name="treaty"]').input_value()
    editor.locator('select[name="status"]').select_option("signatory")
    editor.locator('input[name="checked_on"]').fill("2025-03-03")
    editor.locator('input[name="source"]').fill("Checked by the Secretariat with the Permanent Mission")
    editor.locator("#header-title").click()  # closes the date picker, which covers the Save button
    editor.locator('#w-editor-form footer button[type="submit"]').first.click()
    expect(editor.locator(".messages .success")).to_be_visible()

    visitor = open_page(locale="fr-FR")
    for language_code, name in (("fr", "Bhoutan"), ("ar", "بوتان"), ("en", "Bhutan")):
        visitor.goto(demo_server.url("TreatyStatusPage", language_code))
        row = visitor.locator(".ts-table tbody tr").filter(has=visitor.locator("th", has_text=name))
        expect(row.locator("td.ts-status").nth(0 if treaty == "uncat" else 1)).to_have_class(re.compile(r"\bts-signatory\b"))
