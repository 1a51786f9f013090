"""The Secretariat's screens for the treaty status rows (a Wagtail model viewset, in the admin menu).

Who may change rows is the model's permissions (`treaty_status.add_treatystatus`,
`treaty_status.change_treatystatus`), which the Secretariat editors hold and translators do not.
Saving a row here records who changed it and when, so that the next import keeps the correction.
"""

import django_filters
from django import forms
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet

from countries.un import REGIONS, member_states, region_name, sort_key
from pages.geneva_time import geneva_time

from .choices import Status
from .models import TreatyStatus


def member_state_choices():
    by_name = sort_key()
    return [("", "---------")] + [(code, f"{member_states()[code].name()} ({code})") for code in sorted(member_states(), key=by_name)]


def region_choices():
    return [(str(region), region_name(region)) for region in REGIONS]


class TreatyStatusForm(WagtailAdminModelForm):
    def save(self, commit=True):
        self.instance.corrected_at = timezone.now()
        self.instance.corrected_by = self.for_user
        return super().save(commit)


class TreatyStatusFilterSet(WagtailFilterSet):
    region = django_filters.ChoiceFilter(label=_("Region"), choices=region_choices, method="filter_region")
    corrected = django_filters.BooleanFilter(
        label=_("Changed in the admin since the last import"), method="filter_corrected"
    )

    class Meta:
        model = TreatyStatus
        fields = ["treaty", "status"]

    def filter_region(self, queryset, name, value):
        return queryset.filter(
            country_code__in=[code for code, state in member_states().items() if str(state.region) == value]
        )

    def filter_corrected(self, queryset, name, value):
        corrected = Q(corrected_at__isnull=False) & (Q(imported_at__isnull=True) | Q(corrected_at__gt=F("imported_at")))
        return queryset.filter(corrected) if value else queryset.exclude(corrected)


class TreatyStatusIndexView(generic.IndexView):
    def search_queryset(self, queryset):
        """A State is found by its code or its name in any of the five languages."""
        if not self.is_searching:
            return queryset
        words = self.search_query.casefold()
        codes = [
            code for code, state in member_states().items()
            if words == code.casefold() or any(words in name.casefold() for name in state.names.values())
        ]
        return queryset.filter(country_code__in=codes)


def status_text(row):
    if row.status == Status.PARTY:
        return f"{row.get_status_display()} ({row.date or row.year})"
    return row.get_status_display()


class TreatyStatusViewSet(ModelViewSet):
    model = TreatyStatus
    icon = "globe"
    menu_label = _("Treaty status")
    menu_order = 250
    add_to_admin_menu = True
    url_prefix = "treaty-status"
    name = "treaty_status"
    index_view_class = TreatyStatusIndexView
    copy_view_enabled = False
    search_fields = ["country_code"]
    search_backend_name = None
    list_per_page = 50
    list_display = [
        TitleColumn("state", label=pgettext_lazy("UN Member State", "State"), accessor="state_name", sort_key="country_code", url_name="treaty_status:edit"),
        Column("treaty", label=_("Treaty"), accessor="get_treaty_display", sort_key="treaty"),
        Column("status", label=_("Status"), accessor=status_text, sort_key="status"),
        Column("checked_on", label=_("Checked on"), sort_key="checked_on"),
        Column(
            "corrected", label=_("Changed in the admin"),
            accessor=lambda row: geneva_time(row.corrected_at),
            sort_key="corrected_at",
        ),
    ]
    filterset_class = TreatyStatusFilterSet
    list_export = ["country_code", "state_name", "treaty", "status", "year", "date", "action", "source", "source_url", "checked_on", "note"]
    export_filename = "treaty-status"
    edit_handler = ObjectList(
        [
            FieldRowPanel(
                [FieldPanel("country_code", widget=forms.Select(choices=member_state_choices)), FieldPanel("treaty")]
            ),
            MultiFieldPanel(
                [
                    FieldPanel("status"),
                    FieldRowPanel([FieldPanel("year"), FieldPanel("date")]),
                    FieldPanel("action"),
                ],
                heading=_("Status"),
            ),
            MultiFieldPanel(
                [FieldPanel("source"), FieldPanel("source_url"), FieldPanel("checked_on"), FieldPanel("note")],
                heading=_("Source"),
            ),
        ],
        base_form_class=TreatyStatusForm,
    )

    def get_queryset(self, request):
        return TreatyStatus.objects.select_related("corrected_by")
