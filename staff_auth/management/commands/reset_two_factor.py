from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django_otp.plugins.otp_totp.models import TOTPDevice


class Command(BaseCommand):
    help = (
        "Remove a staff member's authenticator app (for a lost phone). They set up a new one at their "
        "next sign-in when two-factor authentication is required."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"No user named {username!r}.")
        deleted, _detail = TOTPDevice.objects.filter(user=user).delete()
        self.stdout.write(f"Removed {deleted} authenticator app(s) of {username}.")
