import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from resources import listing
from tests.library_support import LIBRARY_URL, library_url, publish_resource
from tests.pages import main_text


@pytest.mark.django_db
def test_an_untranslated_resource_still_appears_in_every_library_marked_with_its_languages(client):
    publish_resource("Briefing on detention monitoring", languages=("en", "es"))

    html = client.get(library_url("fr")).content.decode()

    assert re.search(r'<h2 class="resource-card__title" lang="en"[^>]*><a href="/en/[^"]+">Briefing on detention monitoring', html)
    assert html.count(">Briefing on detention monitoring</a>") == 1
    card = html[html.index("Briefing on detention monitoring") :]
    assert "English" in card[:1500] and "Español" in card[:1500]


@pytest.mark.django_db
def test_a_translated_resource_is_listed_once_in_the_visitors_language(client):
    text = main_text(client.get(library_url("fr")).content.decode())

    assert "Boîte à outils pour la police" in text
    assert "Police Resource Toolkit" not in text
    assert "20 ressources" in text or "20 resources" in text


@pytest.mark.django_db
def test_the_resource_page_offers_the_visitors_language_first(client):
    html = client.get(f"{library_url('fr')}uncat-and-opcat-texts/").content.decode()

    buttons = re.findall(r'class="button downloads__button"[^>]*hreflang="([a-z]+)"', html)
    assert buttons[0] == "fr"
    assert sorted(buttons) == ["ar", "en", "es", "fr", "pt"]
    assert re.search(r"Français</bdi> · <bdi>PDF</bdi> · <bdi>[\d.,]+\s[^<]+</bdi>", html)


@pytest.mark.django_db
@pytest.mark.parametrize("page", ["abc", "0", "-1", "99999", "1.5", ""])
def test_pagination_edges_give_a_page(client, monkeypatch, page):
    monkeypatch.setattr(listing, "RESOURCES_PER_PAGE", 5)

    response = client.get(f"{LIBRARY_URL}?page={page}")

    assert response.status_code == 200
    assert "resource-card" in response.content.decode()


@pytest.mark.django_db
def test_a_page_past_the_end_shows_the_last_page(client, monkeypatch):
    monkeypatch.setattr(listing, "RESOURCES_PER_PAGE", 5)

    text = main_text(client.get(f"{LIBRARY_URL}?page=99999").content.decode())

    assert "Page 4 of 4" in text
    assert "UNCAT and OPCAT" in text


@pytest.mark.django_db
def test_page_links_keep_the_filters(client, monkeypatch):
    monkeypatch.setattr(listing, "RESOURCES_PER_PAGE", 2)

    html = client.get(f"{LIBRARY_URL}?topic=safeguards").content.decode()

    assert "?topic=safeguards&amp;page=2" in html


def queries_and_cards(client, url):
    client.get(url)  # caches such as the site's root paths are filled once per process
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response.content.decode().count('<li class="resource-card">')


@pytest.mark.django_db
def test_the_number_of_queries_does_not_grow_with_the_results(client):
    for number in range(12):
        publish_resource(f"Extra briefing {number}", languages=("en", "fr", "ar"), topics=("safeguards", "policing"))

    one_result, one_card = queries_and_cards(client, f"{LIBRARY_URL}?kind=report")
    full_page, cards = queries_and_cards(client, LIBRARY_URL)

    assert (one_card, cards) == (1, listing.RESOURCES_PER_PAGE)
    assert full_page <= one_result


@pytest.mark.django_db
def test_the_home_page_shows_the_latest_resources_in_the_visitors_language(client):
    text = main_text(client.get("/es/").content.decode())

    assert "Conjunto de recursos para la policía" in text
    assert "Police Resource Toolkit" not in text
