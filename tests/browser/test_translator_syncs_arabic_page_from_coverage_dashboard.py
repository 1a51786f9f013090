"""The Arabic translator, in the Arabic admin, finds from the translation coverage report (sidebar menu,
filtered to Arabic and out of date) that the History page changed in English; syncs it; the translation
editor shows the English source left to right and the Arabic right to left, what changed in the English
and the previous Arabic translation; they start from it and submit. Dates in the Arabic admin are Arabic.
The Secretariat approves, after a confirmation, and Arabic visitors read the new text."""

import re
import uuid

from .demo_server import ARABIC_TRANSLATOR_USERNAME, EDITOR_USERNAME
from .support import expect
from .test_editor_publishes_about_page import log_into_admin
from .test_translator_updates_spanish_about_page import (  # noqa: F401 - the viewport fixture: desktop only
    approve_from_dashboard,
    coverage_row,
    edit_english_introduction_from_the_coverage_report,
    filter_coverage,
    open_coverage_report,
    submit_for_approval,
    translate_from_the_previous_translation,
    viewport,
)

ARABIC_ADMIN = "ar"
LATIN_LETTERS = re.compile(r"[A-Za-z]")


def test_arabic_translator_syncs_the_history_page_from_the_coverage_report(open_page, demo_server):
    history = demo_server.pages()["HistoryPage"]
    english_id, arabic_id = history["en"]["id"], history["ar"]["id"]
    arabic_edit_path = f"/admin/pages/{arabic_id}/edit/"
    run = uuid.uuid4().hex[:6]

    editor = open_page()
    log_into_admin(editor, EDITOR_USERNAME, "/admin/")
    edit_english_introduction_from_the_coverage_report(editor, english_id, run)

    translator = open_page(locale=ARABIC_ADMIN)
    log_into_admin(translator, ARABIC_TRANSLATOR_USERNAME, "/admin/")
    expect(translator.locator("html")).to_have_attribute("dir", "rtl")
    open_coverage_report(translator)
    filter_coverage(translator, "ar", "out-of-date")
    cell = coverage_row(translator, english_id).locator('td[data-language="ar"]')
    expect(cell).to_have_attribute("data-status", "out-of-date")
    other_languages = translator.locator("table.translation-coverage td[data-language]:not([data-language='ar'])")
    expect(other_languages).to_have_count(0)
    for date in translator.locator("table.translation-coverage time").all()[:5]:
        assert not LATIN_LETTERS.search(date.inner_text()), date.inner_text()

    cell.locator("form button[type='submit']").click()
    expect(translator).to_have_url(re.compile(re.escape(arabic_edit_path) + "$"))
    source = translator.locator(".js-translation-editor li > p").first
    expect(source).to_have_attribute("lang", "en")
    expect(source).to_have_attribute("dir", "ltr")
    translated = translator.locator(".js-translation-editor li.complete > div").first
    expect(translated).to_have_attribute("lang", "ar")
    expect(translated).to_have_attribute("dir", "rtl")
    expect(translator.locator(".translation-change__previous").first).to_have_attribute("dir", "rtl")
    arabic_text = translate_from_the_previous_translation(translator, run)
    submit_for_approval(translator, arabic_edit_path)

    approve_from_dashboard(editor, arabic_id)
    visitor = open_page(locale="ar")
    visitor.goto(history["ar"]["url"])
    expect(visitor.locator(".page-header__intro")).to_have_text(arabic_text)
