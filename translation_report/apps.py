from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TranslationReportConfig(AppConfig):
    name = "translation_report"
    verbose_name = _("Translation coverage")

    def ready(self):
        from . import safe_overrides, translated_markup, wagtail_localize_workaround_dates

        safe_overrides.connect()
        translated_markup.connect()
        wagtail_localize_workaround_dates.apply()
