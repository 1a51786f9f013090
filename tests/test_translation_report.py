import re

import pytest
from wagtail.models import Page

from pages.models import StandardPage
from tests.translation_helpers import page_in

REPORT = "/admin/translations/coverage/"
CELL = re.compile(r'data-language="([a-z]+)" data-status="([a-z-]+)"')


def cells(html):
    return CELL.findall(html)


@pytest.mark.django_db
def test_the_report_shows_every_english_page_in_every_other_language(editor_client):
    response = editor_client.get(REPORT)

    assert response.status_code == 200
    html = response.content.decode()
    english_pages = Page.objects.filter(depth__gte=2, locale__language_code="en").count()
    assert len(cells(html)) == english_pages * 4
    assert {status for _code, status in cells(html)} == {"up-to-date"}
    assert "Translation coverage" in html
    assert '<th scope="col" lang="ar">' in html


@pytest.mark.django_db
def test_missing_and_out_of_date_translations_are_flagged_with_a_way_to_act(editor_client, editor):
    about = page_in("about", "en")
    new_page = about.add_child(instance=StandardPage(title="Annual report", slug="annual-report"))
    new_page.save_revision().publish()
    about.introduction += " Updated."
    about.save_revision(user=editor).publish()

    html = editor_client.get(REPORT).content.decode()
    row = re.search(r"(?s)<tr>\s*<th scope=\"row\">.{0,200}Annual report.*?</tr>", html).group(0)
    about_row = re.search(rf'(?s)<tr>\s*<th scope="row">.{{0,200}}/admin/pages/{about.pk}/edit/.*?</tr>', html).group(0)

    assert {status for _code, status in cells(row)} == {"missing"}
    assert f'href="/admin/localize/submit/page/{new_page.pk}/"' in row
    assert {status for _code, status in cells(about_row)} == {"out-of-date"}
    assert "/admin/localize/update/" in about_row
    assert "The English page has changed since the last sync." in about_row


@pytest.mark.django_db
def test_a_translator_is_offered_only_their_own_language(client, translator_for):
    client.force_login(translator_for("fr"))

    html = client.get(REPORT).content.decode()

    edit_links = set(re.findall(r'href="/admin/pages/(\d+)/edit/">Edit translation', html))
    french = set(str(pk) for pk in Page.objects.filter(locale__language_code="fr").values_list("pk", flat=True))
    assert edit_links and edit_links <= french
    assert "/admin/localize/submit/" not in html


@pytest.mark.django_db
def test_the_report_costs_the_same_queries_however_many_pages(editor_client, django_assert_max_num_queries):
    with django_assert_max_num_queries(40):
        editor_client.get(REPORT)
    about = page_in("about", "en")
    for number in range(5):
        about.add_child(instance=StandardPage(title=f"Note {number}", slug=f"note-{number}")).save_revision().publish()
    with django_assert_max_num_queries(40):
        editor_client.get(REPORT)


@pytest.mark.django_db
def test_the_report_is_for_staff_only(client):
    response = client.get(REPORT)

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


@pytest.mark.django_db
def test_the_report_is_in_the_admin_menu(editor_client):
    assert f'"{REPORT}"' in editor_client.get("/admin/").content.decode().replace("&quot;", '"')
