"""A visitor whose browser prefers French reaches the History page, then reads it in Arabic, right to left."""

import re

from .layout import (
    TOLERANCE,
    boxes,
    heading_text_box,
    runs_left_to_right,
    runs_right_to_left,
    starts_on_the_right,
    text_boxes,
)
from .support import expect


def press(locator, viewport):
    if viewport == "phone":
        locator.tap()
    else:
        locator.click()


def open_history_through_the_menu(page, history_path, viewport):
    history_link = page.locator(f'.main-menu__sublink[href="{history_path}"]')
    if viewport == "phone":
        page.locator(".menu-toggle").tap()
    else:
        page.locator(".main-menu__item").filter(has=history_link).locator(".main-menu__link").hover()
    expect(history_link).to_be_visible()
    press(history_link, viewport)


def test_french_visitor_switches_to_arabic_history(open_page, demo_server, viewport):
    history = {code: demo_server.url("HistoryPage", code) for code in ("fr", "ar")}
    page = open_page(locale="fr-FR")

    page.goto("/")
    expect(page).to_have_url(re.compile(r"/fr/$"))
    expect(page.locator("html")).to_have_attribute("lang", "fr")

    open_history_through_the_menu(page, history["fr"], viewport)
    expect(page).to_have_url(re.compile(re.escape(history["fr"]) + "$"))
    french_heading = heading_text_box(page)
    assert abs(french_heading["textLeft"] - french_heading["contentLeft"]) <= TOLERANCE
    assert runs_left_to_right(boxes(page, ".breadcrumb li"))

    press(page.locator('.language-switcher a[lang="ar"]'), viewport)
    expect(page).to_have_url(re.compile(re.escape(history["ar"]) + "$"))
    expect(page.locator("html")).to_have_attribute("lang", "ar")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.locator(".language-switcher__current")).to_have_attribute("lang", "ar")

    arabic_heading = heading_text_box(page)
    assert abs(arabic_heading["textRight"] - arabic_heading["contentRight"]) <= TOLERANCE, arabic_heading
    assert runs_right_to_left(boxes(page, ".breadcrumb li"))
    assert runs_right_to_left(boxes(page, ".language-switcher li"))
    if viewport == "desktop":
        assert runs_right_to_left(boxes(page, ".main-menu__item"))
    else:
        page.locator(".menu-toggle").tap()
        assert starts_on_the_right(text_boxes(page, ".main-menu__link"))
