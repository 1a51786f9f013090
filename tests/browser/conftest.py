"""Debian's Chromium, driven by Playwright, against the demo site served by tests/browser/demo_server.py.

The server is started as soon as the tests are collected, so that its migrations and demo content
load while the rest of the suite runs; the browser tests are moved to the end to use it. One browser
serves the whole package; each test gets fresh contexts at a desktop and at a phone viewport.
"""

import os
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from . import support
from .support import CHROMIUM, CHROMIUM_ARGS, VIEWPORTS, DemoServer, PageWatch, browser_unavailable_reason
from .support import sync_playwright

BROWSER_TESTS = Path(__file__).parent
SERVER_KEY = pytest.StashKey[DemoServer]()
SKIP_REASON_KEY = pytest.StashKey[str]()


def is_browser_test(item):
    return BROWSER_TESTS in Path(item.path).parents


def pytest_collection_modifyitems(items):
    items[:] = [item for item in items if not is_browser_test(item)] + [item for item in items if is_browser_test(item)]


def pytest_collection_finish(session):
    config = session.config
    if config.option.collectonly or not any(is_browser_test(item) for item in session.items):
        return
    reason = browser_unavailable_reason()
    if reason:
        config.stash[SKIP_REASON_KEY] = reason
        return
    config.stash[SERVER_KEY] = DemoServer.running_or_new()


def pytest_sessionfinish(session):
    server = session.config.stash.get(SERVER_KEY, None)
    if server is not None:
        server.stop()


def pytest_terminal_summary(terminalreporter, config):
    reason = config.stash.get(SKIP_REASON_KEY, None)
    if reason:
        verb = "FAILED" if os.environ.get("CI_REQUIRE_BROWSER") == "1" else "SKIPPED"
        terminalreporter.write_sep("=", f"browser tests {verb}: {reason}", yellow=True, bold=True)
    if support.ACCESSIBILITY_REPORT:
        terminalreporter.write_sep("-", f"axe-core, WCAG 2.2 A and AA: {len(support.ACCESSIBILITY_REPORT)} pages scanned")
        for line in support.ACCESSIBILITY_REPORT:
            terminalreporter.write_line(line)
    if config.stash.get(SERVER_KEY, None) is not None and support.SCREENSHOTS.is_dir():
        shots = sorted(path.name for path in support.SCREENSHOTS.glob("*.png"))
        terminalreporter.write_sep("-", f"browser screenshots in {support.SCREENSHOTS}")
        terminalreporter.write_line(" ".join(shots))


@pytest.fixture(scope="package")
def demo_server(request):
    reason = request.config.stash.get(SKIP_REASON_KEY, None)
    if reason:
        if os.environ.get("CI_REQUIRE_BROWSER") == "1":
            pytest.fail(f"CI_REQUIRE_BROWSER=1 but {reason}", pytrace=False)
        pytest.skip(reason)
    server = request.config.stash[SERVER_KEY]
    server.wait_until_serving()
    return server


@pytest.fixture(scope="package")
def browser(demo_server):
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(params=list(VIEWPORTS))
def viewport(request):
    return request.param


@pytest.fixture
def page_watch(demo_server):
    return PageWatch(urlsplit(demo_server.base_url).netloc)


@pytest.fixture
def open_page(browser, demo_server, viewport, page_watch):
    """open_page(locale="fr-FR") -> a page in a fresh browser context at the test's viewport."""
    contexts = []

    def open_in_new_context(locale="en-GB", **options):
        context = browser.new_context(
            base_url=demo_server.base_url, locale=locale, accept_downloads=True, **VIEWPORTS[viewport], **options
        )
        context.set_default_timeout(15_000)
        contexts.append(context)
        page = context.new_page()
        page_watch.attach(page)
        return page

    yield open_in_new_context
    for context in contexts:
        context.close()
    problems = page_watch.problems()
    assert not problems, "\n".join(problems)


@pytest.fixture
def page(open_page):
    return open_page()
