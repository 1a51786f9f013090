import datetime
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from treaty_status.importer import UN_TREATY_COLLECTION, StatusFileError, import_status_files
from treaty_status.models import Treaty


class Command(BaseCommand):
    help = (
        "Import the status of every UN Member State under the Convention (--uncat FILE) and its Optional "
        "Protocol (--opcat FILE), in the CSV format of shared/data/treaty-status. Reports what it changed. "
        "A file with an error changes nothing; a row an editor corrected since the last import is kept "
        "(and listed) unless --force."
    )

    def add_arguments(self, parser):
        parser.add_argument("--uncat", type=Path, help="The Convention's file.")
        parser.add_argument("--opcat", type=Path, help="The Optional Protocol's file.")
        parser.add_argument(
            "--as-of", type=datetime.date.fromisoformat, default=datetime.date.today(),
            help="The day the files describe (YYYY-MM-DD), shown as the rows' “checked on” date. Default: today.",
        )
        parser.add_argument("--source", help="Where the files come from, shown to editors (default: the UN Treaty Collection).")
        parser.add_argument("--source-url", default="", help="The source's address.")
        parser.add_argument("--force", action="store_true", help="Overwrite rows corrected in the admin since the last import.")
        parser.add_argument("--dry-run", action="store_true", help="Report what would change, and change nothing.")

    def handle(self, *args, uncat, opcat, as_of, source, source_url, force, dry_run, **options):
        files = {treaty: path for treaty, path in [(Treaty.UNCAT, uncat), (Treaty.OPCAT, opcat)] if path}
        if not files:
            raise CommandError("Give --uncat FILE, --opcat FILE or both.")
        for path in files.values():
            if not path.is_file():
                raise CommandError(f"{path} does not exist.")
        sources = {treaty: (source, source_url) if source else UN_TREATY_COLLECTION[treaty] for treaty in files}
        try:
            reports = import_status_files(files, checked_on=as_of, sources=sources, force=force, dry_run=dry_run)
        except StatusFileError as error:
            raise CommandError(f"Nothing was imported.\n{error}") from None
        for report in reports:
            for line in report.lines():
                self.stdout.write(line)
        if dry_run:
            self.stdout.write("Dry run: nothing was changed.")
