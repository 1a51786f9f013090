"""A visitor reading in Spanish searches the site and opens a result, still in Spanish."""

import re

from .support import expect


def test_visitor_searches_in_spanish_and_opens_result(open_page):
    page = open_page(locale="es-ES")
    page.goto("/es/")
    menu_toggle = page.locator(".menu-toggle")
    if menu_toggle.is_visible():
        menu_toggle.click()
    page.locator('#main-menu a[href="/es/search/"]').click()
    expect(page).to_have_url(re.compile(r"/es/search/$"))

    search_box = page.locator('main input[type="search"]')
    search_box.fill("historia")
    search_box.press("Enter")
    results = page.locator(".search-result__title a")
    expect(results.first).to_be_visible()
    first_title = results.first.inner_text()
    first_path = results.first.get_attribute("href")
    assert first_path.startswith("/es/")

    results.first.click()
    expect(page).to_have_url(re.compile(re.escape(first_path) + "$"))
    expect(page.locator("html")).to_have_attribute("lang", "es")
    expect(page.locator("main h1")).to_have_text(first_title)
