"""A large library for benchmarks: N resources in every locale, built from the demo catalogue's text."""

import random
import uuid

from django.core.management.base import BaseCommand, CommandError
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backend

from demo.library import RESOURCES
from demo.translation import catalogue
from resources.models import LibraryDocument, ResourceFile, ResourceLibraryPage, ResourcePage, Topic

SLUG_PREFIX = "generated-"
BATCH = 100


class Command(BaseCommand):
    help = (
        "Add COUNT generated resources to the library of every locale (5,000 × 5 locales for the "
        "benchmark), reusing the demo's files and text. Run load_demo_content first; --delete removes them."
    )

    def add_arguments(self, parser):
        parser.add_argument("--count", type=int, default=5000)
        parser.add_argument("--seed", type=int, default=2024)
        parser.add_argument("--delete", action="store_true", help="Remove the generated resources and stop.")

    def handle(self, *args, count, seed, delete, **options):
        if delete:
            deleted = ResourcePage.objects.filter(slug__startswith=SLUG_PREFIX)
            total = deleted.count()
            for page in deleted.iterator():
                page.delete()
            self.stdout.write(f"Deleted {total} generated resources.")
            return
        libraries = {page.locale_id: page for page in ResourceLibraryPage.objects.select_related("locale")}
        english = Locale.objects.get(language_code="en")
        if english.pk not in libraries:
            raise CommandError("No English library: run load_demo_content first.")
        documents = list(LibraryDocument.objects.filter(collection__name="Library"))
        topics = list(Topic.objects.filter(locale=english))
        if not documents or not topics:
            raise CommandError("The demo library has no files or topics: run load_demo_content first.")
        start = ResourcePage.objects.filter(slug__startswith=SLUG_PREFIX, locale=english).count()
        generator = random.Random(seed + start)
        backend = get_search_backend()
        for first in range(start, start + count, BATCH):
            numbers = range(first, min(first + BATCH, start + count))
            with transaction.atomic():
                created = self.create_batch(numbers, generator, english, libraries, documents, topics)
            backend.add_bulk(ResourcePage, list(ResourcePage.objects.filter(pk__in=created).prefetch_related("files__document")))
            self.stdout.write(f"{numbers.stop - start} of {count} resources × {len(libraries)} locales")

    def create_batch(self, numbers, generator, english, libraries, documents, topics):
        """One batch of resources in every locale, written in bulk rather than page by page.

        Wagtail's `add_child` costs about a tenth of a second a page, an hour for 25,000 pages; rows
        are inserted here directly, with the paths, URL paths and child counts `add_child` would set.
        """
        content_type = ContentType.objects.get_for_model(ResourcePage)
        resources = [self.choose(number, generator, documents, topics) for number in numbers]
        created = []
        for locale_id, library in libraries.items():
            library = Page.objects.select_for_update().get(pk=library.pk)
            last = library.get_last_child()
            position = Page._str2int(last.path[-Page.steplen :]) if last else 0
            strings = {} if locale_id == english.pk else catalogue(libraries[locale_id].locale.language_code)
            now = timezone.now()
            titles = [self.title(resource, strings) for resource in resources]
            pages = Page.objects.bulk_create(
                Page(
                    path=Page._get_path(library.path, library.depth + 1, position + offset),
                    depth=library.depth + 1,
                    numchild=0,
                    title=title,
                    draft_title=title,
                    slug=resource["slug"],
                    url_path=f"{library.url_path}{resource['slug']}/",
                    content_type=content_type,
                    locale_id=locale_id,
                    translation_key=resource["translation_key"],
                    live=True,
                    first_published_at=now,
                    last_published_at=now,
                )
                for offset, (resource, title) in enumerate(zip(resources, titles), start=1)
            )
            for page, resource in zip(pages, resources):
                spec = resource["spec"]
                specific = ResourcePage(
                    summary=strings.get(spec["summary"], spec["summary"]),
                    kind=spec["kind"],
                    publication_date=resource["date"],
                )
                specific.__dict__.update({field.attname: getattr(page, field.attname) for field in Page._meta.concrete_fields})
                specific.page_ptr_id = page.pk
                # raw: the page row exists; only the resource's own row is inserted (and nothing indexed yet).
                specific.save_base(raw=True, force_insert=True)
                created.append(page.pk)
            Page.objects.filter(pk=library.pk).update(numchild=library.numchild + len(resources))
            ResourceFile.objects.bulk_create(
                ResourceFile(page_id=page_id, document=document, sort_order=order)
                for page_id, resource in zip(created[-len(resources) :], resources)
                for order, document in enumerate(resource["files"])
            )
            ResourcePage.topics.through.objects.bulk_create(
                ResourcePage.topics.through(resourcepage_id=page_id, topic_id=topic.pk)
                for page_id, resource in zip(created[-len(resources) :], resources)
                for topic in resource["topics"]
            )
        return created

    @staticmethod
    def title(resource, strings):
        spec = resource["spec"]
        return f"{strings.get(spec['title'], spec['title'])} ({resource['number']})"

    @staticmethod
    def choose(number, generator, documents, topics):
        spec = generator.choice(RESOURCES)
        return {
            "number": number,
            "slug": f"{SLUG_PREFIX}{number}",
            "spec": spec,
            "files": generator.sample(documents, k=generator.randint(1, 4)),
            "topics": generator.sample(topics, k=generator.randint(1, 2)),
            "date": spec["date"].replace(year=generator.randint(2014, 2025), day=generator.randint(1, 28)),
            "translation_key": uuid.uuid4(),
        }
