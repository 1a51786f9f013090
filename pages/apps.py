from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PagesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "pages"
    verbose_name = _("Pages")

    def ready(self):
        from operations.signals import purge_when_saved
        from pages import menu_order
        from pages.models import FooterContent

        menu_order.connect()
        purge_when_saved(FooterContent)
