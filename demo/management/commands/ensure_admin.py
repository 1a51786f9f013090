import os
import secrets

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand

from pages.roles import ADMINISTRATORS

PASSWORD_FILE = "var/admin-password.txt"


class Command(BaseCommand):
    help = "Create the local administrator account if it is missing, and print how to log in."

    def handle(self, *args, **options):
        username = os.environ.get("ADMIN_USERNAME", "admin")
        User = get_user_model()
        user = User.objects.filter(username=username).first()
        password = os.environ.get("ADMIN_PASSWORD")
        if user is None:
            password = password or self.remembered_password() or secrets.token_urlsafe(12)
            user = User.objects.create_superuser(username=username, email=f"{username}@example.org", password=password)
            group = Group.objects.filter(name=ADMINISTRATORS).first()
            if group:
                user.groups.add(group)
            self.remember(password)
        elif password:
            user.set_password(password)
            user.save()
            self.remember(password)
        else:
            password = self.remembered_password() or "(unchanged: set ADMIN_PASSWORD to reset it)"
        self.stdout.write(f"Admin: http://127.0.0.1:8000/admin/  user: {username}  password: {password}")

    def remembered_password(self):
        if os.path.exists(PASSWORD_FILE):
            with open(PASSWORD_FILE, encoding="utf-8") as handle:
                return handle.read().strip()
        return None

    def remember(self, password):
        os.makedirs(os.path.dirname(PASSWORD_FILE), exist_ok=True)
        with open(PASSWORD_FILE, "w", encoding="utf-8") as handle:
            handle.write(password)
        os.chmod(PASSWORD_FILE, 0o600)
