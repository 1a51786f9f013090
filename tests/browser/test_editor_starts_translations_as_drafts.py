"""The Secretariat editor publishes a new English page and has it translated into every language: the
translations are drafts, which visitors cannot reach (404, not in the sitemap, not offered by the
English page's language switcher or its hreflang links). The Spanish translator translates the page and
submits it; only once the Secretariat approves it from the dashboard is the Spanish page live, and the
other languages stay drafts."""

import re
import uuid

from .admin_journeys import open_sidebar_page_listing, watch_autosave_refusals
from .demo_server import EDITOR_USERNAME, SPANISH_TRANSLATOR_USERNAME
from .support import LANGUAGES, expect
from .test_editor_publishes_about_page import log_into_admin, publish
from .test_translator_updates_spanish_about_page import (  # noqa: F401 - the viewport fixture: desktop only
    SPANISH_ADMIN,
    approve_from_dashboard,
    coverage_row,
    filter_coverage,
    open_coverage_report,
    submit_for_approval,
    viewport,
)

NOT_FOUND = "Failed to load resource: the server responded with a status of 404 (Not Found)"
OTHER_LANGUAGES = [code for code in LANGUAGES if code != "en"]


def add_english_page_under_home(editor, home_id, title, introduction):
    """Page explorer → the English home page → Add child page → Standard page → Publish.

    Returns (English page id, its public path)."""
    open_sidebar_page_listing(editor, [home_id])
    editor.locator(f'#w-slim-header-buttons a[href="/admin/pages/{home_id}/add_subpage/"]').click()
    # The type is chosen for the editor when the home page allows no other (About and How CTI can help
    # exist once per language).
    standard_page = editor.locator(f'main a[href="/admin/pages/add/pages/standardpage/{home_id}/"]')
    expect(editor.locator('[name="title"]').or_(standard_page)).to_be_visible()
    if standard_page.count():
        standard_page.click()
    expect(editor).to_have_url(re.compile(rf"/admin/pages/add/pages/standardpage/{home_id}/$"))
    editor.locator('[name="title"]').fill(title)
    editor.locator('[name="introduction"]').fill(introduction)
    # Wagtail fills the slug from the title once the title field is left: publishing before is refused.
    expect(editor.locator('[name="slug"]')).not_to_have_value("")
    publish(editor)
    expect(editor).to_have_url(re.compile(rf"/admin/pages/{home_id}/$"))
    expect(editor.locator(".messages .success")).to_contain_text(title)
    row = editor.locator("main table tbody tr").filter(has=editor.get_by_text(title, exact=True))
    edit_link = row.locator('td.title a[href$="/edit/"]').first
    page_id = int(re.search(r"/admin/pages/(\d+)/edit/$", edit_link.get_attribute("href")).group(1))
    return page_id, row.locator("a.w-status").get_attribute("href")


def translate_into_every_language(editor, page_id, title):
    """The page's edit view → the header's actions menu → Translate this page → Select all → Submit."""
    editor.locator(f'main table a[href="/admin/pages/{page_id}/edit/"]').first.click()
    expect(editor).to_have_url(re.compile(rf"/admin/pages/{page_id}/edit/$"))
    actions = editor.locator("#w-slim-header-buttons .w-dropdown")
    actions.locator('[data-w-dropdown-target="toggle"]').click()
    actions.locator(f'a[href="/admin/localize/submit/page/{page_id}/"]').click()
    expect(editor).to_have_url(re.compile(rf"/admin/localize/submit/page/{page_id}/$"))
    editor.locator("#id_select_all").check()
    for locale in editor.locator('input[name="locales"]').all():
        expect(locale).to_be_checked()
    editor.locator('main form input[type="submit"]').click()
    expect(editor.locator(".messages .success")).to_contain_text(title)
    expect(editor.locator(".messages .success")).to_contain_text(str(len(OTHER_LANGUAGES)))


def public_status(visitor, path):
    response = visitor.goto(path)
    return response.status


def sitemap(visitor):
    response = visitor.goto("/sitemap.xml")
    assert response.status == 200
    return response.text()


def translate_segment(translator, english_text, spanish_text):
    segment = translator.locator(".js-translation-editor li.incomplete").filter(has_text=english_text)
    expect(segment).to_have_count(1)
    segment.locator("button").click()
    answer = segment.locator("textarea")
    answer.fill(spanish_text)
    answer.press("Enter")
    done = translator.locator(".js-translation-editor li.complete").filter(has_text=english_text)
    expect(done).to_contain_text(spanish_text)


