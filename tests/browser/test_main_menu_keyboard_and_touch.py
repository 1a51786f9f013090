"""The main menu works with a keyboard and a finger: the phone's disclosure button, the desktop's submenus."""

from .support import expect

FOCUS_IS_VISIBLE = """() => {
    const element = document.activeElement;
    const style = getComputedStyle(element);
    return element.matches(":focus-visible") && style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2;
}"""
MAX_TABS = 30


def tab_until(page, locator):
    for _press in range(MAX_TABS):
        page.keyboard.press("Tab")
        if locator.evaluate("element => element === document.activeElement"):
            return
    raise AssertionError(f"{locator} cannot be reached with the Tab key")


def focused_element_is(page, locator):
    return locator.evaluate("element => element === document.activeElement")


def focus_is_inside_menu(page):
    return page.evaluate(
        """() => document.activeElement.matches(".menu-toggle")
            || document.getElementById("main-menu").contains(document.activeElement)"""
    )


def test_phone_menu_opens_and_closes_with_keyboard_and_tap(page, viewport):
    page.goto("/en/")
    toggle = page.locator(".menu-toggle")
    menu = page.locator("#main-menu")
    links = menu.locator("a[href]")
    if viewport == "desktop":
        expect(toggle).to_be_hidden()
        about = menu.locator(".main-menu__item").filter(has=page.locator(".main-menu__sublist")).first
        tab_until(page, about.locator(".main-menu__link"))
        assert page.evaluate(FOCUS_IS_VISIBLE)
        expect(about.locator(".main-menu__sublist")).to_be_visible()
        return

    expect(toggle).to_be_visible()
    expect(menu).to_be_hidden()
    expect(toggle).to_have_attribute("aria-expanded", "false")

    tab_until(page, toggle)
    assert page.evaluate(FOCUS_IS_VISIBLE)
    page.keyboard.press("Enter")
    expect(menu).to_be_visible()
    expect(toggle).to_have_attribute("aria-expanded", "true")
    assert focused_element_is(page, links.first)
    assert page.evaluate(FOCUS_IS_VISIBLE)

    for _link in range(links.count() + 1):
        page.keyboard.press("Tab")
        assert focus_is_inside_menu(page)
        assert page.evaluate(FOCUS_IS_VISIBLE)
    assert focused_element_is(page, links.first), "Tab from the last link comes back round through the button"
    page.keyboard.press("Shift+Tab")
    assert focused_element_is(page, toggle)
    page.keyboard.press("Shift+Tab")
    assert focused_element_is(page, links.last)

    page.keyboard.press("Escape")
    expect(menu).to_be_hidden()
    expect(toggle).to_have_attribute("aria-expanded", "false")
    assert focused_element_is(page, toggle)

    page.keyboard.press(" ")
    expect(menu).to_be_visible()
    page.keyboard.press("Escape")
    expect(menu).to_be_hidden()

    toggle.tap()
    expect(menu).to_be_visible()
    expect(toggle).to_have_attribute("aria-expanded", "true")
    toggle.tap()
    expect(menu).to_be_hidden()
    expect(toggle).to_have_attribute("aria-expanded", "false")
