from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ResourcesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "resources"
    verbose_name = _("Tools and guides")

    def ready(self):
        from operations.signals import purge_when_saved
        from resources.models import Topic

        purge_when_saved(Topic)
