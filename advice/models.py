from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail_localize.fields import TranslatableField

from pages.blocks import RICH_TEXT_FEATURES
from pages.models.base import BasePage, SingletonPerLocaleMixin


class AdviceHubPage(SingletonPerLocaleMixin, BasePage):
    """The help desk's page: an introduction, the privacy notice and the confidential query form."""

    privacy_notice = RichTextField(_("privacy notice"), features=RICH_TEXT_FEATURES, blank=True)

    translatable_fields = BasePage.translatable_fields + [TranslatableField("privacy_notice")]
    content_panels = BasePage.content_panels + [FieldPanel("privacy_notice")]

    parent_page_types = ["pages.HowCtiCanHelpPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("advice hub page")
