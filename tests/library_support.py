"""Helpers for the library tests: a published resource with files in some languages."""

import datetime

from django.core.files.base import ContentFile

from resources.models import LibraryDocument, ResourceFile, ResourceLibraryPage, ResourcePage, Topic
from demo.sample_files import sample_pdf

LIBRARY_URL = "/en/how-cti-can-help/tools-and-guides/"


def library_url(language_code="en"):
    return ResourceLibraryPage.objects.get(locale__language_code=language_code).url


def make_document(title, language="en", collection=None, data=None, name=None):
    document = LibraryDocument(title=title, language=language)
    if collection is not None:
        document.collection = collection
    document.file.save(name or f"{title.lower().replace(' ', '-')}-{language}.pdf", ContentFile(data or sample_pdf(title, title)), save=False)
    document.save()
    return document


def publish_resource(title, languages=("en",), kind="tool", topics=("safeguards",), date=None, summary=None):
    """An English resource under the English library, published, not translated."""
    library = ResourceLibraryPage.objects.get(locale__language_code="en")
    page = ResourcePage(
        title=title,
        slug=title.lower().replace(" ", "-"),
        summary=summary or f"A summary of {title}.",
        kind=kind,
        publication_date=date or datetime.date(2024, 1, 1),
        live=False,
    )
    page.topics = list(Topic.objects.filter(locale__language_code="en", slug__in=topics))
    page.files = [ResourceFile(document=make_document(f"{title} {code}", code)) for code in languages]
    library.add_child(instance=page)
    page.save_revision().publish()
    return page
