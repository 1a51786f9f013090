import pytest
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from pages.models import AboutPage


def about_form(about, **changes):
    fields = {
        "title": about.title,
        "slug": about.slug,
        "introduction": about.introduction,
        "body": streamfield([("paragraph", rich_text("<p>The Initiative met in Geneva this week.</p>"))]),
        "aspirations_heading": about.aspirations_heading,
        "aspirations": inline_formset(
            [{"id": item.pk, "text": item.text} for item in about.aspirations.all()],
            initial=about.aspirations.count(),
        ),
        "resolution_quote": about.resolution_quote,
        "resolution_citation": about.resolution_citation,
        "partner_heading": about.partner_heading,
        "partner_text": rich_text(about.partner_text),
        "seo_title": "",
        "search_description": about.search_description,
    }
    fields.update(changes)
    return nested_form_data(fields)


@pytest.mark.django_db
def test_an_editor_edits_and_publishes_the_about_page(client, editor):
    about = AboutPage.objects.get(locale__language_code="en")
    assert client.post("/admin/login/", {"username": "editor", "password": "correct-horse-battery"}).status_code == 302

    response = client.post(
        f"/admin/pages/{about.pk}/edit/",
        {**about_form(about, introduction="CTI helps States end torture."), "action-publish": "action-publish"},
    )

    assert response.status_code == 302, response.content.decode()[:2000]
    public = client.get("/en/about/").content.decode()
    assert "CTI helps States end torture." in public
    assert "The Initiative met in Geneva this week." in public
