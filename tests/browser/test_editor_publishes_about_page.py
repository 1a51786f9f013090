"""A Secretariat editor logs into the admin, changes the About page's introduction, publishes it, and
every visitor then reads the new text (the anonymous page cache is purged on publish)."""

from .demo_server import EDITOR_USERNAME, STAFF_PASSWORD
from .support import expect


def log_into_admin(page, username, next_path):
    page.goto(f"/admin/login/?next={next_path}")
    page.locator('input[name="username"]').fill(username)
    page.locator('input[name="password"]').fill(STAFF_PASSWORD)
    page.locator('form button[type="submit"]').click()
    page.wait_for_url(f"**{next_path}")


def publish(page):
    publish_button = page.locator('button[name="action-publish"]')
    if not publish_button.is_visible():
        page.locator(".w-dropdown").filter(has=publish_button).locator('[data-w-dropdown-target="toggle"]').click()
    publish_button.click()


def test_editor_edits_and_publishes_about_page(open_page, demo_server, viewport):
    about = demo_server.pages()["AboutPage"]["en"]
    visitor = open_page()
    visitor.goto(about["url"])
    # A few words added, as an editor's correction would: the translators' journeys that follow still
    # find their previous translation of this introduction as a starting point.
    new_introduction = f"{visitor.locator('.page-header__intro').inner_text().strip()} (edited at the {viewport} size)"
    expect(visitor.locator(".page-header__intro")).not_to_have_text(new_introduction)

    editor = open_page()
    log_into_admin(editor, EDITOR_USERNAME, f"/admin/pages/{about['id']}/edit/")
    editor.locator('[name="introduction"]').fill(new_introduction)
    publish(editor)
    expect(editor.locator(".messages")).to_contain_text("published")

    editor.goto(about["url"])
    expect(editor.locator(".page-header__intro")).to_have_text(new_introduction)
    visitor.reload()
    expect(visitor.locator(".page-header__intro")).to_have_text(new_introduction)
