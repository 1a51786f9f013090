"""Screenshots of the home page and the History page in English and Arabic, for a person to look at.

Written to test-artifacts/screenshots/, which CI keeps with its output.
"""

import pytest

from .support import SCREENSHOTS, expect


@pytest.mark.parametrize("language_code", ["en", "ar"])
def test_screenshots_of_home_and_inner_page(open_page, demo_server, viewport, language_code):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page = open_page(locale=language_code)
    for name, page_type in [("home", "HomePage"), ("history", "HistoryPage")]:
        page.goto(demo_server.url(page_type, language_code))
        expect(page.locator("html")).to_have_attribute("lang", language_code)
        path = SCREENSHOTS / f"{name}-{language_code}-{viewport}.png"
        page.screenshot(path=path, full_page=True)
        assert path.stat().st_size > 0
