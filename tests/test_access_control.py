import pytest

from pages.models import AboutPage, StandardPage


@pytest.mark.django_db
def test_anonymous_visitors_cannot_see_drafts(client):
    about = AboutPage.objects.get(locale__language_code="en")
    draft = StandardPage(title="Unpublished plans", slug="unpublished-plans", live=False)
    about.add_child(instance=draft)
    draft.save_revision()

    response = client.get("/en/about/unpublished-plans/")

    assert response.status_code == 404
    assert "Unpublished plans" not in response.content.decode()


@pytest.mark.django_db
def test_unpublished_changes_stay_off_the_public_page(client):
    about = AboutPage.objects.get(locale__language_code="en")
    about.introduction = "A draft sentence nobody has approved."
    about.save_revision()

    assert "A draft sentence nobody has approved." not in client.get("/en/about/").content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/admin/", "/admin/pages/", "/admin/documents/", "/admin/users/"])
def test_anonymous_visitors_are_sent_to_the_login(client, url):
    response = client.get(url)

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


@pytest.mark.django_db
def test_a_preview_needs_a_login(client):
    about = AboutPage.objects.get(locale__language_code="en")

    response = client.get(f"/admin/pages/{about.pk}/edit/preview/")

    assert response.status_code == 302
