from django.apps import AppConfig


class StaffAuthConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "staff_auth"
    verbose_name = "Staff sign-in"
