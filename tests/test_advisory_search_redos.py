"""Wagtail's denial-of-service advisories: huge search queries and enormous image filter specs.

Anyone can send the public search a 100 KB query (no spaces, or full of quotes and operators, the
shapes that made query parsing backtrack); it is cut to a few words before any parsing, and the page
says what was searched. Staff admin searches get the same shapes. No test here times anything: each
must answer normally, and the public query must come back bounded.
"""

import html as html_lib
import io
import re

import pytest
from django.core.files.images import ImageFile
from wagtail.images import get_image_model

from search.query import MAX_QUERY_LENGTH, MAX_TERMS

HUGE = 100 * 1024
QUERIES = {
    "no spaces": "a" * HUGE,
    "quotes": '"' * HUGE,
    "quoted words": '"ab" ' * (HUGE // 5),
    "operators": "torture AND NOT (OR " * (HUGE // 20),
    "prefix and weights": "a:* | b:A & !c " * (HUGE // 15),
    "nested brackets": "(" * (HUGE // 2) + ")" * (HUGE // 2),
    "filters": "type:page " * (HUGE // 10),
    "hyphens": "a-" * (HUGE // 2),
    "arabic": "اتفاقية" * (HUGE // 7),
}


def echoed_query(html):
    return html_lib.unescape(re.search(r'<input type="search" id="search-query" name="q" value="([^"]*)"', html).group(1))


@pytest.mark.django_db
@pytest.mark.parametrize("shape", QUERIES)
def test_a_100_kb_public_search_is_cut_to_a_few_words_before_searching(client, shape):
    response = client.get("/en/search/", {"q": QUERIES[shape]})

    assert response.status_code == 200
    query = echoed_query(response.content.decode())
    assert len(query) <= MAX_QUERY_LENGTH
    assert len(query.split()) <= MAX_TERMS


@pytest.mark.django_db
def test_the_cut_query_still_searches_in_every_language(client):
    for language_code in ("ar", "fr"):
        response = client.get(f"/{language_code}/search/", {"q": "torture " * 20_000, "page": "9" * 1000})
        assert response.status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("shape", ["no spaces", "quotes", "quoted words", "operators", "filters", "hyphens"])
def test_admin_searches_answer_a_100_kb_query_from_a_translator(client, translator_for, shape):
    client.force_login(translator_for("es"))
    for url in (
        "/admin/pages/search/",
        "/admin/choose-page/search/",
        "/admin/documents/",
        "/admin/documents/chooser/results/",
        "/admin/images/chooser/results/",
        "/admin/snippets/choose/resources/topic/results/",
    ):
        response = client.get(url, {"q": QUERIES[shape]})
        assert response.status_code in (200, 400), url


def small_png():
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), "navy").save(buffer, "PNG")
    return buffer.getvalue()


@pytest.mark.django_db
def test_image_previews_refuse_upscaling_filter_specs(editor_client):
    from PIL import Image

    image = get_image_model().objects.create(title="Probe", file=ImageFile(io.BytesIO(small_png()), name="probe.png"))

    for spec in ("scale-100000", f"scale-{'9' * 30}", "original|scale-5000"):
        assert editor_client.get(f"/admin/images/{image.pk}/preview/{spec}/").status_code in (400, 404), spec
    for spec in ("fill-99999x99999", "width-99999", "min-99999x99999", "max-99999x99999"):
        response = editor_client.get(f"/admin/images/{image.pk}/preview/{spec}/")
        assert response.status_code == 200, spec
        width, height = Image.open(io.BytesIO(b"".join(response.streaming_content))).size
        assert width <= 40 and height <= 30, spec
