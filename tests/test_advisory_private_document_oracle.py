"""Wagtail's conditional-request advisory on private documents, against this site's document view.

A visitor who guesses a private document's hash (or its date) must not learn whether the guess is
right: a conditional or partial request for a document they may not open never answers 304 or 206,
and the refusal carries no ETag or Last-Modified to compare.
"""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Collection, CollectionViewRestriction

from pages.roles import SECRETARIAT_EDITORS
from tests.library_support import make_document

FUTURE = "Fri, 01 Jan 2100 00:00:00 GMT"
PAST = "Thu, 01 Jan 1970 00:00:00 GMT"


def private_document(restriction_type, name):
    collection = Collection.get_first_root_node().add_child(name=name)
    restriction = CollectionViewRestriction.objects.create(collection=collection, restriction_type=restriction_type)
    if restriction_type == CollectionViewRestriction.GROUPS:
        restriction.groups.set([Group.objects.get(name=SECRETARIAT_EDITORS)])
    return make_document(f"{name} report", collection=collection)


def conditional_headers(document):
    digest = document.file_hash
    return [
        {"HTTP_IF_NONE_MATCH": f'"{digest}"'},
        {"HTTP_IF_NONE_MATCH": f'W/"{digest}"'},
        {"HTTP_IF_NONE_MATCH": digest},
        {"HTTP_IF_NONE_MATCH": "*"},
        {"HTTP_IF_MODIFIED_SINCE": FUTURE},
        {"HTTP_IF_NONE_MATCH": f'"{digest}"', "HTTP_IF_MODIFIED_SINCE": FUTURE},
        {"HTTP_IF_MATCH": f'"{digest}"'},
        {"HTTP_IF_UNMODIFIED_SINCE": PAST},
        {"HTTP_RANGE": "bytes=0-0"},
        {"HTTP_RANGE": "bytes=0-0", "HTTP_IF_RANGE": f'"{digest}"'},
    ]


def content(response):
    return b"".join(response.streaming_content) if getattr(response, "streaming", False) else response.content


def assert_refused_without_a_hint(response):
    assert response.status_code in (302, 403, 404), response.status_code
    assert "ETag" not in response and "Last-Modified" not in response
    assert b"%PDF" not in content(response)


@pytest.fixture
def staff_only_document(db):
    return private_document(CollectionViewRestriction.GROUPS, "Secretariat only")


@pytest.fixture
def login_only_document(db):
    return private_document(CollectionViewRestriction.LOGIN, "Staff only")


@pytest.mark.django_db
@pytest.mark.parametrize("which", ["staff_only_document", "login_only_document"])
def test_anonymous_conditional_requests_never_confirm_a_guess(client, request, which):
    document = request.getfixturevalue(which)
    wrong_name = document.url.rsplit("/", 1)[0] + "/another-name.pdf"

    for url in (document.url, wrong_name):
        for headers in conditional_headers(document):
            for method in (client.get, client.head):
                assert_refused_without_a_hint(method(url, **headers))


@pytest.mark.django_db
def test_staff_outside_the_group_learn_nothing_either(client, translator_for, staff_only_document):
    client.force_login(translator_for("es"))

    for headers in conditional_headers(staff_only_document):
        assert_refused_without_a_hint(client.get(staff_only_document.url, **headers))


@pytest.mark.django_db
def test_the_group_it_belongs_to_still_downloads_it(editor_client, staff_only_document):
    response = editor_client.get(staff_only_document.url)

    assert response.status_code == 200
    assert content(response).startswith(b"%PDF")
    assert "public" not in response.get("Cache-Control", "")
