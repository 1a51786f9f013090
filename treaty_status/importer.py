"""Read a treaty's status file (the shared CSV format) and apply it to the rows, all or nothing.

The format, one row per UN Member State: `iso2, member, state party, year ratification or accession,
signatory, no action, status, note`, where `status` is `state party`, `signatory state` or `no action`
(when it is empty, the one flag set to 1 says it). A file with any error changes nothing: every error
is reported with its line. A row an editor changed in the admin since it was last imported is kept
unless `force` is given, and the report says so.
"""

import csv
import datetime
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone

from countries.un import member_state

from .choices import Action, Status, Treaty
from .models import FIRST_POSSIBLE_YEAR, TreatyStatus

COLUMNS = ["iso2", "member", "state party", "year ratification or accession", "signatory", "no action", "status", "note"]
FLAG_COLUMNS = {"state party": Status.PARTY, "signatory": Status.SIGNATORY, "no action": Status.NEITHER}
STATUS_WORDS = {"state party": Status.PARTY, "signatory state": Status.SIGNATORY, "no action": Status.NEITHER}
# Old ISO 3166 codes still found in exports: TP was Timor-Leste's until 2002.
CODE_ALIASES = {"TP": "TL"}
MAXIMUM_ERRORS_SHOWN = 20

UN_TREATY_COLLECTION = {
    Treaty.UNCAT: (
        "United Nations Treaty Collection, chapter IV.9",
        "https://treaties.un.org/Pages/ViewDetails.aspx?src=TREATY&mtdsg_no=IV-9&chapter=4",
    ),
    Treaty.OPCAT: (
        "United Nations Treaty Collection, chapter IV.9.b",
        "https://treaties.un.org/Pages/ViewDetails.aspx?src=TREATY&mtdsg_no=IV-9-b&chapter=4",
    ),
}


class StatusFileError(Exception):
    def __init__(self, errors):
        shown = errors[:MAXIMUM_ERRORS_SHOWN]
        more = len(errors) - len(shown)
        super().__init__("\n".join(shown + ([f"… and {more} more errors."] if more else [])))
        self.errors = errors


@dataclass(frozen=True)
class FileRow:
    line: int
    country_code: str
    status: str
    year: int | None


def read_status_file(path):
    """The file's rows, or StatusFileError listing every malformed line (by its number in the file)."""
    name = getattr(path, "name", str(path))
    try:
        with open(path, encoding="utf-8-sig", newline="") as file:
            lines = list(csv.reader(file))
    except UnicodeDecodeError:
        raise StatusFileError([f"{name}: not UTF-8 text."]) from None
    except csv.Error as error:
        raise StatusFileError([f"{name}: not a CSV file ({error})."]) from None
    if not lines:
        raise StatusFileError([f"{name}: the file is empty."])
    header = [column.strip().lower() for column in lines[0]]
    missing = [column for column in COLUMNS if column not in header]
    if missing:
        raise StatusFileError([f"{name}, line 1: the header lacks the column(s) {', '.join(missing)}."])
    rows, errors, seen = [], [], {}
    for number, values in enumerate(lines[1:], start=2):
        if not any(value.strip() for value in values):
            continue
        if len(values) != len(header):
            errors.append(f"{name}, line {number}: {len(values)} fields where the header has {len(header)}.")
            continue
        try:
            row = parse_row(number, dict(zip(header, (value.strip() for value in values))))
        except ValueError as error:
            errors.append(f"{name}, line {number}: {error}")
            continue
        if row.country_code in seen:
            errors.append(f"{name}, line {number}: {row.country_code} already on line {seen[row.country_code]}.")
            continue
        seen[row.country_code] = number
        rows.append(row)
    if errors:
        raise StatusFileError(errors)
    if not rows:
        raise StatusFileError([f"{name}: no State in the file."])
    return rows


def parse_row(number, values):
    code = CODE_ALIASES.get(values["iso2"].upper(), values["iso2"].upper())
    if member_state(code) is None:
        raise ValueError(f"“{values['iso2']}” is not the code of a UN Member State.")
    flags = {}
    for column, status in FLAG_COLUMNS.items():
        if values[column] not in ("", "0", "1"):
            raise ValueError(f"“{column}” is “{values[column]}”; it must be 1, 0 or empty.")
        flags[status] = values[column] == "1"
    word = values["status"].lower()
    if word:
        if word not in STATUS_WORDS:
            raise ValueError(f"unknown status “{values['status']}” (expected {', '.join(STATUS_WORDS)}).")
        status = STATUS_WORDS[word]
        contradicting = [flag for flag, is_set in flags.items() if is_set and flag != status]
        if contradicting:
            raise ValueError(f"status “{values['status']}” but the column for {contradicting[0].label} is 1.")
    else:
        set_flags = [flag for flag, is_set in flags.items() if is_set]
        if len(set_flags) != 1:
            raise ValueError("no status, and not exactly one of state party, signatory and no action is 1.")
        status = set_flags[0]
    year_text = values["year ratification or accession"]
    year = None
    if status == Status.PARTY:
        if not year_text.isdigit() or not FIRST_POSSIBLE_YEAR <= int(year_text) <= datetime.date.today().year:
            raise ValueError(f"a State party needs a year between {FIRST_POSSIBLE_YEAR} and this year, not “{year_text}”.")
        year = int(year_text)
    elif year_text:
        raise ValueError(f"a year (“{year_text}”) for a State that is not party.")
    return FileRow(line=number, country_code=code, status=status, year=year)


