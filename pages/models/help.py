"""How CTI can help: the forms of assistance, the Secretariat's services, and the call to action."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.search import index
from wagtail_localize.fields import TranslatableField

from pages.blocks import RICH_TEXT_FEATURES

from .base import BasePage, SingletonPerLocaleMixin, TranslatableOrderable


class HowCtiCanHelpPage(SingletonPerLocaleMixin, BasePage):
    assistance_heading = models.CharField(_("forms of assistance heading"), max_length=255, blank=True)
    services_heading = models.TextField(_("Secretariat services introduction"), blank=True)
    closing_text = RichTextField(_("closing call to action"), features=RICH_TEXT_FEATURES, blank=True)

    translatable_fields = BasePage.translatable_fields + [
        TranslatableField("assistance_heading"),
        TranslatableField("assistance_forms"),
        TranslatableField("services_heading"),
        TranslatableField("services"),
        TranslatableField("closing_text"),
    ]
    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [FieldPanel("assistance_heading"), InlinePanel("assistance_forms", label=_("Form of assistance"))],
            heading=_("Forms of assistance"),
        ),
        MultiFieldPanel(
            [FieldPanel("services_heading"), InlinePanel("services", label=_("Service"))],
            heading=_("Secretariat services"),
        ),
        FieldPanel("closing_text"),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("closing_text")]

    parent_page_types = ["pages.HomePage"]
    subpage_types = ["pages.StandardPage", "resources.ResourceLibraryPage", "advice.AdviceHubPage"]

    class Meta:
        verbose_name = _("How CTI can help page")


class AssistanceForm(TranslatableOrderable):
    page = ParentalKey(HowCtiCanHelpPage, on_delete=models.CASCADE, related_name="assistance_forms")
    title = models.CharField(_("title"), max_length=150)
    text = RichTextField(_("text"), features=RICH_TEXT_FEATURES)

    panels = [FieldPanel("title"), FieldPanel("text")]

    class Meta(TranslatableOrderable.Meta):
        verbose_name = _("form of assistance")


class SecretariatService(TranslatableOrderable):
    page = ParentalKey(HowCtiCanHelpPage, on_delete=models.CASCADE, related_name="services")
    title = models.CharField(_("title"), max_length=150)
    text = models.TextField(_("text"))

    panels = [FieldPanel("title"), FieldPanel("text")]

    class Meta(TranslatableOrderable.Meta):
        verbose_name = _("Secretariat service")
