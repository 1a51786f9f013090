"""Where each UN Member State stands on the Convention against Torture and its Optional Protocol.

One row per State per treaty, kept by the Secretariat in the admin and refreshed by
`manage.py import_treaty_status`. A row an editor saved after the last import is never overwritten by
the next import unless it is asked to (`corrected_since_import`).
"""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from countries.un import member_state, member_states
from pages.models.base import BasePage, SingletonPerLocaleMixin

from .choices import Action, Status, Treaty
from .listing import TreatyStatusListing

FIRST_POSSIBLE_YEAR = 1984  # the Convention was adopted and opened for signature in 1984


class TreatyStatus(models.Model):
    country_code = models.CharField(
        pgettext_lazy("UN Member State", "State"), max_length=2, help_text=_("The UN Member State, by its ISO 3166-1 alpha-2 code.")
    )
    treaty = models.CharField(_("treaty"), max_length=5, choices=Treaty.choices)
    status = models.CharField(_("status"), max_length=9, choices=Status.choices)
    year = models.PositiveSmallIntegerField(
        _("year it became party"), null=True, blank=True,
        help_text=_("The year of ratification, accession or succession. Only for States parties."),
    )
    date = models.DateField(
        _("date it became party"), null=True, blank=True, help_text=_("The full date, where it is known.")
    )
    action = models.CharField(
        _("became party by"), max_length=12, choices=Action.choices, blank=True, default=Action.UNKNOWN
    )
    source = models.CharField(_("source"), max_length=255)
    source_url = models.URLField(_("source address"), blank=True)
    checked_on = models.DateField(_("checked on"), help_text=_("The day the source was last read for this row."))
    note = models.TextField(_("note for editors"), blank=True)
    imported_at = models.DateTimeField(_("last imported"), null=True, blank=True, editable=False)
    corrected_at = models.DateTimeField(_("last changed in the admin"), null=True, blank=True, editable=False)
    corrected_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("changed by"), null=True, blank=True, editable=False,
        on_delete=models.SET_NULL, related_name="+",
    )

    class Meta:
        verbose_name = _("treaty status")
        verbose_name_plural = _("treaty status")
        ordering = ["country_code", "treaty"]
        constraints = [
            models.UniqueConstraint(fields=["country_code", "treaty"], name="treaty_status_one_row_per_state_and_treaty"),
        ]

    def __str__(self):
        return f"{self.state_name} – {self.get_treaty_display()}"

    @property
    def state(self):
        return member_state(self.country_code)

    @property
    def state_name(self):
        state = self.state
        return state.name() if state else self.country_code

    @property
    def corrected_since_import(self):
        """Changed by an editor after the last import (or never imported)."""
        return self.corrected_at is not None and (self.imported_at is None or self.corrected_at > self.imported_at)

    def clean(self):
        self.country_code = (self.country_code or "").upper()
        errors = {}
        if self.country_code not in member_states():
            errors["country_code"] = _("Not the code of a UN Member State.")
        if self.status == Status.PARTY:
            if self.date and not self.year:
                self.year = self.date.year
            if not self.year:
                errors["year"] = _("A State party needs the year it became party.")
            elif not FIRST_POSSIBLE_YEAR <= self.year <= datetime.date.today().year:
                errors["year"] = _("Give a year between 1984 and this year.")
            elif self.date and self.date.year != self.year:
                errors["date"] = _("The date is not in the year given.")
        elif self.year or self.date or self.action:
            errors["status"] = _("Only a State party has a year, a date or a way it became party.")
        if errors:
            raise ValidationError(errors)


class TreatyStatusPage(SingletonPerLocaleMixin, BasePage):
    """Every UN Member State's status under the Convention and the Optional Protocol, with the figures.

    Under About: it says where the world stands on what CTI exists for (the Convention's universal
    ratification), next to the initiative's History; visitors find it with the other facts about CTI,
    and the History and How CTI can help pages link to it. The rows themselves are `TreatyStatus`,
    the same in every language; the page holds only the words around them.
    """

    parent_page_types = ["pages.AboutPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("treaty status page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["listing"] = TreatyStatusListing(
            TreatyStatus.objects.all(), locale_id=self.locale_id, path=request.path, query=request.GET
        )
        return context
