import pytest

from tests.library_support import LIBRARY_URL, library_url
from tests.pages import main_text


def listing(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return main_text(response.content.decode())


@pytest.mark.django_db
def test_the_library_lists_every_resource_newest_first(client):
    text = listing(client, LIBRARY_URL)

    assert "20 resources" in text
    assert text.index("Police Resource Toolkit") < text.index("Guide on anti-torture legislation")


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query, expected, absent",
    [
        ("kind=toolkit", ["Police Resource Toolkit"], ["UNCAT Article-by-Article"]),
        ("topic=redress", ["providing rehabilitation"], ["Police Resource Toolkit"]),
        ("language=pt", ["UNCAT Ratification Tool", "Guide on anti-torture legislation"], ["UNCAT Explainer"]),
        ("year=2017", ["CTI Training Tool 1/2017", "UNCAT Explainer"], ["Police Resource Toolkit"]),
        ("topic=safeguards&language=ar", ["Police Resource Toolkit", "4/2018"], ["Guide on anti-torture legislation"]),
        ("topic=safeguards&kind=tool&language=fr", ["2/2017"], ["Police Resource Toolkit", "Article-by-Article"]),
        ("q=rehabilitation&language=fr", ["providing rehabilitation"], ["Police Resource Toolkit"]),
    ],
)
def test_filters_and_their_combinations(client, query, expected, absent):
    text = listing(client, f"{LIBRARY_URL}?{query}")

    for title in expected:
        assert title in text
    for title in absent:
        assert title not in text


@pytest.mark.django_db
def test_a_french_official_finds_the_safeguards_guides_in_french(client):
    text = listing(client, f"{library_url('fr')}?topic=safeguards&kind=guide&language=fr")

    assert "1 ressource" in text or "1 resource" in text
    assert "La Convention contre la torture article par article" in text
    assert "Français" in text


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["topic=no-such-topic", "kind=poem", "year=abc", "language=xx", "q=" + "x" * 5000])
def test_unknown_filter_values_give_a_page_not_an_error(client, query):
    response = client.get(f"{LIBRARY_URL}?{query}")

    assert response.status_code == 200


@pytest.mark.django_db
def test_no_match_suggests_clearing_the_filters(client):
    text = listing(client, f"{LIBRARY_URL}?kind=report&year=2002")

    assert "0 resources" in text
    assert "Clear the filters" in text
