"""Background work of the library, run by the worker (`manage.py run_worker`), never in a request."""

from django.conf import settings
from django_tasks import task
from wagtail.search import index

from resources.pdf_text import extract_text_with_limits

BACKGROUND = "background"


@task(backend=BACKGROUND)
def extract_document_text(document_id, file_name):
    """Read an uploaded document's text for search, then reindex it and the resources that offer it.

    `file_name` is the file the task was queued for: if the document has a newer file by the time the
    task runs, the task of that newer file is the one that counts.
    """
    from resources.models import LibraryDocument, ResourceFile

    document = LibraryDocument.objects.filter(pk=document_id, file=file_name).first()
    if document is None:
        return
    with document.open_file() as file:
        data = file.read()
    text = extract_text_with_limits(
        data, document.file_extension, settings.DOCUMENT_TEXT_TIME_LIMIT, settings.DOCUMENT_TEXT_MEMORY_LIMIT_MB
    )
    if not LibraryDocument.objects.filter(pk=document_id, file=file_name).update(text=text):
        return
    document.text = text
    index.insert_or_update_object(document)
    for file in ResourceFile.objects.filter(document_id=document_id).select_related("page"):
        index.insert_or_update_object(file.page)
