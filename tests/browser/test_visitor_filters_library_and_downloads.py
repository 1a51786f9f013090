"""A visitor narrows the library to one topic and one language, opens a resource and downloads its file
in that language."""

from urllib.parse import parse_qs, urlsplit

from .support import expect

TOPIC = "ratification"
LANGUAGE = "fr"


def test_visitor_filters_library_opens_resource_and_downloads_french_file(page, demo_server):
    page.goto(demo_server.url("ResourceLibraryPage", "en"))
    everything = page.locator(".resource-card").count()

    page.get_by_label("Topic").select_option(TOPIC)
    page.get_by_label("Available in").select_option(LANGUAGE)
    page.locator(".library-filters button[type=submit]").click()

    query = parse_qs(urlsplit(page.url).query)
    assert query["topic"] == [TOPIC] and query["language"] == [LANGUAGE]
    cards = page.locator(".resource-card")
    expect(cards.first).to_be_visible()
    assert 0 < cards.count() < everything
    for card in cards.all():
        expect(card.locator(".resource-card__languages")).to_contain_text("Français")
        expect(card.locator(".resource-card__topics")).to_contain_text("Ratification")

    title = cards.first.locator(".resource-card__title a")
    resource_title = title.inner_text()
    title.click()
    expect(page.locator("main h1")).to_have_text(resource_title)

    french_file = page.locator(f'.downloads a[hreflang="{LANGUAGE}"]')
    with page.expect_download() as download_info:
        french_file.click()
    download = download_info.value
    assert download.suggested_filename.endswith(f"-{LANGUAGE}.pdf")
    with open(download.path(), "rb") as downloaded:
        assert downloaded.read(5) == b"%PDF-"
