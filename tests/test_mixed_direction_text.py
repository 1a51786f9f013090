"""Mixed-direction text stays readable: a Latin name, address, file format, size or reference inside an
Arabic page is isolated (<bdi>, or dir="ltr"/"auto" on its own element), so that neither it nor the
Arabic sentence around it is reordered."""

import re

import pytest
from wagtail.documents import get_document_model
from wagtail.models import Page

from resources.models import ResourcePage
from tests.advice_support import advice_hub_url, advice_settings, valid_submission  # noqa: F401

ISOLATED = re.compile(r"<bdi\b[^>]*>[^<]*</bdi>")


def arabic(path):
    return f"/ar/{path}"


def only_isolated_items(fragment, separator="·"):
    """True when the fragment is nothing but isolated items and separators."""
    return ISOLATED.search(fragment) is not None and ISOLATED.sub("", fragment).replace(separator, "").strip() == ""


@pytest.mark.django_db
def test_download_buttons_isolate_language_format_and_size(client):
    resource = ResourcePage.objects.live().filter(locale__language_code="ar").first()

    html = client.get(resource.url).content.decode()

    buttons = re.findall(r'(?s)<a class="button downloads__button"[^>]*>(.*?)</a>', html)
    assert buttons
    for button in buttons:
        assert only_isolated_items(button), button
        assert re.match(r'<bdi lang="[a-z]{2}">', button), button
        assert "<bdi>PDF</bdi>" in button


@pytest.mark.django_db
def test_library_cards_isolate_the_languages_a_resource_is_available_in(client):
    html = client.get(arabic("how-cti-can-help/tools-and-guides/")).content.decode()

    languages = re.findall(r'(?s)<p class="resource-card__languages">[^<]*(.*?)</p>', html)
    assert languages
    for names in languages:
        assert only_isolated_items(names), names
    assert '<bdi lang="en">English</bdi>' in html


@pytest.mark.django_db
def test_a_document_link_isolates_its_title_and_details(client):
    document = get_document_model().objects.filter(language="en").first()
    page = Page.objects.get(slug="about", locale__language_code="ar").specific
    page.body.append(("document", {"document": document, "label": ""}))
    page.save_revision().publish()

    html = client.get(arabic("about/")).content.decode()

    link = re.search(r'(?s)<p class="document-link">(.*?)</p>', html).group(1)
    assert re.search(rf'<a href="[^"]+" hreflang="en" dir="auto">{re.escape(document.title)}</a>', link)
    meta = re.search(r'<span class="document-link__meta">(.*?)</span>', link).group(1)
    assert only_isolated_items(meta), meta
    assert '<bdi lang="en">English</bdi>' in meta


@pytest.mark.django_db
def test_email_addresses_run_left_to_right_and_postal_addresses_are_isolated(client):
    html = client.get(arabic("about/secretariat/")).content.decode()

    emails = re.findall(r'<a href="mailto:[^"]+"[^>]*>', html)
    assert len(emails) >= 2, "the Secretariat's contact and the footer"
    assert all('dir="ltr"' in link for link in emails), emails
    addresses = re.findall(r"(?s)<address>(.*?)</address>", html)
    assert len(addresses) == 2
    assert all(address.strip().startswith("<bdi>") for address in addresses), addresses


@pytest.mark.django_db
def test_the_advice_reference_number_runs_left_to_right_in_arabic(client):
    response = client.post(advice_hub_url("ar"), valid_submission())
    html = client.get(response["Location"]).content.decode()

    assert re.search(r'<strong class="advice-confirmation__reference" dir="ltr">CTI-[A-Z0-9]{8}</strong>', html)


@pytest.mark.django_db
def test_the_searched_words_are_isolated_in_the_arabic_result_count(client):
    html = client.get(arabic("search/"), {"q": "Le Temps 2019"}).content.decode()

    count = re.search(r'(?s)<p class="search-count" role="status">(.*?)</p>', html).group(1)
    assert "<bdi>Le Temps 2019</bdi>" in count


@pytest.mark.django_db
def test_the_searched_words_stay_escaped_inside_their_isolation(client):
    html = client.get(arabic("search/"), {"q": "<b>x</b>"}).content.decode()

    assert "<bdi>&lt;b&gt;x&lt;/b&gt;</bdi>" in html
    assert "<b>x</b>" not in html


@pytest.mark.django_db
def test_core_state_names_are_isolated_even_when_not_yet_translated(client):
    page = Page.objects.get(slug="core-states", locale__language_code="ar").specific
    state = page.core_states.first()
    state.name = "Korea (Republic of)"
    state.save()
    page.save_revision().publish()

    html = client.get(arabic("about/core-states/")).content.decode()

    names = re.findall(r'<h2 class="state__name">(.*?)</h2>', html)
    assert names and all(ISOLATED.fullmatch(name) for name in names), names
    assert "<bdi>Korea (Republic of)</bdi>" in names
