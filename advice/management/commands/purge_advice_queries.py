from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from advice.models import AdviceQuery


class Command(BaseCommand):
    help = "Delete closed advice queries whose status last changed more than ADVICE_RETENTION_DAYS ago."

    def add_arguments(self, parser):
        parser.add_argument(
            "--days", type=int, default=settings.ADVICE_RETENTION_DAYS,
            help="Retention in days (default: ADVICE_RETENTION_DAYS, %(default)s).",
        )

    def handle(self, *args, days, **options):
        cutoff = timezone.now() - timedelta(days=days)
        expired = AdviceQuery.objects.filter(status=AdviceQuery.Status.CLOSED, status_changed_at__lt=cutoff)
        count = expired.count()
        expired.delete()
        self.stdout.write(f"Deleted {count} closed advice queries older than {days} days.")
