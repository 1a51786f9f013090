from django.apps import AppConfig


class AdviceConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "advice"
    verbose_name = "Advice hub"
