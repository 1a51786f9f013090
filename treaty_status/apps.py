from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TreatyStatusConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "treaty_status"
    verbose_name = _("Treaty status")

    def ready(self):
        from operations.signals import purge_when_saved
        from treaty_status.models import TreatyStatus

        # The rows are shown on the treaty status page and their figures on the home page.
        purge_when_saved(TreatyStatus)
