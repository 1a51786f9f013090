"""The Spanish translator delivers the Spanish file of a resource through Documents → Add a document, in
the Spanish admin: the language is Spanish and cannot be changed, and the file goes to the Spanish
translators' collection. A file of a type the library does not take is refused in Spanish and nothing
is kept. The Secretariat editor then attaches the Spanish file to the resource in its file rows without
being asked the language again, publishes, and the public page offers the Spanish file."""

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
    update_details,
    watch_autosave_refusals,
)
from .demo_server import EDITOR_USERNAME, SPANISH_TRANSLATOR_USERNAME
from .support import expect
from .test_editor_publishes_about_page import log_into_admin, publish

# The translator works in Spanish: the admin follows the browser's language.
SPANISH_ADMIN = "es-ES"
SPANISH_COLLECTION = "Documents – Español"
# A demo resource that has an English file only.
RESOURCE_TITLE = "CTI annual report 2020"
REFUSED_TYPE = re.compile(r"La extensión de archivo “svg” no est[aá] permitida")


@pytest.fixture(params=["desktop"])
def viewport(request):
    """Staff journeys: the desktop only."""
    return request.param


def upload_spanish_file(translator, file_name, title, text):
    open_add_documents(translator)
    item = choose_files(translator, [pdf_file(file_name, title, text)])[file_name]
    language = item.locator("form [name$='-language']")
    expect(language).to_have_value("es")
    expect(language).to_be_disabled()
    # A translator may add documents to their collection only: the form asks none (the editor's document
    # chooser shows where it went).
    expect(item.locator("form select[name$='-collection']")).to_have_count(0)
    update_details(translator, item, title)


def upload_refused_file(translator, file_name):
    """A drawing is no document of the library: refused in the translator's language, nothing kept."""
    open_add_documents(translator)
    translator.locator("#fileupload").set_input_files(
        [{"name": file_name, "mimeType": "image/svg+xml", "buffer": b'<svg xmlns="http://www.w3.org/2000/svg"/>'}]
    )
    item = translator.locator("#upload-list > li").filter(has=translator.locator(".left", has_text=file_name))
    expect(item).to_have_class(re.compile(r"\bupload-failure\b"))
    expect(item.locator(".error_messages")).to_contain_text(REFUSED_TYPE)
    expect(item.locator("form")).to_have_count(0)


def find_in_documents(translator, query):
    """Sidebar "Documents", then the index's search: the rows that match."""
    translator.locator('.sidebar a[href="/admin/documents/"]').click()
    expect(translator).to_have_url(re.compile(r"/admin/documents/$"))
    translator.locator("main input[name='q']").fill(query)
    expect(translator).to_have_url(re.compile(rf"[?&]q={query}"))
    return translator.locator("main table tbody tr")


def attach_file_to_resource(editor, demo_server, page_watch, document_title):
    """Page explorer → the English library → the resource → "Add File", then the document chooser."""
    path = english_path_ids(demo_server, "HomePage", "HowCtiCanHelpPage", "ResourceLibraryPage")
    open_sidebar_page_listing(editor, path)
    resource_link = editor.locator("main table").get_by_role("link", name=RESOURCE_TITLE, exact=True)
    edit_path = resource_link.get_attribute("href")
    failed_requests = watch_autosave_refusals(editor, page_watch, demo_server.base_url, edit_path)
    resource_link.click()
    expect(editor).to_have_url(re.compile(re.escape(edit_path) + "$"))
    rows = editor.locator("#id_files-FORMS > [data-inline-panel-child]:not(.deleted)")
    expect(rows.first).to_be_visible()
    existing = rows.count()
    editor.locator("#id_files-ADD").click()
    expect(rows).to_have_count(existing + 1)
    row = file_row(editor, existing)
    choose_document(editor, row, document_title, collection_name=SPANISH_COLLECTION)
    # The row asks nothing more: its language is the document's.
    expect(row.locator("select, input[type='text'], input[type='radio']")).to_have_count(0)
    publish(editor)
    expect(editor.locator(".messages .success")).to_contain_text(RESOURCE_TITLE)
    expect(editor.locator(".messages .error")).to_have_count(0)
    assert set(failed_requests) <= {("POST", edit_path, 400)}, failed_requests


def test_spanish_translator_delivers_the_spanish_file_and_the_secretariat_attaches_it(
    open_page, demo_server, page_watch
):
    run = "".join(random.choices(string.ascii_lowercase, k=8))
    title = f"Informe anual de la CTI 2020 ({run})"
    refused_name = f"dibujo-{run}.svg"

    translator = open_page(locale=SPANISH_ADMIN)
    log_into_admin(translator, SPANISH_TRANSLATOR_USERNAME, "/admin/")
    upload_refused_file(translator, refused_name)
    upload_spanish_file(translator, f"informe-anual-2020-{run}-es.pdf", title, "Informe anual de la Iniciativa.")
    # Of the run's two files, only the PDF was kept.
    expect(find_in_documents(translator, run)).to_have_count(1)
    expect(translator.locator("main table tbody tr").first).to_contain_text(title)

    editor = open_page()
    log_into_admin(editor, EDITOR_USERNAME, "/admin/")
    attach_file_to_resource(editor, demo_server, page_watch, title)

    visitor = open_page()
    visitor.goto(demo_server.url("ResourceLibraryPage", "en"))
    card = visitor.locator(".resource-card").filter(has=visitor.get_by_role("link", name=RESOURCE_TITLE, exact=True))
    expect(card.locator(".resource-card__languages")).to_have_text(re.compile(r"English · Español$"))
    card.get_by_role("link", name=RESOURCE_TITLE, exact=True).click()
    expect(visitor.locator(".downloads a[hreflang='es']")).to_contain_text("Español · PDF")
    expect(visitor.locator(".downloads a[hreflang='en']")).to_contain_text("English · PDF")
