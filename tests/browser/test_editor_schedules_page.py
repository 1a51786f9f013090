"""The Secretariat editor changes a page, sets its publishing schedule a minute or so ahead from the
page editor's status panel ("Set schedule") and schedules it. Visitors still read the old text; once the
time has come, the site's worker (`manage.py run_worker`, which runs Wagtail's `publish_scheduled`
every minute) publishes the change, and visitors read it."""

import random
import re
import string
import time
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from .admin_journeys import english_path_ids, open_sidebar_page_listing, run_worker_once
from .demo_server import EDITOR_USERNAME
from .support import expect
from .test_editor_publishes_about_page import log_into_admin, publish

# The admin shows and reads times in the site's time zone (settings.TIME_ZONE) for a user who chose none.
ADMIN_TIME_ZONE = ZoneInfo("Europe/Zurich")
# The schedule is set to the minute: at least this long ahead, so that it is still ahead when saved.
SCHEDULE_MARGIN = timedelta(seconds=40)


@pytest.fixture(params=["desktop"])
def viewport(request):
    """Staff journeys: the desktop only."""
    return request.param


def next_go_live_time():
    """The first whole minute at least SCHEDULE_MARGIN from now, in the admin's time zone."""
    soon = datetime.now(ADMIN_TIME_ZONE) + SCHEDULE_MARGIN + timedelta(minutes=1)
    return soon.replace(second=0, microsecond=0)


def set_schedule(editor, go_live):
    """Status side panel → "Set schedule" → the go-live time → "Save schedule" (which saves a draft)."""
    editor.get_by_role("button", name="Toggle status").click()
    editor.get_by_role("button", name=re.compile(r"^(Set|Edit) schedule$")).first.click()
    dialog = editor.locator("#schedule-publishing-dialog")
    expect(dialog).to_be_visible()
    dialog.locator("#id_go_live_at").fill(go_live.strftime("%Y-%m-%d %H:%M"))
    # The date picker stays open over the dialog's button: the editor moves to it with the keyboard.
    dialog.get_by_role("button", name="Save schedule").press("Enter")
    expect(editor.locator(".messages .success")).to_be_visible()
    expect(editor.locator("#id_go_live_at")).to_have_value(go_live.strftime("%Y-%m-%d %H:%M"))


def test_editor_schedules_a_change_and_the_worker_publishes_it_on_time(open_page, demo_server):
    principles = demo_server.pages()["OperatingPrinciplesPage"]["en"]
    run = "".join(random.choices(string.ascii_lowercase, k=6))
    visitor = open_page()
    visitor.goto(principles["url"])
    old_introduction = visitor.locator(".page-header__intro").inner_text()
    new_introduction = f"The principles that guide the Initiative's work (scheduled, run {run})."

    editor = open_page()
    log_into_admin(editor, EDITOR_USERNAME, "/admin/")
    open_sidebar_page_listing(editor, english_path_ids(demo_server, "HomePage", "AboutPage"))
    editor.locator(f'main table a[href="/admin/pages/{principles["id"]}/edit/"]').first.click()
    expect(editor).to_have_url(re.compile(rf"/admin/pages/{principles['id']}/edit/$"))
    editor.locator('[name="introduction"]').fill(new_introduction)
    go_live = next_go_live_time()
    set_schedule(editor, go_live)
    publish(editor)
    expect(editor.locator(".messages .success")).to_contain_text("scheduled")

    visitor.reload()
    expect(visitor.locator(".page-header__intro")).to_have_text(old_introduction)

    # The one wait of the journey: the schedule's own time.
    time.sleep(max(0.0, (go_live - datetime.now(ADMIN_TIME_ZONE)).total_seconds()) + 1)
    run_worker_once(demo_server)

    # Signed in, the editor bypasses the page cache: the worker has published the change.
    editor.goto(principles["url"])
    expect(editor.locator(".page-header__intro")).to_have_text(new_introduction)
    visitor.reload()
    expect(visitor.locator(".page-header__intro"), "an anonymous visitor reads the scheduled change").to_have_text(
        new_introduction
    )
