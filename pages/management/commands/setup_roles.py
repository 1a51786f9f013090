from django.core.management.base import BaseCommand

from pages.roles import setup_roles


class Command(BaseCommand):
    help = "Create or update the staff groups and their permissions (safe to run again)."

    def handle(self, *args, **options):
        setup_roles()
        self.stdout.write(self.style.SUCCESS("Staff groups are set up."))
