"""A visitor sends a query; the help desk finds it on the admin dashboard, opens its one screen (question
and sender), assigns it to a Secretariat editor, changes its status and adds a note that shows its author
and time; every time on the screen is Geneva time. Then the query is found again from the sidebar menu.

The assignee's email is checked in tests/test_advice_assignment_email.py: the demo server prints mail to
its console (cti_site.settings.dev), where a browser cannot read it."""

import re
import uuid
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from .demo_server import EDITOR_USERNAME, HELP_DESK_USERNAME
from .support import expect
from .test_editor_publishes_about_page import log_into_admin

GENEVA = ZoneInfo("Europe/Zurich")
GENEVA_TIME = re.compile(r"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$")


def send_query(visitor, advice_hub_url, name, question):
    visitor.goto(advice_hub_url)
    form = visitor.locator("form.advice-form")
    form.locator('[name="name"]').fill(name)
    form.locator('[name="position"]').fill("Legal Adviser")
    form.locator('[name="institution"]').fill("Ministry of Justice")
    form.locator('[name="country"]').select_option("GH")
    form.locator('[name="email"]').fill("kwame.mensah@example.org")
    form.locator('[name="topic"]').select_option("reporting")
    form.locator('[name="question"]').fill(question)
    form.locator('[name="preferred_language"]').select_option("fr")
    form.locator('[name="consent"]').check()
    form.locator('button[type="submit"]').click()
    return visitor.locator(".advice-confirmation__reference").inner_text()


def assert_geneva_time_of_now(text):
    assert GENEVA_TIME.match(text), text
    shown = datetime.strptime(text, "%Y-%m-%d %H:%M").replace(tzinfo=GENEVA)
    assert abs(datetime.now(GENEVA) - shown) < timedelta(minutes=5), f"{text} is not the time in Geneva"


def test_help_desk_assigns_and_notes_a_new_query(open_page, demo_server, viewport):
    if viewport != "desktop":
        pytest.skip("a staff journey: the desktop viewport is enough")
    run = uuid.uuid4().hex[:6]
    name = f"Kwame Mensah {run}"
    question = f"Which body should coordinate our first report to the Committee? ({run})"
    reference = send_query(open_page(), demo_server.url("AdviceHubPage", "en"), name, question)

    desk = open_page()
    log_into_admin(desk, HELP_DESK_USERNAME, "/admin/")
    waiting = desk.locator("#advice-unassigned-queries-section")
    expect(waiting).to_contain_text(reference)
    assert_geneva_time_of_now(waiting.locator("tr").filter(has_text=reference).locator("time").inner_text())
    waiting.get_by_role("link", name=reference).click()

    expect(desk.locator("#header-title")).to_contain_text(reference)
    expect(desk.locator(".advice-query-question")).to_have_text(question)
    for detail in (name, "Legal Adviser", "Ministry of Justice", "Ghana", "kwame.mensah@example.org", "Français"):
        expect(desk.locator("#w-editor-form")).to_contain_text(detail)
    received = desk.locator(".advice-query-details div").filter(has_text="Received (Geneva time)").locator("dd")
    assert_geneva_time_of_now(received.inner_text())

    desk.locator('select[name="assignee"]').select_option(label=EDITOR_USERNAME)
    desk.locator('select[name="status"]').select_option(label="In progress")
    desk.locator('textarea[name="note"]').fill(f"Asked the Secretariat to draft the answer ({run}).")
    desk.locator('#w-editor-form footer button[type="submit"]').click()

    expect(desk.locator(".messages .success")).to_contain_text(reference)
    note = desk.locator(".advice-query-note").first
    expect(note).to_contain_text(f"Asked the Secretariat to draft the answer ({run}).")
    expect(note.locator(".advice-query-note__meta")).to_contain_text(HELP_DESK_USERNAME)
    expect(note.locator(".advice-query-note__meta")).to_contain_text("(Geneva time)")
    assert_geneva_time_of_now(note.locator("time").inner_text())
    latest_change = desk.locator(".advice-query-history tbody tr").last
    expect(latest_change).to_contain_text("In progress")
    expect(latest_change).to_contain_text(EDITOR_USERNAME)
    assert_geneva_time_of_now(latest_change.locator("time").inner_text())
    expect(desk.locator('select[name="assignee"] option:checked')).to_have_text(EDITOR_USERNAME)
    expect(desk.locator('textarea[name="note"]')).to_have_value("")

    desk.get_by_role("link", name="Dashboard").first.click()
    expect(desk.locator("#advice-unassigned-queries-section")).not_to_contain_text(reference)
    desk.locator("[data-wagtail-sidebar] button, .sidebar button").filter(has_text="Advice hub").first.click()
    desk.get_by_role("link", name="Queries", exact=True).click()
    row = desk.locator("tr").filter(has_text=reference)
    expect(row).to_contain_text("In progress")
    expect(row).to_contain_text(EDITOR_USERNAME)
    row.get_by_role("link", name=reference).click()
    expect(desk.locator(".advice-query-question")).to_have_text(question)
