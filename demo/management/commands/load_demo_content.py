from django.core.management.base import BaseCommand

from demo.loader import DemoLoader


class Command(BaseCommand):
    help = "Build the demo site from the client's brief, in all five languages. Safe to run again."

    def add_arguments(self, parser):
        parser.add_argument(
            "--overwrite",
            action="store_true",
            help="Rewrite demo pages, snippets and translations even where an editor has changed them.",
        )

    def handle(self, *args, overwrite=False, **options):
        created = DemoLoader(overwrite=overwrite).run()
        if created:
            self.stdout.write(self.style.SUCCESS(f"Demo content: {len(created)} items created or updated."))
        else:
            self.stdout.write("Demo content already present; nothing changed (use --overwrite to rewrite it).")
