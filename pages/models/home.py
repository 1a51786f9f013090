from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page
from wagtail_localize.fields import SynchronizedField, TranslatableField

from pages.navigation import open_to_everyone

from .base import BasePage, SingletonPerLocaleMixin


class HomePage(SingletonPerLocaleMixin, BasePage):
    """The root of each locale's tree: banner, mission statement and the entry points to each section."""

    banner_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("banner image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    mission_heading = models.CharField(_("mission heading"), max_length=255, blank=True)

    translatable_fields = BasePage.translatable_fields + [
        SynchronizedField("banner_image"),
        TranslatableField("mission_heading"),
    ]
    content_panels = BasePage.content_panels[:1] + [
        FieldPanel("banner_image"),
        FieldPanel("mission_heading"),
    ] + BasePage.content_panels[1:]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["pages.AboutPage", "pages.HowCtiCanHelpPage", "pages.StandardPage"]

    class Meta:
        verbose_name = _("home page")

    @classmethod
    def can_create_at(cls, parent):
        return super().can_create_at(parent) and parent.is_root()

    def sections(self):
        """The menu pages of the first two levels open to everyone, for the entry-point cards.

        A method rather than a context variable: the restriction check queries at once, and the cards
        are usually served from their cached fragment."""
        return open_to_everyone(
            Page.objects.descendant_of(self).filter(depth__lte=self.depth + 2).live().in_menu()
        ).order_by("path")
