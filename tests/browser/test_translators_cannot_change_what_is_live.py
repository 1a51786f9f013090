"""A translator may change the text of their own language, not what visitors are served: the Spanish and the
Arabic translators, each in their own admin language, open their language's About page from the page
explorer; the translation editor offers them neither "Convert to alias page" (which would replace the live
translation with the English page) nor Publish nor Unpublish, and the conversion's address, typed in, is
refused with a message. The French page is not in their explorer, and its editor refuses them with a
message. The Secretariat editor, who may publish, is offered all of these on the same page: the buttons
looked for are the real ones."""

import re

import pytest

from .admin_journeys import open_sidebar_page_listing
from .demo_server import ARABIC_TRANSLATOR_USERNAME, EDITOR_USERNAME, SPANISH_TRANSLATOR_USERNAME
from .support import expect
from .test_editor_publishes_about_page import log_into_admin
from .test_translator_updates_spanish_about_page import (  # noqa: F401 - the viewport fixture: desktop only
    ADMIN_PAGES_API,
    PAGE_CHOOSER_PREVIEW_ERRORS,
    viewport,
)

TRANSLATORS = {
    "es": (SPANISH_TRANSLATOR_USERNAME, "es-ES"),
    "ar": (ARABIC_TRANSLATOR_USERNAME, "ar"),
}
# The message of translation_workflow/wagtail_localize_workaround_publish_rights.py, in English until the
# catalogues have its translation, then in the translator's language.
ALIAS_REFUSED = {
    "es": re.compile(r"Only someone who may publish in .+ can replace|Solo quien puede publicar en .+ puede sustituir"),
    "ar": re.compile(r"Only someone who may publish in .+ can replace|لا يمكن استبدال هذه الترجمة بالصفحة المصدر"),
}


def convert_to_alias_links(page, page_id):
    return page.locator(f'.js-translation-editor footer a[href*="/localize/page/{page_id}/convert_to_alias/"]')


def publish_buttons(page):
    return page.locator('.js-translation-editor footer button[name="action"][value="publish"]')


def unpublish_links(page, page_id):
    return page.locator(f'.js-translation-editor footer a[href*="/admin/pages/{page_id}/unpublish/"]')


def open_the_sidebar_explorer(page, home_id):
    """Sidebar "Pages": the explorer opens on the home page of the user's language."""
    pages_menu = page.locator(".sidebar button.sidebar-menu-item__link").filter(has=page.locator(".icon-folder-open-inverse"))
    pages_menu.click()
    explorer = page.locator(".c-page-explorer")
    expect(explorer.locator(f'a.c-page-explorer__header__title[href="/admin/pages/{home_id}/"]')).to_be_visible()
    return explorer


def watch_failures(page, page_watch, demo_server, about):
    """The About page's call to action previews the English Advice hub through the admin pages API, which
    answers 404 to a translator (see test_translator_updates_spanish_about_page); every other failed
    request is a failure."""
    failed = []
    page.on("response", lambda response: response.status >= 400 and failed.append(response.url))
    for error in PAGE_CHOOSER_PREVIEW_ERRORS:
        page_watch.forgive(f"{demo_server.base_url}/admin/pages/{about['id']}/edit/: {error}")
    return failed


@pytest.mark.parametrize("language_code", list(TRANSLATORS))
def test_translator_is_offered_no_action_that_changes_the_live_page(
    open_page, demo_server, page_watch, language_code
):
    username, admin_locale = TRANSLATORS[language_code]
    pages = demo_server.pages()
    home, about, french_about = pages["HomePage"][language_code], pages["AboutPage"][language_code], pages["AboutPage"]["fr"]

    visitor = open_page(locale=admin_locale)
    visitor.goto(about["url"])
    live_title = visitor.locator("h1").first.inner_text()

    translator = open_page(locale=admin_locale)
    failed = watch_failures(translator, page_watch, demo_server, about)
    log_into_admin(translator, username, "/admin/")
    expect(translator.locator("html")).to_have_attribute("lang", re.compile(rf"^{language_code}"))
    explorer = open_the_sidebar_explorer(translator, home["id"])
    for french_page in (pages["HomePage"]["fr"], french_about):
        expect(explorer.locator(f'a[href^="/admin/pages/{french_page["id"]}/"]')).to_have_count(0)
    explorer.locator(f'a.c-page-explorer__item__action[href="/admin/pages/{about["id"]}/edit/"]').click()
    expect(translator).to_have_url(re.compile(rf"/admin/pages/{about['id']}/edit/$"))

    # The editor is drawn, footer and all, before anything is looked for in it.
    footer = translator.locator(".js-translation-editor footer nav.actions")
    expect(footer).to_be_visible()
    expect(translator.locator(".js-translation-editor li.complete").first).to_be_visible()
    expect(convert_to_alias_links(translator, about["id"])).to_have_count(0)
    expect(publish_buttons(translator)).to_have_count(0)
    expect(unpublish_links(translator, about["id"])).to_have_count(0)
    # What they may do instead: send their text to the Secretariat.
    expect(translator.locator("form.translation-moderation button[type='submit']")).to_be_visible()

    # The conversion's address, typed in, is refused with a message and changes nothing.
    translator.goto(f"/admin/localize/page/{about['id']}/convert_to_alias/")
    expect(translator).to_have_url(re.compile(rf"/admin/pages/{about['id']}/edit/$"))
    expect(translator.locator(".messages .error")).to_have_text(ALIAS_REFUSED[language_code])
    expect(translator.locator(".js-translation-editor footer nav.actions")).to_be_visible()

    # The French page's editor, from a link someone shares: refused with a message, not an error page.
    response = translator.goto(f"/admin/pages/{french_about['id']}/edit/")
    assert response.status == 200
    expect(translator).to_have_url(re.compile(r"/admin/$"))
    expect(translator.locator(".messages .error")).to_be_visible()
    expect(translator.locator(".js-translation-editor")).to_have_count(0)

    visitor.reload()
    expect(visitor).to_have_url(re.compile(re.escape(about["url"]) + "$"))
    expect(visitor.locator("html")).to_have_attribute("lang", re.compile(rf"^{language_code}"))
    expect(visitor.locator("h1").first).to_have_text(live_title)
    assert all(ADMIN_PAGES_API.search(url) for url in failed), failed


def test_the_secretariat_is_offered_them_on_the_same_page(open_page, demo_server):
    pages = demo_server.pages()
    spanish_home, spanish_about = pages["HomePage"]["es"], pages["AboutPage"]["es"]

    editor = open_page()
    log_into_admin(editor, EDITOR_USERNAME, "/admin/")
    open_sidebar_page_listing(editor, [spanish_home["id"]])
    editor.locator(f'main table a[href="/admin/pages/{spanish_about["id"]}/edit/"]').first.click()
    expect(editor).to_have_url(re.compile(rf"/admin/pages/{spanish_about['id']}/edit/$"))
    expect(editor.locator(".js-translation-editor footer nav.actions")).to_be_visible()
    expect(publish_buttons(editor)).to_have_count(1)
    expect(convert_to_alias_links(editor, spanish_about["id"])).to_have_count(1)
    expect(unpublish_links(editor, spanish_about["id"])).to_have_count(1)
