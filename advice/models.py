import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail_localize.fields import TranslatableField

from pages.blocks import RICH_TEXT_FEATURES
from pages.geneva_time import geneva_time
from pages.models.base import BasePage, SingletonPerLocaleMixin

REFERENCE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"


class AdviceHubPage(SingletonPerLocaleMixin, BasePage):
    """The help desk's page: an introduction, the privacy notice and the confidential query form."""

    privacy_notice = RichTextField(_("privacy notice"), features=RICH_TEXT_FEATURES, blank=True)

    translatable_fields = BasePage.translatable_fields + [TranslatableField("privacy_notice")]
    content_panels = BasePage.content_panels + [FieldPanel("privacy_notice")]

    parent_page_types = ["pages.HowCtiCanHelpPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("advice hub page")

    def serve(self, request, *args, **kwargs):
        from advice.views import serve_advice_hub

        return serve_advice_hub(self, request, *args, **kwargs)


class ReferralPartner(models.Model):
    """An organisation the Secretariat refers queries to (the referral service)."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    email = models.EmailField(_("email"), blank=True)
    website = models.URLField(_("website"), blank=True)
    notes = models.TextField(_("notes"), blank=True, max_length=5000)
    active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("referral partner")
        verbose_name_plural = _("referral partners")

    def __str__(self):
        return self.name


class AdviceQuery(models.Model):
    """A confidential technical query sent through the advice hub's form."""

    class Topic(models.TextChoices):
        RATIFICATION = "ratification", _("Ratification")
        IMPLEMENTATION = "implementation", _("Implementation")
        REPORTING = "reporting", _("Reporting to the Committee against Torture")
        TRAINING = "training", _("Training")
        OTHER = "other", _("Other")

    class Status(models.TextChoices):
        NEW = "new", _("New")
        IN_PROGRESS = "in_progress", _("In progress")
        ANSWERED = "answered", _("Answered")
        REFERRED = "referred", _("Referred to a partner")
        CLOSED = "closed", _("Closed")

    reference = models.CharField(_("reference number"), max_length=20, unique=True, editable=False)
    created_at = models.DateTimeField(_("received"), auto_now_add=True, db_index=True)
    name = models.CharField(_("name"), max_length=150)
    position = models.CharField(_("position"), max_length=150)
    institution = models.CharField(_("institution"), max_length=200)
    country = CountryField(_("country"))
    email = models.EmailField(_("email"), max_length=254)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    topic = models.CharField(_("topic"), max_length=20, choices=Topic.choices)
    question = models.TextField(_("question"), max_length=5000)
    preferred_language = models.CharField(
        _("preferred language for the answer"), max_length=5, choices=settings.LANGUAGES
    )
    consent_given_at = models.DateTimeField(_("consent given"))

    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.NEW, db_index=True)
    status_changed_at = models.DateTimeField(_("status changed"), auto_now_add=True)
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assignee"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assigned_advice_queries",
    )
    referral_partner = models.ForeignKey(
        ReferralPartner,
        verbose_name=_("referred to"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="queries",
    )
    # The nonce of the signed form token this query was sent with: one stored query per token.
    form_nonce = models.CharField(max_length=32, unique=True, null=True, editable=False)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("advice query")
        verbose_name_plural = _("advice queries")

    def __str__(self):
        # Only the reference: this string lands in admin logs and messages that others may read.
        return self.reference

    def save(self, *args, **kwargs):
        if not self.reference:
            self.reference = self.new_reference()
        super().save(*args, **kwargs)

    @classmethod
    def new_reference(cls):
        while True:
            reference = "CTI-" + "".join(secrets.choice(REFERENCE_ALPHABET) for _i in range(8))
            if not cls.objects.filter(reference=reference).exists():
                return reference


class AdviceQueryChange(models.Model):
    """One step of a query's handling: who changed its status, assignee or partner, and when."""

    query = models.ForeignKey(AdviceQuery, on_delete=models.CASCADE, related_name="changes")
    changed_at = models.DateTimeField(_("date"), auto_now_add=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("changed by"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    status = models.CharField(_("status"), max_length=20, choices=AdviceQuery.Status.choices)
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("assignee"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    referral_partner = models.ForeignKey(
        ReferralPartner, verbose_name=_("referred to"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["changed_at", "pk"]
        verbose_name = _("change of an advice query")
        verbose_name_plural = _("changes of advice queries")

    def __str__(self):
        return f"{self.query} {self.get_status_display()} {geneva_time(self.changed_at)}"


class AdviceQueryNote(models.Model):
    """An internal note on a query: appended with its author and time, never edited or overwritten."""

    query = models.ForeignKey(AdviceQuery, on_delete=models.CASCADE, related_name="notes")
    created_at = models.DateTimeField(_("date"), auto_now_add=True, db_index=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("author"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    text = models.TextField(_("note"), max_length=5000)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("internal note")
        verbose_name_plural = _("internal notes")

    def __str__(self):
        return f"{self.query} {geneva_time(self.created_at)}"
