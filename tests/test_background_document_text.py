"""A document's text is read by a background task, with its own time and memory limits, never in the upload.

The suite runs background tasks at once (cti_site/settings/test.py: the immediate backend), so other
tests see a document's text as soon as it is saved. Here "background" is the database backend, as in
production: the upload only queues the task. The queued task is then run in the test's process from its
database row, as the worker runs it (`manage.py db_worker` cannot run inside a test's transaction: it
closes the connection between tasks). The whole worker command runs against a real database in
tests/browser/test_secretariat_adds_resource_in_two_languages.py.
"""

import time

import pytest
from django.test import override_settings
from django_tasks_db.models import DBTaskResult

from resources.models import LibraryDocument, ResourceFile
from resources.pdf_text import extract_text_with_limits
from demo.sample_files import sample_pdf
from tests import document_support
from tests.library_support import publish_resource

QUEUED = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "background": {"BACKEND": "django_tasks_db.DatabaseBackend"},
}


def run_queued_tasks():
    """Each queued task, run from its row as the worker does; how long each took."""
    durations = []
    for row in DBTaskResult.objects.ready().order_by("enqueued_at"):
        started = time.monotonic()
        row.task.call(*row.task_result.args, **row.task_result.kwargs)
        durations.append(time.monotonic() - started)
        row.delete()
    return durations


@pytest.mark.django_db
@override_settings(TASKS=QUEUED)
def test_the_upload_answers_at_once_and_search_gains_the_text_when_the_task_ran(editor_client, client):
    answer = document_support.upload(editor_client, "oversight.pdf", sample_pdf("Oversight", "Ombudsperson inspections."))
    document = LibraryDocument.objects.get(pk=answer["doc_id"])
    resource = publish_resource("Oversight guide")
    resource.files.add(ResourceFile(document=document))
    resource.save_revision().publish()

    assert document.text == ""
    queued = DBTaskResult.objects.ready().filter(task_path="resources.tasks.extract_document_text")
    assert [document.pk, document.file.name] in [row.task_result.args for row in queued]
    assert "Oversight guide" not in client.get("/en/search/?q=ombudsperson").content.decode()

    run_queued_tasks()

    assert "Ombudsperson inspections" in LibraryDocument.objects.get(pk=document.pk).text
    assert "Oversight guide" in client.get("/en/search/?q=ombudsperson").content.decode()


@pytest.mark.django_db
@override_settings(TASKS=QUEUED, DOCUMENT_TEXT_TIME_LIMIT=3)
def test_the_crafted_pdf_neither_holds_the_upload_nor_the_worker(client, translator_for):
    client.force_login(translator_for("es"))
    data = document_support.crafted_pdf()
    assert len(data) < 40_000

    started = time.monotonic()
    answer = document_support.upload(client, "trampa.pdf", data)
    document_support.update(client, answer, title="Trampa")
    assert time.monotonic() - started < 3
    assert answer["success"]

    durations = run_queued_tasks()

    assert len(durations) == 1 and durations[0] < 3 + 1
    assert LibraryDocument.objects.get(pk=answer["doc_id"]).text == ""


def test_a_page_slower_than_the_time_limit_is_stopped():
    started = time.monotonic()

    text = extract_text_with_limits(document_support.crafted_pdf(pages=2, operations=200_000), "pdf", 1, 512)

    assert text == "" and time.monotonic() - started < 2


def test_the_reading_process_cannot_take_more_memory_than_its_limit(caplog):
    # 60 KB that decompress into 60 MB.
    swelling = document_support.crafted_pdf(pages=1, content=b" " * 60_000_000)

    assert extract_text_with_limits(swelling, "pdf", 20, 100) == ""

    assert "MemoryError" in caplog.text
    assert "Limited" in extract_text_with_limits(sample_pdf("Memory", "Limited"), "pdf", 10, 100)
