from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TranslationReportConfig(AppConfig):
    name = "translation_report"
    verbose_name = _("Translation coverage")
