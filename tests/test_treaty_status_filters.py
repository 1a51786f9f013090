"""The table is filtered by region and by status, and sorted, with plain GET links that can be shared."""

import re
from html import unescape

import pytest

from countries.un import member_states, sort_key

from .treaty_status_support import OPCAT_FILE, UNCAT_FILE, page_url, statuses_in_file, table_rows

EUROPE, AFRICA = 150, 2


def codes_of(rows, language_code="en"):
    names = {state.name(language_code): code for code, state in member_states().items()}
    return [names[name] for name, _statuses, _html in rows]


@pytest.mark.django_db
def test_filtering_by_region(client):
    rows = table_rows(client.get(page_url("en") + f"?region={EUROPE}").content.decode())

    assert sorted(codes_of(rows)) == sorted(code for code, state in member_states().items() if state.region == EUROPE)


@pytest.mark.django_db
def test_filtering_by_status_under_each_treaty_and_region_together(client):
    uncat, opcat = statuses_in_file(UNCAT_FILE), statuses_in_file(OPCAT_FILE)

    not_yet = table_rows(client.get(page_url("en") + "?uncat=neither").content.decode())
    african_parties_to_the_protocol = table_rows(
        client.get(page_url("en") + f"?region={AFRICA}&opcat=party").content.decode()
    )

    assert sorted(codes_of(not_yet)) == sorted(code for code, status in uncat.items() if status == "neither")
    assert len(not_yet) == 18
    assert sorted(codes_of(african_parties_to_the_protocol)) == sorted(
        code for code, state in member_states().items() if state.region == AFRICA and opcat[code] == "party"
    )


@pytest.mark.django_db
def test_the_filter_links_keep_the_other_choices_and_mark_the_current_one(client):
    html = client.get(page_url("en") + f"?region={EUROPE}&sort=uncat").content.decode()
    filters = re.search(r'(?s)<nav class="ts-filters".*?</nav>', html).group(0)

    assert f'href="{page_url("en")}?region={EUROPE}&amp;sort=uncat#states" aria-current="true"' in filters
    assert f'href="{page_url("en")}?region={EUROPE}&amp;uncat=signatory&amp;sort=uncat#states"' in filters
    assert f'href="{page_url("en")}?sort=uncat#states"' in filters
    table_head = re.search(r'(?s)<table class="ts-table">.*?</thead>', html).group(0)
    assert '<th scope="col" aria-sort="ascending"><a href="' in table_head


@pytest.mark.django_db
def test_sorting_by_the_convention_puts_the_earliest_parties_first_and_those_not_yet_party_last(client):
    uncat = statuses_in_file(UNCAT_FILE)
    rows = table_rows(client.get(page_url("en") + "?sort=uncat").content.decode())
    statuses = [row_statuses[0] for _name, row_statuses, _html in rows]
    years = [int(re.search(r"since (\d{4})", unescape(html)).group(1)) for _name, row_statuses, html in rows if row_statuses[0] == "party"]

    assert statuses == sorted(statuses, key=["party", "signatory", "neither"].index)
    assert years == sorted(years)
    assert len(years) == sum(status == "party" for status in uncat.values())


@pytest.mark.django_db
@pytest.mark.parametrize("language_code", ["ar", "en", "es", "fr", "pt"])
def test_states_are_in_the_alphabetical_order_of_each_language(client, language_code):
    rows = table_rows(client.get(page_url(language_code)).content.decode())

    assert codes_of(rows, language_code) == sorted(member_states(), key=sort_key(language_code))


@pytest.mark.django_db
def test_arabic_names_are_the_uns_filed_after_the_article(client):
    names = [name for name, _statuses, _html in table_rows(client.get(page_url("ar")).content.decode())]

    assert names[:4] == ["الاتحاد الروسي", "إثيوبيا", "أذربيجان", "الأرجنتين"]


@pytest.mark.django_db
def test_unknown_filter_values_show_every_state_and_are_not_echoed(client):
    response = client.get(page_url("en") + "?region=999&uncat=<script>&sort=%22onmouseover")

    assert response.status_code == 200
    assert len(table_rows(response.content.decode())) == 193
    assert "<script>" not in response.content.decode().split("<main")[1]
    assert "onmouseover" not in response.content.decode()
