import pytest
from django.db import connection

from tests.pages import main_text


def search(client, language_code, query):
    response = client.get(f"/{language_code}/search/", {"q": query})
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.django_db
def test_english_search_finds_pages_and_resources_with_their_kind(client):
    html = search(client, "en", "rehabilitation")

    assert "<mark>rehabilitation</mark>" in html
    assert "providing <mark>rehabilitation</mark> to victims" in html
    assert '<p class="search-result__kind">Tool</p>' in html


@pytest.mark.django_db
def test_french_search_stays_in_french(client):
    html = search(client, "fr", "réadaptation")
    text = main_text(html)

    assert "offrir une <mark>réadaptation</mark>" in html
    assert "providing rehabilitation" not in text


@pytest.mark.django_db
def test_arabic_search_finds_arabic_resources(client):
    text = main_text(search(client, "ar", "الشرطة"))

    assert "مجموعة الموارد الخاصة بالشرطة" in text
    assert "Police Resource Toolkit" not in text


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["", " ", "x" * 100_000, "<script>alert(1)</script>", "AND OR NOT", '"'])
def test_bad_queries_give_a_page(client, query):
    html = search(client, "en", query)

    assert "<script>alert(1)</script>" not in html


@pytest.mark.django_db
@pytest.mark.parametrize("page", ["abc", "99999", "-3"])
def test_result_pages_past_the_end_give_a_page(client, page):
    response = client.get("/en/search/", {"q": "Convention", "page": page})

    assert response.status_code == 200


@pytest.mark.django_db
def test_words_inside_pdf_files_are_found(client):
    # The sample PDFs say on their first page that they are samples; only the file holds that text.
    html = search(client, "en", "replace published document")

    assert "search-result__title" in html


@pytest.mark.skipif(connection.vendor != "postgresql", reason="stemming by language needs PostgreSQL")
@pytest.mark.django_db
@pytest.mark.parametrize(
    "language_code, query",
    [("fr", "ratifiée"), ("fr", "garantie"), ("ar", "تصديق"), ("es", "salvaguardia")],
)
def test_postgresql_stems_each_language(client, language_code, query):
    """None of these exact words is in the demo content; only their other forms are."""
    html = search(client, language_code, query)

    assert "search-result__title" in html
