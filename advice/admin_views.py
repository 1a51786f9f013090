"""The help desk's admin for advice queries and referral partners (Wagtail model viewsets).

Each query has one screen, which the list and the notification email both open: the question and the
sender, then the actions (assign, status, referral, a note), then the internal notes and the history.
Every time on it, in the list and in the export is Geneva time in one format. Queries are plain models,
not snippets: no chooser, no API, no search index entry holds their text.
"""

import logging
from collections import OrderedDict

import django_filters
from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.db.models import Prefetch, Q
from django.utils import timezone, translation
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django_filters.widgets import SuffixedMultiWidget
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList, Panel
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column
from wagtail.admin.utils import get_user_display_name
from wagtail.admin.views import generic
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from advice.emails import send_assignment_notice
from advice.forms import COUNTRY_NAME_LANGUAGE
from pages.geneva_time import GENEVA, geneva_time
from advice.models import AdviceQuery, AdviceQueryChange, AdviceQueryNote, ReferralPartner

logger = logging.getLogger(__name__)

# A spreadsheet reads a cell starting with one of these as a formula (or, for tab and CR, may shift it).
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
OPEN_STATUSES = [AdviceQuery.Status.NEW, AdviceQuery.Status.IN_PROGRESS]
DASHBOARD_QUERIES = 10


class AdviceQueryPermissionPolicy(ModelPermissionPolicy):
    """Queries come only from the public form: nobody adds or copies one in the admin."""

    def user_has_permission(self, user, action):
        if action in {"add", "copy"}:
            return False
        return super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


query_permission_policy = AdviceQueryPermissionPolicy(AdviceQuery)
register_permission_policy(AdviceQuery, query_permission_policy)


def advice_staff(current_assignee_id=None):
    """Who may be assigned a query: active accounts that may handle queries (and whoever has it now)."""
    return (
        get_user_model()
        .objects.filter(
            Q(is_active=True)
            & (
                Q(is_superuser=True)
                | Q(groups__permissions__codename="change_advicequery")
                | Q(user_permissions__codename="change_advicequery")
            )
            | Q(pk=current_assignee_id)
        )
        .distinct()
        .order_by("first_name", "last_name", "username")
    )


def country_name(country):
    """The country's name in the active admin language (django-countries has no plain "pt")."""
    language = translation.get_language() or settings.LANGUAGE_CODE
    with translation.override(COUNTRY_NAME_LANGUAGE.get(language, language)):
        return str(country.name)


def display_name(user):
    return get_user_display_name(user) if user else "–"


def neutralise_formula(value):
    """A cell that a spreadsheet would run as a formula is written as text, behind a single quote."""
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


class GenevaDaysMixin:
    """The days typed into the list's date filter are days in Geneva, whatever time zone the staff
    member chose in their account (Wagtail's admin otherwise works in that zone)."""

    def dispatch(self, request, *args, **kwargs):
        with timezone.override(GENEVA):
            return super().dispatch(request, *args, **kwargs)


class AssigneeChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, user):
        return display_name(user)


class AdviceQueryHandlingForm(WagtailAdminModelForm):
    note = forms.CharField(
        label=_("Add a note"),
        help_text=_("Notes are kept with your name and the time, newest first, and cannot be changed later."),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assignee"] = AssigneeChoiceField(
            queryset=advice_staff(self.instance.assignee_id),
            required=False,
            label=capfirst(AdviceQuery._meta.get_field("assignee").verbose_name),
        )
        self.fields["referral_partner"].queryset = ReferralPartner.objects.filter(
            Q(active=True) | Q(pk=self.instance.referral_partner_id)
        )


def question_context(query):
    return {
        "rows": [
            (capfirst(AdviceQuery._meta.get_field("reference").verbose_name), query.reference),
            (_("Received (Geneva time)"), geneva_time(query.created_at)),
            (capfirst(AdviceQuery._meta.get_field("topic").verbose_name), query.get_topic_display()),
        ],
        "question": query.question,
    }


def sender_context(query):
    field_label = lambda name: capfirst(AdviceQuery._meta.get_field(name).verbose_name)  # noqa: E731
    return {
        "rows": [
            (field_label("name"), query.name),
            (field_label("position"), query.position),
            (field_label("institution"), query.institution),
            (field_label("country"), country_name(query.country)),
            (field_label("preferred_language"), query.get_preferred_language_display()),
            (field_label("phone"), query.phone or "–"),
            (_("Consent given (Geneva time)"), geneva_time(query.consent_given_at)),
        ],
        "email": query.email,
        "email_label": field_label("email"),
    }


