from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TranslationWorkflowConfig(AppConfig):
    name = "translation_workflow"
    verbose_name = _("Translation workflow")

    def ready(self):
        from . import (
            translated_markup,
            wagtail_localize_workaround_dates,
            wagtail_localize_workaround_safe_overrides,
        )

        wagtail_localize_workaround_safe_overrides.connect()
        translated_markup.connect()
        wagtail_localize_workaround_dates.apply()
