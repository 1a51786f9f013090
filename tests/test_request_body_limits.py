"""A body too large for a public URL is refused at once with 413, before any of it is read; the
admin, where staff upload documents, keeps its own larger limit."""

import time

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.models import Collection

from advice.models import AdviceQuery
from resources.models import LibraryDocument
from tests.advice_support import advice_hub_url, advice_settings, valid_submission  # noqa: F401

FORTY_FIVE_MB = 45 * 1024 * 1024


class UnreadBody:
    """A request body that records whether anyone read from it."""

    def __init__(self, size):
        self.size = size
        self.read_bytes = 0

    def read(self, size=-1):
        size = self.size - self.read_bytes if size is None or size < 0 else min(size, self.size - self.read_bytes)
        self.read_bytes += size
        return b"a" * size

    def readline(self, size=-1):
        return self.read(size)


def post_declaring(client, path, size):
    body = UnreadBody(size)
    started = time.monotonic()
    response = client.generic(
        "POST", path, b"", content_type="application/x-www-form-urlencoded",
        CONTENT_LENGTH=str(size), **{"wsgi.input": body},
    )
    return response, body, time.monotonic() - started


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "ar"])
def test_a_45_mb_body_to_the_advice_form_is_refused_quickly_and_unread(client, language):
    response, body, seconds = post_declaring(client, advice_hub_url(language), FORTY_FIVE_MB)

    assert response.status_code == 413
    assert body.read_bytes == 0
    assert seconds < 1
    assert f'<html lang="{language}"' in response.content.decode()
    assert "no-store" in response["Cache-Control"] or "no-cache" in response["Cache-Control"]
    assert not AdviceQuery.objects.exists()


@pytest.mark.django_db
def test_a_45_mb_body_really_sent_is_refused_without_parsing_it(client):
    start = time.monotonic()
    response = client.post(advice_hub_url(), {**valid_submission(), "question": "x" * FORTY_FIVE_MB})

    assert response.status_code == 413
    assert time.monotonic() - start < 10
    assert not AdviceQuery.objects.exists()


@pytest.mark.django_db
def test_the_longest_query_a_visitor_can_write_is_still_accepted(client):
    """Arabic in every field at its full length: six bytes a letter once form-encoded, within the limit."""
    response = client.post(advice_hub_url("ar"), valid_submission(question="س" * 5000, name="ن" * 150, position="م" * 150,
                                                                   institution="و" * 200))

    assert response.status_code == 302
    assert AdviceQuery.objects.count() == 1


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/en/search/?q=x", "/language/fr/", "/en/about/"])
def test_every_public_url_has_the_limit(client, path):
    response, body, _seconds = post_declaring(client, path, settings.PUBLIC_REQUEST_BODY_MAX_SIZE + 1)

    assert response.status_code == 413
    assert body.read_bytes == 0


@pytest.mark.django_db
def test_the_admin_takes_uploads_larger_than_the_public_limit(editor_client):
    from demo.sample_files import sample_pdf

    response = editor_client.post(
        "/admin/documents/add/",
        {
            "title": "Large annual report",
            "file": SimpleUploadedFile("report.pdf", sample_pdf("Large annual report", "Text.")),
            "collection": Collection.get_first_root_node().pk,
            "language": "en",
            "notes_that_make_the_body_large": "x" * (settings.PUBLIC_REQUEST_BODY_MAX_SIZE * 2),
        },
    )

    assert response.status_code == 302
    assert LibraryDocument.objects.filter(title="Large annual report").exists()
