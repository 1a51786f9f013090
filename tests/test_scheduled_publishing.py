"""Pages scheduled with "Set schedule" go live when the worker's scheduler runs (`run_worker`, every minute)."""

import datetime
import time

import pytest
from django.core.management import call_command
from django.utils import timezone

from pages.models import HomePage, StandardPage
from resources.management.commands.run_worker import SCHEDULED_COMMANDS


def scheduled_page(parent, title, go_live_at):
    page = StandardPage(title=title, slug=title.lower().replace(" ", "-"), live=False, go_live_at=go_live_at)
    parent.add_child(instance=page)
    page.save_revision().publish()  # with a go-live time in the future, publishing only schedules
    page.refresh_from_db()
    assert not page.live
    return page


@pytest.mark.django_db
def test_the_scheduler_publishes_a_due_page_and_leaves_one_not_yet_due():
    assert SCHEDULED_COMMANDS == [["publish_scheduled"]]
    home = HomePage.objects.get(locale__language_code="en")
    due = scheduled_page(home, "Due announcement", timezone.now() + datetime.timedelta(seconds=2))
    later = scheduled_page(home, "Later announcement", timezone.now() + datetime.timedelta(days=7))
    time.sleep(2.5)

    call_command("run_worker", "--once")

    due.refresh_from_db()
    later.refresh_from_db()
    assert due.live and not later.live
