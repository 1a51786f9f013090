from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from advice.models import AdviceQuery


def make_query(status, days_ago):
    query = AdviceQuery.objects.create(
        name="N", position="P", institution="I", country="GH", email="n@example.org", topic="other",
        question="Q", preferred_language="en", consent_given_at=timezone.now(), status=status,
    )
    AdviceQuery.objects.filter(pk=query.pk).update(status_changed_at=timezone.now() - timedelta(days=days_ago))
    return query


@pytest.mark.django_db
def test_closed_queries_past_retention_are_deleted_and_counted(settings):
    settings.ADVICE_RETENTION_DAYS = 730
    expired = [make_query("closed", 731), make_query("closed", 2000)]
    kept = [make_query("closed", 729), make_query("answered", 2000), make_query("new", 3000)]
    output = StringIO()

    call_command("purge_advice_queries", stdout=output)

    assert "Deleted 2 closed advice queries older than 730 days." in output.getvalue()
    assert not AdviceQuery.objects.filter(pk__in=[query.pk for query in expired]).exists()
    assert AdviceQuery.objects.filter(pk__in=[query.pk for query in kept]).count() == 3


@pytest.mark.django_db
def test_the_retention_can_be_given_on_the_command_line():
    make_query("closed", 40)
    output = StringIO()

    call_command("purge_advice_queries", "--days", "30", stdout=output)

    assert "Deleted 1 closed" in output.getvalue()
    assert not AdviceQuery.objects.exists()
