import re

import pytest

from tests.pages import CONTENT_PAGES, main_text

KEY_TEXT = {
    "/en/": "Torture is never, under any circumstances, justified.",
    "/en/about/": "UN General Assembly resolution A/RES/74/143 of 2019",
    "/en/about/core-states/": "Indonesia",
    "/en/about/secretariat/": "Head of the Secretariat",
    "/en/about/group-of-friends/": "How to join",
    "/en/about/operating-principles/": "Twinning",
    "/en/about/history/": "the 25th session of the Human Rights Council in Geneva",
    "/en/how-cti-can-help/": "Study visits",
    "/en/how-cti-can-help/tools-and-guides/": "Tools and guides",
    "/en/how-cti-can-help/advice-hub/": "Advice hub",
}


@pytest.mark.django_db
@pytest.mark.parametrize("url", CONTENT_PAGES)
def test_every_page_type_renders_with_its_content_and_one_heading(client, url):
    response = client.get(url)

    assert response.status_code == 200
    html = response.content.decode()
    assert KEY_TEXT[url] in " ".join(main_text(html).split())
    assert len(re.findall(r"<h1\b", html)) == 1
    assert '<html lang="en" dir="ltr">' in html


@pytest.mark.django_db
def test_core_states_show_flag_name_and_year(client):
    html = client.get("/en/about/core-states/").content.decode()

    for name in ["Chile", "Denmark", "Fiji", "Ghana", "Indonesia", "Morocco"]:
        assert f'<h2 class="state__name"><bdi>{name}</bdi></h2>' in html
    assert html.count('class="state__flag"') == 6
    assert "Core State since 2019" in html
    assert re.search(r'<img[^>]+class="state__flag"[^>]+loading="lazy"|<img[^>]+loading="lazy"[^>]+class="state__flag"', html)


@pytest.mark.django_db
def test_home_page_has_banner_with_dimensions_and_entry_points(client):
    html = client.get("/en/").content.decode()

    banner = re.search(r"<img[^>]+hero__image[^>]*>", html).group(0)
    assert 'width="' in banner and 'height="' in banner
    for section in ["/en/about/", "/en/how-cti-can-help/", "/en/how-cti-can-help/tools-and-guides/",
                    "/en/how-cti-can-help/advice-hub/", "/en/about/history/"]:
        assert f'href="{section}"' in html


@pytest.mark.django_db
def test_layout_has_skip_link_menu_breadcrumb_and_footer_contact(client):
    html = client.get("/en/about/history/").content.decode()

    assert 'href="#main"' in html and 'id="main"' in html
    assert 'id="main-menu"' in html and 'href="/en/about/history/"' in html
    assert 'aria-label="Breadcrumb"' in html and 'aria-current="page"' in html
    assert "info@cti2024.org" in html
    assert 'href="/en/how-cti-can-help/advice-hub/">Need advice?</a>' in html


@pytest.mark.django_db
def test_history_links_open_the_launch_documents_in_the_library(client):
    html = client.get("/en/about/history/").content.decode()
    links = re.findall(r'href="(/en/how-cti-can-help/tools-and-guides/[^"]+/)"', html)

    assert len(links) == 4
    for link in links:
        resource = client.get(link)
        assert resource.status_code == 200
        download = re.search(r'href="(/documents/[^"]+)"', resource.content.decode()).group(1)
        response = client.get(download)
        assert response.status_code == 200
        assert response["Content-Type"] == "application/pdf"