def test_new_translations_stay_drafts_until_the_secretariat_approves_them(open_page, demo_server, page_watch):
    pages = demo_server.pages()
    home_id = pages["HomePage"]["en"]["id"]
    run = uuid.uuid4().hex[:6]
    title = f"Regional dialogue on prevention {run}"
    introduction = f"What the regional dialogue on prevention of torture covers ({run})."
    spanish_title = f"Diálogo regional sobre prevención {run}"
    spanish_introduction = f"Lo que abarca el diálogo regional sobre la prevención de la tortura ({run})."

    editor = open_page()
    watch_autosave_refusals(editor, page_watch, demo_server.base_url, f"/admin/pages/add/pages/standardpage/{home_id}/")
    log_into_admin(editor, EDITOR_USERNAME, "/admin/")
    english_id, english_path = add_english_page_under_home(editor, home_id, title, introduction)
    assert re.fullmatch(r"/en/[\w-]+/", english_path), english_path
    translate_into_every_language(editor, english_id, title)
    paths = {code: re.sub(r"^/en/", f"/{code}/", english_path) for code in LANGUAGES}

    visitor = open_page()
    for code in OTHER_LANGUAGES:
        page_watch.forgive(f"{demo_server.base_url}{paths[code]}: {NOT_FOUND}")
        assert public_status(visitor, paths[code]) == 404, f"the {code} draft is served at {paths[code]}"
    listed = sitemap(visitor)
    assert f"{demo_server.base_url}{paths['en']}" in listed
    for code in OTHER_LANGUAGES:
        assert paths[code] not in listed, f"the {code} draft is in the sitemap"

    assert public_status(visitor, paths["en"]) == 200
    expect(visitor.locator("h1.page-header__title")).to_have_text(title)
    for code in OTHER_LANGUAGES:
        expect(visitor.locator(f'head link[rel="alternate"][hreflang="{code}"]')).to_have_count(0)
        offer = visitor.locator(f'nav.language-switcher a[hreflang="{code}"]')
        expect(offer.locator(".visually-hidden")).to_have_count(1)
        expect(offer).to_have_attribute("title", re.compile(r"\S"))
    visitor.locator('nav.language-switcher a[hreflang="es"]').first.click()
    expect(visitor).to_have_url(re.compile(r"/es/(\?untranslated=1)?$"))

    translator = open_page(locale=SPANISH_ADMIN)
    log_into_admin(translator, SPANISH_TRANSLATOR_USERNAME, "/admin/")
    open_coverage_report(translator)
    filter_coverage(translator, "es", "missing")
    cell = coverage_row(translator, english_id).locator('td[data-language="es"]')
    expect(cell).to_have_attribute("data-status", "missing")
    cell.locator('a[href$="/edit/"]').click()
    expect(translator).to_have_url(re.compile(r"/admin/pages/\d+/edit/$"))
    spanish_id = int(re.search(r"/admin/pages/(\d+)/edit/$", translator.url).group(1))
    spanish_edit_path = f"/admin/pages/{spanish_id}/edit/"
    # No way for the translator to publish the page themselves.
    expect(translator.locator('button[name="action"][value="publish"]')).to_have_count(0)
    translate_segment(translator, title, spanish_title)
    translate_segment(translator, introduction, spanish_introduction)
    submit_for_approval(translator, spanish_edit_path)

    # Submitted, not approved: still not served.
    assert public_status(visitor, paths["es"]) == 404

    approve_from_dashboard(editor, spanish_id)
    assert public_status(visitor, paths["es"]) == 200
    expect(visitor.locator("h1.page-header__title")).to_have_text(spanish_title)
    expect(visitor.locator(".page-header__intro")).to_have_text(spanish_introduction)
    for code in ["ar", "fr", "pt"]:
        assert public_status(visitor, paths[code]) == 404, f"the {code} draft went live with the Spanish one"
    listed = sitemap(visitor)
    assert f"{demo_server.base_url}{paths['es']}" in listed
    for code in ["ar", "fr", "pt"]:
        assert paths[code] not in listed

    public_status(visitor, paths["en"])
    expect(visitor.locator('head link[rel="alternate"][hreflang="es"]')).to_have_count(1)
    expect(visitor.locator('nav.language-switcher a[hreflang="es"] .visually-hidden')).to_have_count(0)
    visitor.locator('nav.language-switcher a[hreflang="es"]').click()
    expect(visitor).to_have_url(re.compile(re.escape(paths["es"]) + "$"))
