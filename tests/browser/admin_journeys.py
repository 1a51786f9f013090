"""What the staff journeys of the library do in the admin, as a person clicks it: the sidebar's menus,
the multiple-upload screen, the page explorer, the resource form's document chooser; and the worker
that the site runs next to the web server (`manage.py run_worker --once`)."""

import re
import subprocess
import sys
from urllib.parse import urlsplit

from fpdf import FPDF

from .support import REPOSITORY, expect

WORKER_TIMEOUT = 120
# Wagtail 8 autosaves the page editor's form as it is filled in; while a required field is still empty (a
# new page's summary, a new file row before its document is chosen) it answers 400 with a validation
# error and the editor says the draft is not saved yet; the browser logs the 400. Forgiven only on the
# form being filled in, where every failed request must be such a post (see watch_autosave_refusals).
AUTOSAVE_REFUSAL = "Failed to load resource: the server responded with a status of 400 (Bad Request)"


def small_pdf(title, text):
    """A one-page PDF whose text layer holds `text`, for the search to find once the worker has read it."""
    document = FPDF(format="A4")
    document.set_title(title)
    document.add_page()
    document.set_font("Helvetica", "B", 16)
    document.multi_cell(0, 8, title, new_x="LMARGIN", new_y="NEXT")
    document.set_font("Helvetica", "", 12)
    document.multi_cell(0, 6, text, new_x="LMARGIN", new_y="NEXT")
    return bytes(document.output())


def pdf_file(name, title, text):
    return {"name": name, "mimeType": "application/pdf", "buffer": small_pdf(title, text)}


def open_add_documents(page):
    """Sidebar "Documents", then the index's "Add a document": Wagtail's multiple-upload screen."""
    page.locator('.sidebar a[href="/admin/documents/"]').click()
    expect(page).to_have_url(re.compile(r"/admin/documents/$"))
    page.locator('main a[href="/admin/documents/multiple/add/"]').first.click()
    expect(page).to_have_url(re.compile(r"/admin/documents/multiple/add/$"))
    expect(page.locator("#fileupload")).to_be_attached()


def choose_files(page, files):
    """"Or choose from your computer": the screen uploads each file and shows its details form."""
    page.locator("#fileupload").set_input_files(files)
    items = {}
    for file in files:
        item = uploaded_item(page, file["name"])
        expect(item).to_have_class(re.compile(r"\bupload-complete\b"), timeout=30_000)
        items[file["name"]] = item
    return items


def uploaded_item(page, file_name):
    return page.locator("#upload-list > li").filter(has=page.locator(".left", has_text=file_name))


def details_field(item, name):
    """A field of an uploaded document's details form, by its unprefixed name (`title`, `language`…)."""
    return item.locator(f'form [name$="-{name}"]')


def update_details(page, item, title, language=None):
    """Fill in the details form the screen shows for an uploaded file, then "Update"."""
    expect(item).to_have_class(re.compile(r"\bupload-success\b"))
    details_field(item, "title").fill(title)
    if language is not None:
        details_field(item, "language").select_option(language)
    item.locator("form button[type='submit']").click()
    # The screen removes an updated document's row and says so among the admin's messages.
    expect(item).to_have_count(0)
    expect(page.locator(".messages .success").last).to_be_visible()


def open_sidebar_page_listing(page, path_ids):
    """Sidebar "Pages", the page explorer's first page, then down the listings' child-page links."""
    pages_menu = page.locator(".sidebar button.sidebar-menu-item__link")
    pages_menu.filter(has=page.locator(".icon-folder-open-inverse")).click()
    explorer = page.locator(".c-page-explorer")
    explorer.locator(f'a.c-page-explorer__item__link[href="/admin/pages/{path_ids[0]}/"]').click()
    expect(page).to_have_url(re.compile(rf"/admin/pages/{path_ids[0]}/$"))
    for page_id in path_ids[1:]:
        page.locator(f'main table a[href="/admin/pages/{page_id}/"]').click()
        expect(page).to_have_url(re.compile(rf"/admin/pages/{page_id}/$"))


def watch_autosave_refusals(page, page_watch, base_url, path):
    """Forgive the autosave refusals of the page form at `path`; the failed requests, to check afterwards."""
    failed = []
    page.on("response", lambda response: response.status >= 400 and failed.append(
        (response.request.method, urlsplit(response.url).path, response.status)
    ))
    page_watch.forgive(f"{base_url}{path}: {AUTOSAVE_REFUSAL}")
    return failed


def english_path_ids(demo_server, *page_types):
    pages = demo_server.pages()
    return [pages[page_type]["en"]["id"] for page_type in page_types]


def file_row(page, index):
    return page.locator(f"#inline_child_files-{index}")


def choose_document(page, row, title, collection_name=None):
    """The file row's "Choose a document": search the chooser by title, check its collection, choose it."""
    row.locator(".unchosen button[data-chooser-action-choose]").click()
    modal = page.locator(".modal-dialog").filter(has=page.locator("#id_q, input[name='q']"))
    expect(modal).to_be_visible()
    modal.locator("input[name='q']").fill(title)
    result = modal.locator("table tbody tr").filter(has=page.get_by_role("link", name=title, exact=True))
    expect(result).to_have_count(1)
    if collection_name is not None:
        expect(result).to_contain_text(collection_name)
    result.get_by_role("link", name=title, exact=True).click()
    expect(modal).to_be_hidden()
    expect(row.locator("[data-chooser-title]")).to_have_text(title)


def run_worker_once(demo_server):
    """What the site's worker does every minute, once, against the demo server's database: the pages
    whose go-live time has come are published, and the queued tasks (a document's text) run."""
    environment = demo_server.django_environment()
    environment.update(LOG_LEVEL="WARNING", PYTHONWARNINGS="ignore")
    finished = subprocess.run(
        [sys.executable, "manage.py", "run_worker", "--once"],
        cwd=REPOSITORY,
        env=environment,
        capture_output=True,
        text=True,
        timeout=WORKER_TIMEOUT,
    )
    assert finished.returncode == 0, f"run_worker --once failed:\n{finished.stdout}\n{finished.stderr}"
    return finished


def search_site(visitor, query):
    """The public main menu's "Search", then the search form."""
    visitor.locator(".main-menu__item--search a").first.click()
    expect(visitor).to_have_url(re.compile(r"/search/$"))
    visitor.locator("#search-query").fill(query)
    visitor.locator("form.search-form button[type='submit']").click()
    expect(visitor.locator(".search-count")).to_be_visible()
