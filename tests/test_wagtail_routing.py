"""Page URLs are routed as Wagtail routes them: every live page in every locale at its own URL, and a
404 for a path that names no live page, at every depth."""

import pytest
from django.conf import settings
from wagtail.models import Page

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


@pytest.mark.django_db
def test_every_live_page_in_every_locale_is_served_at_its_url(client):
    pages = list(Page.objects.filter(depth__gte=2).live().select_related("locale"))
    assert {page.locale.language_code for page in pages} == set(LANGUAGE_CODES)
    assert len(pages) > 100
    served_elsewhere = {}
    for page in pages:
        response = client.get(page.url)
        served = response.context["page"].pk if response.status_code == 200 else response.status_code
        if served != page.pk:
            served_elsewhere[page.url] = served
    assert served_elsewhere == {}


@pytest.mark.django_db
@pytest.mark.parametrize("language_code", LANGUAGE_CODES)
@pytest.mark.parametrize(
    "path",
    [
        "no-such-page/",
        "about/no-such-page/",
        "about/core-states/no-such-page/",
        "how-cti-can-help/tools-and-guides/no-such-resource/",
        "no-such-section/core-states/",
    ],
)
def test_a_path_naming_no_page_is_a_404(client, language_code, path):
    assert client.get(f"/{language_code}/{path}").status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize("language_code", LANGUAGE_CODES)
def test_a_draft_page_is_a_404_and_its_live_children_are_served_as_wagtail_serves_them(client, language_code):
    about = Page.objects.get(depth=3, slug="about", locale__language_code=language_code)
    about.live = False
    about.save(update_fields=["live"])
    assert client.get(f"/{language_code}/about/").status_code == 404
    assert client.get(f"/{language_code}/about/core-states/").status_code == 200
