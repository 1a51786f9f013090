"""The Secretariat editor uploads an English and a French PDF through Documents → Add a document (the
French one set to French in the form the screen shows), creates a resource under the English library
with both files and a topic, and publishes it. Visitors find it in the English library and, through the
language switcher, in the French one; once the worker has read the files' text, English search finds
it by a word of the English file and French search by a word of the French file."""

import random
import re
import string

import pytest

from .admin_journeys import (
    choose_document,
    choose_files,
    english_path_ids,
    file_row,
    open_add_documents,
    open_sidebar_page_listing,
    pdf_file,
    run_worker_once,
    search_site,
    update_details,
    watch_autosave_refusals,
)
from .demo_server import EDITOR_USERNAME
from .support import expect
from .test_editor_publishes_about_page import log_into_admin, publish

TOPIC = "Safeguards"


@pytest.fixture(params=["desktop"])
def viewport(request):
    """Staff journeys: the desktop only."""
    return request.param


def unique_word(prefix):
    """A word no demo text contains, in letters only, so that every language's search sees one word."""
    return prefix + "".join(random.choices(string.ascii_lowercase, k=8))


def create_resource(editor, demo_server, page_watch, title, summary, documents):
    """Page explorer → English home → How CTI can help → the library → "Add child page" (a resource)."""
    path = english_path_ids(demo_server, "HomePage", "HowCtiCanHelpPage", "ResourceLibraryPage")
    add_path = f"/admin/pages/add/resources/resourcepage/{path[-1]}/"
    failed_requests = watch_autosave_refusals(editor, page_watch, demo_server.base_url, add_path)
    open_sidebar_page_listing(editor, path)
    editor.locator(f'main a[href="/admin/pages/{path[-1]}/add_subpage/"]').click()
    expect(editor).to_have_url(re.compile(re.escape(add_path) + "$"))

    editor.locator("#id_title").fill(title)
    editor.locator("#id_summary").fill(summary)
    editor.locator("#id_publication_date").fill("2026-11-30")
    editor.locator("#id_publication_date").press("Escape")
    editor.locator("#id_kind").select_option("guide")
    editor.locator('[data-contentpath="topics"]').get_by_label(TOPIC, exact=True).check()
    for index, document_title in enumerate(documents):
        if index:
            editor.locator("#id_files-ADD").click()
        choose_document(editor, file_row(editor, index), document_title)
    # The row asks no language: the document carries it.
    expect(file_row(editor, 0).locator("select, input[name$='-language']")).to_have_count(0)
    publish(editor)
    expect(editor).to_have_url(re.compile(rf"/admin/pages/{path[-1]}/$"))
    expect(editor.locator(".messages .success")).to_contain_text(title)
    assert set(failed_requests) <= {("POST", add_path, 400)}, failed_requests


def test_secretariat_adds_a_resource_with_english_and_french_files(open_page, demo_server, page_watch):
    # The title names the run; the words searched for are only in the files' text.
    run, english_word, french_word = unique_word("run"), unique_word("quokka"), unique_word("tatou")
    title = f"Guide to monitoring places of detention ({run})"
    english_title, french_title = f"{title}, English", f"{title}, French"

    editor = open_page()
    log_into_admin(editor, EDITOR_USERNAME, "/admin/")
    open_add_documents(editor)
    english_name, french_name = f"{run}-en.pdf", f"{run}-fr.pdf"
    items = choose_files(
        editor,
        [
            pdf_file(english_name, "Monitoring places of detention", f"Visiting bodies and their {english_word}."),
            pdf_file(french_name, "Surveiller les lieux de detention", f"Les organes de visite et leur {french_word}."),
        ],
    )
    # The Secretariat's documents go to the library's collection, in the admin's language (English here).
    for item in items.values():
        expect(item.locator("form [name$='-collection'] option:checked")).to_have_text("Library")
        expect(item.locator("form [name$='-language']")).to_have_value("en")
        expect(item.locator("form [name$='-language']")).to_be_enabled()
    update_details(editor, items[english_name], english_title)
    update_details(editor, items[french_name], french_title, language="fr")

    summary = "How visiting bodies prepare, carry out and follow up a visit."
    create_resource(editor, demo_server, page_watch, title, summary, [english_title, french_title])

    visitor = open_page()
    visitor.goto(demo_server.url("ResourceLibraryPage", "en"))
    card = visitor.locator(".resource-card").filter(has=visitor.get_by_role("link", name=title, exact=True))
    expect(card).to_have_count(1)
    expect(card.locator(".resource-card__languages")).to_have_text(re.compile(r"English · Français$"))
    expect(card.locator(".resource-card__topics")).to_contain_text(TOPIC)

    visitor.locator('.language-switcher a[hreflang="fr"]').click()
    expect(visitor).to_have_url(re.compile(r"^[^?]*" + re.escape(demo_server.url("ResourceLibraryPage", "fr")) + "$"))
    card = visitor.locator(".resource-card").filter(has=visitor.get_by_role("link", name=title, exact=True))
    expect(card).to_have_count(1)
    expect(card.locator(".resource-card__languages")).to_have_text(re.compile(r"Français · English$"))
    card.get_by_role("link", name=title, exact=True).click()
    expect(visitor.locator(".downloads a[hreflang='fr']")).to_contain_text("Français · PDF")
    expect(visitor.locator(".downloads a[hreflang='en']")).to_contain_text("English · PDF")

    english_visitor = open_page()
    english_visitor.goto(demo_server.url("HomePage", "en"))
    search_site(english_visitor, english_word)
    expect(english_visitor.locator(".search-result__title a")).to_have_count(0)

    run_worker_once(demo_server)

    english_visitor.reload()
    expect(english_visitor.locator(".search-result__title a")).to_have_text([title])

    french_visitor = open_page(locale="fr-FR")
    french_visitor.goto(demo_server.url("HomePage", "fr"))
    search_site(french_visitor, french_word)
    # The resource exists in English only, with a French file: French visitors find it all the same, as
    # the French library lists it.
    expect(french_visitor.locator(".search-result__title a"), "French search by the French file's word").to_have_text(
        [title]
    )