def notes_context(query):
    notes = query.notes.select_related("author")
    return {
        "notes": [
            {"time": geneva_time(note.created_at), "author": display_name(note.author), "text": note.text}
            for note in notes
        ]
    }


def history_context(query):
    changes = query.changes.select_related("assignee", "referral_partner", "changed_by")
    return {
        "changes": [
            {
                "time": geneva_time(change.changed_at),
                "status": change.get_status_display(),
                "assignee": display_name(change.assignee),
                "referral_partner": change.referral_partner or "–",
                "changed_by": display_name(change.changed_by) if change.changed_by else _("sent through the form"),
            }
            for change in changes
        ]
    }


SECTIONS = {
    "question": question_context,
    "sender": sender_context,
    "notes": notes_context,
    "history": history_context,
}


class QuerySectionPanel(Panel):
    """A read-only section of the query's screen, drawn from templates/advice/admin/query_<section>.html."""

    def __init__(self, section, **kwargs):
        super().__init__(**kwargs)
        self.section = section

    def clone_kwargs(self):
        return {**super().clone_kwargs(), "section": self.section}

    class BoundPanel(Panel.BoundPanel):
        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            self.template_name = f"advice/admin/query_{self.panel.section}.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context.update(SECTIONS[self.panel.section](self.instance))
            return context


