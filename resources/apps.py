from django.apps import AppConfig


class ResourcesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "resources"
    verbose_name = "Tools and guides"

    def ready(self):
        from operations.signals import purge_when_saved
        from resources.models import Topic

        purge_when_saved(Topic)