@dataclass
class ImportReport:
    treaty: str
    read: int = 0
    created: list = field(default_factory=list)
    changed: list = field(default_factory=list)
    unchanged: int = 0
    kept: list = field(default_factory=list)
    overwritten: list = field(default_factory=list)
    not_in_file: list = field(default_factory=list)

    def lines(self):
        label = Treaty(self.treaty).name
        yield (
            f"{label}: {self.read} States read; {len(self.created)} created, {len(self.changed)} changed, "
            f"{self.unchanged} unchanged, {len(self.kept)} kept as an editor corrected them."
        )
        for title, items in [
            ("created", self.created),
            ("changed", self.changed),
            ("overwritten although an editor had corrected them (--force)", self.overwritten),
            ("KEPT, corrected in the admin since the last import (the file differs; --force overwrites)", self.kept),
            ("not in the file, left as they are", self.not_in_file),
        ]:
            if items:
                yield f"  {title}:"
                yield from (f"    {item}" for item in items)


def describe(status, year):
    return f"{Status(status).label} ({year})" if status == Status.PARTY else str(Status(status).label)


def apply_status_file(treaty, rows, *, checked_on, source, source_url, force=False):
    """Create or update `treaty`'s rows from the file's `rows`; an ImportReport of what it did."""
    report = ImportReport(treaty=treaty, read=len(rows))
    now = timezone.now()
    existing = {row.country_code: row for row in TreatyStatus.objects.select_for_update().filter(treaty=treaty)}
    for row in rows:
        name = f"{member_state(row.country_code).name('en')} ({row.country_code})"
        current = existing.pop(row.country_code, None)
        if current is None:
            TreatyStatus.objects.create(
                country_code=row.country_code, treaty=treaty, status=row.status, year=row.year,
                source=source, source_url=source_url, checked_on=checked_on, imported_at=now,
            )
            report.created.append(f"{name}: {describe(row.status, row.year)}")
            continue
        same = current.status == row.status and current.year == row.year
        if not same and current.corrected_since_import:
            correction = (
                f"{name}: the file says {describe(row.status, row.year)}, the row says "
                f"{describe(current.status, current.year)} (changed {current.corrected_at:%Y-%m-%d}"
                f"{' by ' + current.corrected_by.get_username() if current.corrected_by else ''})"
            )
            if not force:
                report.kept.append(correction)
                continue
            report.overwritten.append(correction)
        if same:
            report.unchanged += 1
        else:
            report.changed.append(f"{name}: {describe(current.status, current.year)} → {describe(row.status, row.year)}")
            current.status, current.year = row.status, row.year
            if row.status != Status.PARTY or (current.date and current.date.year != row.year):
                current.date, current.action = None, Action.UNKNOWN
        current.source, current.source_url = source, source_url
        current.checked_on = max(checked_on, current.checked_on) if same else checked_on
        current.imported_at = now
        current.save()
    report.not_in_file = sorted(f"{member_state(code).name('en')} ({code})" for code in existing)
    return report


def import_status_files(files, *, checked_on, sources=None, force=False, dry_run=False):
    """Import {treaty: path}: every file is read and checked first, then all are applied in one transaction."""
    rows = {}
    errors = []
    for treaty, path in files.items():
        try:
            rows[treaty] = read_status_file(path)
        except StatusFileError as error:
            errors += error.errors
    if errors:
        raise StatusFileError(errors)
    sources = sources or {}
    with transaction.atomic():
        reports = [
            apply_status_file(
                treaty, treaty_rows, checked_on=checked_on, force=force,
                source=sources.get(treaty, UN_TREATY_COLLECTION[treaty])[0],
                source_url=sources.get(treaty, UN_TREATY_COLLECTION[treaty])[1],
            )
            for treaty, treaty_rows in rows.items()
        ]
        if dry_run:
            transaction.set_rollback(True)
    return reports