class BrowserDateRangeWidget(DateRangePickerWidget):
    """Wagtail's range of two dates, as the browser's own date fields: Wagtail's date picker runs an
    inline script, which the admin's Content Security Policy refuses."""

    def __init__(self, attrs=None):
        dates = [forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d") for _suffix in self.suffixes]
        SuffixedMultiWidget.__init__(self, dates, attrs)


class AdviceQueryFilterSet(WagtailFilterSet):
    created_at = django_filters.DateFromToRangeFilter(label=_("Received (Geneva time)"), widget=BrowserDateRangeWidget)

    class Meta:
        model = AdviceQuery
        fields = ["status", "topic", "country", "preferred_language", "created_at"]


class AdviceQueryIndexView(GenevaDaysMixin, generic.IndexView):
    def get_base_queryset(self):
        queryset = super().get_base_queryset().select_related("assignee", "referral_partner")
        if self.is_export:
            queryset = queryset.prefetch_related(
                Prefetch("notes", queryset=AdviceQueryNote.objects.select_related("author"))
            )
        return queryset

    def stream_csv(self, queryset):
        # Rows are written now, in the staff member's admin language, not later while the response streams.
        return iter(list(super().stream_csv(queryset)))

    def to_row_dict(self, query):
        notes = "\n".join(
            f"{geneva_time(note.created_at)} · {display_name(note.author)}: {note.text}" for note in query.notes.all()
        )
        return OrderedDict(
            [
                ("reference", query.reference),
                ("created_at", geneva_time(query.created_at)),
                ("status", query.get_status_display()),
                ("status_changed_at", geneva_time(query.status_changed_at)),
                ("topic", query.get_topic_display()),
                ("name", query.name),
                ("position", query.position),
                ("institution", query.institution),
                ("country", country_name(query.country)),
                ("email", query.email),
                ("phone", query.phone),
                ("preferred_language", query.get_preferred_language_display()),
                ("question", query.question),
                ("assignee", get_user_display_name(query.assignee) if query.assignee else ""),
                ("referral_partner", query.referral_partner.name if query.referral_partner else ""),
                ("notes", notes),
            ]
        )

    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        if export_format == self.FORMAT_CSV:
            return neutralise_formula(value)
        return value


class AdviceQueryScreen(generic.EditView):
    """The one screen of a query: what was asked, by whom, and its handling."""

    success_message = _("Advice query %(object)s saved.")

    def get_success_url(self):
        return self.get_edit_url()

    def get_success_buttons(self):
        return []

    def save_instance(self):
        changed = set(self.form.changed_data)
        instance = super().save_instance()
        if changed & {"status", "assignee", "referral_partner"}:
            change = AdviceQueryChange.objects.create(
                query=instance,
                changed_by=self.request.user,
                status=instance.status,
                assignee=instance.assignee,
                referral_partner=instance.referral_partner,
            )
            if "status" in changed:
                AdviceQuery.objects.filter(pk=instance.pk).update(status_changed_at=change.changed_at)
        if self.form.cleaned_data.get("note"):
            AdviceQueryNote.objects.create(query=instance, author=self.request.user, text=self.form.cleaned_data["note"])
        self.newly_assigned = instance.assignee if "assignee" in changed else None
        return instance

    def form_valid(self, form):
        response = super().form_valid(form)
        assignee = self.newly_assigned
        if assignee is not None and assignee != self.request.user:
            try:
                send_assignment_notice(self.object, assignee, self.request.user)
            except Exception:
                logger.exception("Advice query %s: could not email the assignee", self.object.reference)
                messages.warning(
                    self.request,
                    gettext("The query is saved, but the email to %(name)s could not be sent.")
                    % {"name": display_name(assignee)},
                )
        return response


class AdviceQueryViewSet(ModelViewSet):
    model = AdviceQuery
    icon = "help"
    menu_label = _("Queries")
    url_prefix = "advice/queries"
    name = "advice_queries"
    index_view_class = AdviceQueryIndexView
    edit_view_class = AdviceQueryScreen
    copy_view_enabled = False
    search_backend_name = None
    search_fields = ["reference", "name", "institution", "email", "question"]
    list_display = [
        "reference",
        Column("received", label=_("Received (Geneva time)"), accessor=lambda query: geneva_time(query.created_at),
               sort_key="created_at"),
        Column("topic", label=_("Topic"), accessor="get_topic_display"),
        Column("country", label=_("Country"), accessor=lambda query: country_name(query.country)),
        Column("preferred_language", label=_("Language"), accessor="get_preferred_language_display"),
        Column("status", label=_("Status"), accessor="get_status_display"),
        Column("assignee", label=_("Assignee"), accessor=lambda query: display_name(query.assignee)),
    ]
    filterset_class = AdviceQueryFilterSet
    list_export = [
        "reference", "created_at", "status", "status_changed_at", "topic", "name", "position", "institution",
        "country", "email", "phone", "preferred_language", "question", "assignee", "referral_partner", "notes",
    ]
    export_headings = {
        "created_at": _("Received (Geneva time)"),
        "status_changed_at": _("Status changed (Geneva time)"),
        "notes": _("Internal notes (Geneva time)"),
    }
    export_filename = "advice-queries"
    edit_handler = ObjectList(
        [
            QuerySectionPanel("question", heading=_("Question"), icon="help"),
            QuerySectionPanel("sender", heading=_("Sender"), icon="user"),
            MultiFieldPanel(
                [FieldRowPanel([FieldPanel("assignee"), FieldPanel("status")]), FieldPanel("referral_partner")],
                heading=_("Handling"),
            ),
            MultiFieldPanel(
                [FieldPanel("note"), QuerySectionPanel("notes")], heading=_("Internal notes"), icon="comment"
            ),
            QuerySectionPanel("history", heading=_("History"), icon="history"),
        ],
        base_form_class=AdviceQueryHandlingForm,
    )

    def get_common_view_kwargs(self, **kwargs):
        # No Wagtail history or usage screens: the query's own screen holds its history, in Geneva time.
        return super().get_common_view_kwargs(history_url_name=None, usage_url_name=None, **kwargs)

    def get_urlpatterns(self):
        return [
            pattern for pattern in super().get_urlpatterns()
            if pattern.name not in {"history", "history_results", "usage"}
        ]

    def get_permissions_to_register(self):
        # "view" too, although there is no inspect view: the Help desk and Secretariat groups hold it.
        return Permission.objects.filter(content_type=ContentType.objects.get_for_model(self.model))


class ReferralPartnerViewSet(ModelViewSet):
    model = ReferralPartner
    icon = "group"
    menu_label = _("Referral partners")
    url_prefix = "advice/partners"
    name = "advice_partners"
    copy_view_enabled = False
    search_fields = ["name", "email", "notes"]
    list_display = ["name", "email", "active"]
    list_filter = ["active"]
    form_fields = ["name", "email", "website", "notes", "active"]


class AdviceHubViewSetGroup(ViewSetGroup):
    menu_label = _("Advice hub")
    menu_icon = "help"
    items = (AdviceQueryViewSet, ReferralPartnerViewSet)


class UnassignedQueriesPanel(Component):
    """The dashboard's list of open queries that nobody has been assigned yet, newest first."""

    name = "advice_unassigned_queries"
    template_name = "advice/admin/dashboard_panel.html"
    order = 90

    def get_context_data(self, parent_context):
        waiting = AdviceQuery.objects.filter(assignee__isnull=True, status__in=OPEN_STATUSES).order_by("-created_at")
        return {
            "count": waiting.count(),
            "queries": [
                {
                    "pk": query.pk,
                    "reference": query.reference,
                    "received": geneva_time(query.created_at),
                    "topic": query.get_topic_display(),
                    "country": country_name(query.country),
                    "status": query.get_status_display(),
                }
                for query in waiting[:DASHBOARD_QUERIES]
            ],
        }


def may_handle_queries(user):
    return query_permission_policy.user_has_permission(user, "change")
