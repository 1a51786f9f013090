"""The About section: the initiative, its Core States, Secretariat, Group of Friends, principles, history."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from pages.blocks import RICH_TEXT_FEATURES
from pages.rich_text import expand_together

from .base import BasePage, SingletonPerLocaleMixin, TranslatableOrderable


class AboutPage(SingletonPerLocaleMixin, BasePage):
    """What CTI is, what it aspires to, the UNGA resolution and the strategic partner."""

    aspirations_heading = models.TextField(_("aspirations introduction"), blank=True)
    resolution_quote = models.TextField(_("resolution quote"), blank=True)
    resolution_citation = models.CharField(_("resolution citation"), max_length=255, blank=True)
    partner_heading = models.CharField(_("partner heading"), max_length=255, blank=True)
    partner_text = RichTextField(_("partner text"), features=RICH_TEXT_FEATURES, blank=True)

    translatable_fields = BasePage.translatable_fields + [
        TranslatableField("aspirations_heading"),
        TranslatableField("aspirations"),
        TranslatableField("resolution_quote"),
        TranslatableField("resolution_citation"),
        TranslatableField("partner_heading"),
        TranslatableField("partner_text"),
    ]
    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [FieldPanel("aspirations_heading"), InlinePanel("aspirations", label=_("Aspiration"))],
            heading=_("Aspirations"),
        ),
        MultiFieldPanel(
            [FieldPanel("resolution_quote"), FieldPanel("resolution_citation")],
            heading=_("General Assembly resolution"),
        ),
        MultiFieldPanel([FieldPanel("partner_heading"), FieldPanel("partner_text")], heading=_("Strategic partner")),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("resolution_quote"),
        index.SearchField("partner_text"),
    ]

    parent_page_types = ["pages.HomePage"]
    subpage_types = [
        "pages.CoreStatesPage",
        "pages.SecretariatPage",
        "pages.GroupOfFriendsPage",
        "pages.OperatingPrinciplesPage",
        "pages.HistoryPage",
        "treaty_status.TreatyStatusPage",
        "pages.StandardPage",
    ]

    class Meta:
        verbose_name = _("about page")


class AboutAspiration(TranslatableOrderable):
    page = ParentalKey(AboutPage, on_delete=models.CASCADE, related_name="aspirations")
    text = models.CharField(_("text"), max_length=500)

    panels = [FieldPanel("text")]

    class Meta(TranslatableOrderable.Meta):
        verbose_name = _("aspiration")


class AboutChildPage(SingletonPerLocaleMixin, BasePage):
    parent_page_types = ["pages.AboutPage"]
    subpage_types = ["pages.StandardPage"]

    class Meta:
        abstract = True


class CoreStatesPage(AboutChildPage):
    translatable_fields = BasePage.translatable_fields + [TranslatableField("core_states")]
    content_panels = BasePage.content_panels + [InlinePanel("core_states", label=_("Core State"))]

    class Meta:
        verbose_name = _("Core States page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["core_states"] = self.core_states.select_related("flag").prefetch_related("flag__renditions")
        return context


class CoreState(TranslatableOrderable):
    page = ParentalKey(CoreStatesPage, on_delete=models.CASCADE, related_name="core_states")
    country_code = models.CharField(
        _("country code"), max_length=2, help_text=_("ISO 3166-1 alpha-2 code, for example CL.")
    )
    name = models.CharField(_("name"), max_length=100)
    flag = models.ForeignKey(
        "wagtailimages.Image", verbose_name=_("flag"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    year_joined = models.PositiveSmallIntegerField(_("year joined"))
    text = models.TextField(_("text"))

    translatable_fields = [
        SynchronizedField("country_code", overridable=False),
        TranslatableField("name"),
        SynchronizedField("flag", overridable=False),
        SynchronizedField("year_joined", overridable=False),
        TranslatableField("text"),
    ]
    panels = [FieldPanel("name"), FieldPanel("country_code"), FieldPanel("flag"), FieldPanel("year_joined"), FieldPanel("text")]

    class Meta(TranslatableOrderable.Meta):
        verbose_name = _("Core State")


class SecretariatPage(AboutChildPage):
    contact_address = models.TextField(_("postal address"), blank=True)
    contact_email = models.EmailField(_("email"), blank=True)
    contact_phone = models.CharField(_("telephone"), max_length=40, blank=True)

    translatable_fields = BasePage.translatable_fields + [
        TranslatableField("team_members"),
        TranslatableField("contact_address"),
        SynchronizedField("contact_email"),
        SynchronizedField("contact_phone"),
    ]
    content_panels = BasePage.content_panels + [
        InlinePanel("team_members", label=_("Team member")),
        MultiFieldPanel(
            [FieldPanel("contact_address"), FieldPanel("contact_email"), FieldPanel("contact_phone")],
            heading=_("Contact"),
        ),
    ]

    class Meta:
        verbose_name = _("Secretariat page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["team_members"] = self.team_members.select_related("photo").prefetch_related("photo__renditions")
        return context


class TeamMember(TranslatableOrderable):
    page = ParentalKey(SecretariatPage, on_delete=models.CASCADE, related_name="team_members")
    name = models.CharField(_("name"), max_length=100, blank=True)
    role = models.CharField(_("role"), max_length=150)
    photo = models.ForeignKey(
        "wagtailimages.Image", verbose_name=_("photo"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    biography = models.TextField(_("biography"), blank=True)

    translatable_fields = [
        SynchronizedField("name"),
        TranslatableField("role"),
        SynchronizedField("photo"),
        TranslatableField("biography"),
    ]
    panels = [FieldPanel("name"), FieldPanel("role"), FieldPanel("photo"), FieldPanel("biography")]

    class Meta(TranslatableOrderable.Meta):
        verbose_name = _("team member")


class GroupOfFriendsPage(AboutChildPage):
    members_heading = models.CharField(_("members heading"), max_length=255, blank=True)
    how_to_join_heading = models.CharField(_("how to join heading"), max_length=255, blank=True)
    how_to_join = RichTextField(_("how to join"), features=RICH_TEXT_FEATURES, blank=True)

    translatable_fields = BasePage.translatable_fields + [
        TranslatableField("members_heading"),
        TranslatableField("members"),
        TranslatableField("how_to_join_heading"),
        TranslatableField("how_to_join"),
    ]
    content_panels = BasePage.content_panels + [
        FieldPanel("members_heading"),
        InlinePanel("members", label=_("Member")),
        FieldPanel("how_to_join_heading"),
        FieldPanel("how_to_join"),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("how_to_join")]

    class Meta:
        verbose_name = _("Group of Friends page")


class GroupOfFriendsMember(TranslatableOrderable):
    page = ParentalKey(GroupOfFriendsPage, on_delete=models.CASCADE, related_name="members")
    country_code = models.CharField(_("country code"), max_length=2, blank=True)
    name = models.CharField(_("name"), max_length=100)

    translatable_fields = [SynchronizedField("country_code", overridable=False), TranslatableField("name")]
    panels = [FieldPanel("name"), FieldPanel("country_code")]

    class Meta(TranslatableOrderable.Meta):
        verbose_name = _("Group of Friends member")


class OperatingPrinciplesPage(AboutChildPage):
    translatable_fields = BasePage.translatable_fields + [TranslatableField("principles")]
    content_panels = BasePage.content_panels + [InlinePanel("principles", label=_("Principle"))]

    class Meta:
        verbose_name = _("operating principles page")


class OperatingPrinciple(TranslatableOrderable):
    page = ParentalKey(OperatingPrinciplesPage, on_delete=models.CASCADE, related_name="principles")
    name = models.CharField(_("name"), max_length=100)
    description = models.TextField(_("description"))

    panels = [FieldPanel("name"), FieldPanel("description")]

    class Meta(TranslatableOrderable.Meta):
        verbose_name = _("principle")


class HistoryPage(AboutChildPage):
    translatable_fields = BasePage.translatable_fields + [TranslatableField("entries")]
    content_panels = BasePage.content_panels + [InlinePanel("entries", label=_("Timeline entry"))]

    class Meta:
        verbose_name = _("history page")

    def timeline(self):
        """The entries in date order, each with its text as HTML (`text_html`)."""
        entries = list(self.entries.all())
        for entry, html in zip(entries, expand_together([entry.text for entry in entries])):
            entry.text_html = html
        return entries


class HistoryEntry(TranslatableOrderable):
    page = ParentalKey(HistoryPage, on_delete=models.CASCADE, related_name="entries")
    date = models.DateField(_("date"))
    date_precision = models.CharField(
        _("date shown as"),
        max_length=5,
        choices=[("day", _("day, month and year")), ("month", _("month and year")), ("year", _("year"))],
        default="day",
    )
    title = models.CharField(_("title"), max_length=255)
    text = RichTextField(_("text"), features=RICH_TEXT_FEATURES)

    translatable_fields = [
        SynchronizedField("date", overridable=False),
        SynchronizedField("date_precision", overridable=False),
        TranslatableField("title"),
        TranslatableField("text"),
    ]
    panels = [FieldPanel("date"), FieldPanel("date_precision"), FieldPanel("title"), FieldPanel("text")]

    class Meta(TranslatableOrderable.Meta):
        verbose_name = _("timeline entry")
        ordering = ["date", "sort_order"]
