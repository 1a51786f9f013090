"""The figures on the treaty status page and the home page are those of the data, in every language."""

import pytest

from countries.un import REGIONS, member_states

from .treaty_status_support import LANGUAGES, OPCAT_FILE, UNCAT_FILE, figures, page_url, statuses_in_file, table_rows


def expected_figures(statuses, codes):
    parties = sum(statuses[code] == "party" for code in codes)
    signatories = sum(statuses[code] == "signatory" for code in codes)
    return (parties, signatories, len(codes) - parties)


@pytest.mark.django_db
@pytest.mark.parametrize("language_code", LANGUAGES)
def test_headline_figures_match_the_data(client, language_code):
    uncat, opcat = statuses_in_file(UNCAT_FILE), statuses_in_file(OPCAT_FILE)
    html = client.get(page_url(language_code)).content.decode()

    assert figures(html, "ts-figures__treaty") == [
        expected_figures(uncat, member_states()), expected_figures(opcat, member_states())
    ]
    assert figures(html, "ts-figures__treaty")[0] == (171, 4, 22)
    assert html.count("193") >= 2


@pytest.mark.django_db
def test_regional_figures_add_up_to_the_data(client):
    uncat = statuses_in_file(UNCAT_FILE)
    html = client.get(page_url("en")).content.decode()
    region_table = html.split('<table class="ts-region-table">')[1]

    for region in REGIONS:
        codes = [code for code, state in member_states().items() if state.region == region]
        parties, signatories, still_to_ratify = expected_figures(uncat, codes)
        assert f"({len(codes)})</span></th><td>{parties}</td><td>{signatories}</td><td>{still_to_ratify}</td>" in region_table


@pytest.mark.django_db
@pytest.mark.parametrize("language_code", LANGUAGES)
def test_the_table_lists_every_member_state_with_its_status(client, language_code):
    uncat, opcat = statuses_in_file(UNCAT_FILE), statuses_in_file(OPCAT_FILE)
    rows = table_rows(client.get(page_url(language_code)).content.decode())

    assert len(rows) == 193
    names = {state.name(language_code): code for code, state in member_states().items()}
    for name, statuses, _html in rows:
        assert statuses == [uncat[names[name]], opcat[names[name]]], name


@pytest.mark.django_db
@pytest.mark.parametrize("language_code", LANGUAGES)
def test_the_home_page_shows_the_conventions_figures_and_links_to_the_page(client, language_code):
    html = client.get(f"/{language_code}/").content.decode()

    assert figures(html, "treaty-headline") == [(171, 4, 22)]
    assert f'href="{page_url(language_code)}"' in html.split('class="treaty-headline"')[1]
