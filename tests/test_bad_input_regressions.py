"""Bad inputs that `make reliability` found answering 500, or stored: each answers 4xx now, or is cleaned."""

import pytest

from advice.models import AdviceQuery
from search.query import clean_query
from tests.advice_support import advice_hub_url, advice_settings, valid_submission  # noqa: F401


def test_a_search_query_drops_control_characters_postgresql_refuses():
    assert clean_query("torture\x00 prevention\x1b\x85") == "torture prevention"


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["ar", "en"])
def test_a_search_for_a_nul_character_answers(client, language):
    assert client.get(f"/{language}/search/", {"q": " \x00"}).status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("page", ["²", "١٢", "½"])
def test_the_language_switcher_ignores_a_page_number_that_is_no_ascii_number(client, page):
    response = client.get("/language/fr/", {"page": page})
    assert response.status_code == 302
    assert response["Location"] == "/fr/"


@pytest.mark.django_db
def test_a_form_declared_in_another_charset_than_utf8_is_a_400_not_a_500(client):
    # With a CSRF cookie, Django's own 400 view would check the token again, read the refused body
    # again and fail: operations.views.bad_request answers without reading it.
    client = client.__class__(enforce_csrf_checks=True)
    client.get(advice_hub_url())
    client.raise_request_exception = False
    response = client.post(advice_hub_url(), data=b"name=x", content_type="application/x-www-form-urlencoded; charset=latin-1")
    assert response.status_code == 400


@pytest.mark.django_db
@pytest.mark.parametrize("field", ["name", "position", "institution", "question"])
@pytest.mark.parametrize("garbage", ["\ufffd", "Am\x85ina", "a\x9fb"])
def test_the_advice_form_refuses_text_that_was_not_utf8_or_holds_c1_controls(client, field, garbage):
    response = client.post(advice_hub_url(), valid_submission(**{field: garbage}))
    assert response.status_code == 400
    assert not AdviceQuery.objects.exists()


@pytest.mark.django_db
def test_the_question_may_span_lines_but_holds_no_other_control_character(client):
    assert client.post(advice_hub_url(), valid_submission(question="Line one\x07")).status_code == 400
    assert client.post(advice_hub_url(), valid_submission(question="Line one\r\nLine two\tend")).status_code == 302


@pytest.mark.django_db
def test_bidirectional_overrides_are_dropped_from_what_is_stored(client):
    response = client.post(advice_hub_url(), valid_submission(
        name="Amina \u202eHaddad", institution="\u2067وزارة العدل\u2069", question="Why\u202d?"))
    assert response.status_code == 302
    query = AdviceQuery.objects.get()
    assert (query.name, query.institution, query.question) == ("Amina Haddad", "وزارة العدل", "Why?")


@pytest.mark.django_db
def test_a_name_made_only_of_overrides_is_refused(client):
    assert client.post(advice_hub_url(), valid_submission(name="\u202e\u202d")).status_code == 400
    assert not AdviceQuery.objects.exists()
