"""A large library for benchmarks: N resources in every locale, built from the demo catalogue's text."""

import random

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from wagtail.models import Locale

from pages.demo.translation import catalogue
from resources.demo import RESOURCES
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
        for first in range(start, start + count, BATCH):
            with transaction.atomic():
                for number in range(first, min(first + BATCH, start + count)):
                    self.create(number, generator, english, libraries, documents, topics)
            self.stdout.write(f"{min(first + BATCH, start + count) - start} of {count} resources × {len(libraries)} locales")

    def create(self, number, generator, english, libraries, documents, topics):
        spec = generator.choice(RESOURCES)
        files = generator.sample(documents, k=generator.randint(1, 4))
        chosen_topics = generator.sample(topics, k=generator.randint(1, 2))
        date = spec["date"].replace(year=generator.randint(2014, 2025), day=generator.randint(1, 28))
        source = None
        for locale_id, library in sorted(libraries.items(), key=lambda item: item[0] != english.pk):
            strings = {} if locale_id == english.pk else catalogue(library.locale.language_code)
            page = ResourcePage(
                title=f"{strings.get(spec['title'], spec['title'])} ({number})",
                slug=f"{SLUG_PREFIX}{number}",
                summary=strings.get(spec["summary"], spec["summary"]),
                kind=spec["kind"],
                publication_date=date,
                locale_id=locale_id,
                live=True,
            )
            if source is not None:
                page.translation_key = source.translation_key
            page.topics = chosen_topics
            page.files = [ResourceFile(language=document.language, document=document) for document in files]
            library.add_child(instance=page)
            source = source or page
