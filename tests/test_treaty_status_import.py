"""`manage.py import_treaty_status` reads the shared CSV format, reports what it changed, and imports a
malformed file not at all, naming its line."""

import datetime
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from treaty_status.models import TreatyStatus

from .treaty_status_support import OPCAT_FILE, UNCAT_FILE, statuses_in_file


def import_files(*arguments):
    output = StringIO()
    call_command("import_treaty_status", *arguments, stdout=output)
    return output.getvalue()


def snapshot():
    return list(TreatyStatus.objects.order_by("pk").values_list("country_code", "treaty", "status", "year", "checked_on"))


def with_line_replaced(tmp_path, source, line_number, new_line):
    lines = source.read_text(encoding="utf-8").splitlines()
    lines[line_number - 1] = new_line
    path = tmp_path / source.name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.django_db
def test_importing_the_shared_files_into_an_empty_table():
    TreatyStatus.objects.all().delete()

    output = import_files("--uncat", str(UNCAT_FILE), "--opcat", str(OPCAT_FILE), "--as-of", "2022-06-30")

    assert "UNCAT: 193 States read; 193 created, 0 changed" in output
    assert "OPCAT: 193 States read; 193 created, 0 changed" in output
    for treaty, path in (("uncat", UNCAT_FILE), ("opcat", OPCAT_FILE)):
        assert dict(TreatyStatus.objects.filter(treaty=treaty).values_list("country_code", "status")) == statuses_in_file(path)
    timor_leste = TreatyStatus.objects.get(country_code="TL", treaty="uncat")
    assert (timor_leste.status, timor_leste.year, timor_leste.checked_on) == ("party", 2003, datetime.date(2022, 6, 30))
    assert TreatyStatus.objects.get(country_code="TZ", treaty="uncat").status == "neither"


@pytest.mark.django_db
def test_a_newer_export_changes_only_what_differs_and_says_what(tmp_path):
    newer = with_line_replaced(tmp_path, UNCAT_FILE, 77, "IN,India,1,2024,0,0,state party,")
    assert UNCAT_FILE.read_text().splitlines()[76].startswith("IN,")

    output = import_files("--uncat", str(newer), "--as-of", "2024-06-01")

    assert "UNCAT: 193 States read; 0 created, 1 changed, 192 unchanged" in output
    assert "India (IN): Signatory → State party (2024)" in output
    india = TreatyStatus.objects.get(country_code="IN", treaty="uncat")
    assert (india.status, india.year, india.checked_on) == ("party", 2024, datetime.date(2024, 6, 1))


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("line_number", "bad_line", "message"),
    [
        (57, "XX,Nowhere,1,1990,0,0,state party,", "line 57: “XX” is not the code of a UN Member State"),
        (16, "BB,Barbados,1,,0,0,state party,", "line 16: a State party needs a year"),
        (32, "CA,Canada,1,1987,0,0,party-ish,", "line 32: unknown status “party-ish”"),
        (36, "CL,Chile,1,1988,0,0", "line 36: 6 fields where the header has 8"),
        (1, "code,name,status", "line 1: the header lacks the column(s)"),
    ],
)
def test_a_malformed_file_is_refused_whole_naming_its_line(tmp_path, line_number, bad_line, message):
    before = snapshot()
    malformed = with_line_replaced(tmp_path, UNCAT_FILE, line_number, bad_line)

    with pytest.raises(CommandError) as refusal:
        import_files("--uncat", str(malformed), "--opcat", str(OPCAT_FILE), "--as-of", "2030-01-01", "--force")

    assert "Nothing was imported" in str(refusal.value)
    assert f"uncat.csv, {message}" in str(refusal.value)
    assert snapshot() == before


@pytest.mark.django_db
def test_a_file_that_is_not_text_is_refused(tmp_path):
    binary = tmp_path / "uncat.csv"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\xff\xfe")

    with pytest.raises(CommandError, match="not UTF-8 text"):
        import_files("--uncat", str(binary))


@pytest.mark.django_db
def test_a_dry_run_reports_and_changes_nothing(tmp_path):
    before = snapshot()
    newer = with_line_replaced(tmp_path, UNCAT_FILE, 77, "IN,India,1,2024,0,0,state party,")

    output = import_files("--uncat", str(newer), "--as-of", "2024-06-01", "--dry-run")

    assert "1 changed" in output and "Dry run: nothing was changed." in output
    assert snapshot() == before


def test_the_demo_copy_is_the_shared_data(settings):
    shared = settings.BASE_DIR.parent / "shared" / "data" / "treaty-status"
    if not shared.is_dir():
        pytest.skip("shared/ is not beside the checkout")
    for path in (UNCAT_FILE, OPCAT_FILE):
        assert path.read_bytes() == (shared / path.name).read_bytes()
