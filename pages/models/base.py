"""The one abstract page every CTI page type extends: SEO fields and translation behaviour."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from pages.blocks import BodyBlock
from pages.routing import route_below


class BasePage(Page):
    """Every public page: an introduction, a free-form body, a social image, translatable SEO fields."""

    introduction = models.TextField(
        _("introduction"), blank=True, help_text=_("One or two sentences shown under the page title.")
    )
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)
    social_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("social image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown when the page is shared on social media. 1200 × 630 pixels works best."),
    )

    translatable_fields = [
        TranslatableField("title"),
        TranslatableField("seo_title"),
        TranslatableField("search_description"),
        TranslatableField("introduction"),
        TranslatableField("body"),
        SynchronizedField("slug"),
        SynchronizedField("social_image"),
        # One menu in every language (pages/menu_order.py).
        SynchronizedField("show_in_menus", overridable=False),
    ]

    # The admin's page search (sidebar and explorer) matches AutocompleteFields only, title by default.
    search_fields = Page.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("body"),
        index.AutocompleteField("introduction"),
        index.AutocompleteField("body"),
    ]
    # What site search shows under a result's title (after the search description) and above it.
    search_result_text_field = "introduction"
    search_result_label_field = None
    content_panels = Page.content_panels + [FieldPanel("introduction"), FieldPanel("body")]
    promote_panels = Page.promote_panels + [FieldPanel("social_image")]

    class Meta:
        abstract = True

    def route(self, request, path_components):
        """Wagtail's routing, with the rest of the path fetched in one query (pages/routing.py)."""
        if path_components:
            return route_below(self, request, path_components)
        return super().route(request, path_components)

    @classmethod
    def shown_in_other_locales(cls, locale):
        """Pages of this type in other languages that `locale` lists as its own, or None."""
        return None


class SingletonPerLocaleMixin:
    """A page type that exists at most once in each locale (About, History, …)."""

    @classmethod
    def can_create_at(cls, parent):
        return super().can_create_at(parent) and not cls.objects.filter(locale_id=parent.locale_id).exists()


class TranslatableOrderable(TranslatableMixin, models.Model):
    """An item of an ordered inline list on a page, translated with the page."""

    sort_order = models.IntegerField(null=True, blank=True, editable=False)
    sort_order_field = "sort_order"

    class Meta(TranslatableMixin.Meta):
        abstract = True
        ordering = ["sort_order"]
