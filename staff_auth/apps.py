from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StaffAuthConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "staff_auth"
    verbose_name = _("Staff sign-in")
