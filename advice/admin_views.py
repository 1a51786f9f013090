"""The Secretariat's admin for advice queries and referral partners (Wagtail model viewsets).

Queries are plain models, not snippets: no chooser, no API, no search index entry holds their text.
"""

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from advice.models import AdviceQuery, AdviceQueryChange, ReferralPartner

class AdviceQueryPermissionPolicy(ModelPermissionPolicy):
    """Queries come only from the public form: nobody adds or copies one in the admin."""

    def user_has_permission(self, user, action):
        if action in {"add", "copy"}:
            return False
        return super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


register_permission_policy(AdviceQuery, AdviceQueryPermissionPolicy(AdviceQuery))


def advice_staff():
    return (
        get_user_model()
        .objects.filter(is_active=True)
        .filter(
            Q(is_superuser=True)
            | Q(groups__permissions__codename="change_advicequery")
            | Q(user_permissions__codename="change_advicequery")
        )
        .distinct()
        .order_by("username")
    )


class AdviceQueryHandlingForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = advice_staff()
        self.fields["referral_partner"].queryset = ReferralPartner.objects.filter(
            Q(active=True) | Q(pk=self.instance.referral_partner_id)
        )


class AdviceQueryEditView(generic.EditView):
    def save_instance(self):
        instance = super().save_instance()
        if any(name in self.form.changed_data for name in ("status", "assignee", "referral_partner")):
            change = AdviceQueryChange.objects.create(
                query=instance,
                changed_by=self.request.user,
                status=instance.status,
                assignee=instance.assignee,
                referral_partner=instance.referral_partner,
            )
            if "status" in self.form.changed_data:
                AdviceQuery.objects.filter(pk=instance.pk).update(status_changed_at=change.changed_at)
        return instance


class AdviceQueryViewSet(ModelViewSet):
    model = AdviceQuery
    icon = "help"
    menu_label = _("Queries")
    url_prefix = "advice/queries"
    name = "advice_queries"
    edit_view_class = AdviceQueryEditView
    copy_view_enabled = False
    inspect_view_enabled = True
    search_backend_name = None
    search_fields = ["reference", "name", "institution", "email", "question"]
    list_display = [
        "reference",
        DateColumn("created_at", label=_("Received"), sort_key="created_at"),
        "topic",
        "country",
        "preferred_language",
        "status",
        Column("assignee", label=_("Assignee")),
    ]
    list_filter = ["status", "topic", "country", "preferred_language", "created_at"]
    list_export = [
        "reference", "created_at", "status", "status_changed_at", "topic", "name", "position", "institution",
        "country", "email", "phone", "preferred_language", "question", "assignee", "referral_partner",
        "internal_notes",
    ]
    export_filename = "advice-queries"
    inspect_view_fields = [
        "reference", "created_at", "name", "position", "institution", "country", "email", "phone", "topic",
        "question", "preferred_language", "consent_given_at", "status", "status_changed_at", "assignee",
        "referral_partner", "internal_notes", "handling_history",
    ]
    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                [FieldRowPanel([FieldPanel("status"), FieldPanel("assignee")]), FieldPanel("referral_partner")],
                heading=_("Handling"),
            ),
            FieldPanel("internal_notes"),
        ],
        base_form_class=AdviceQueryHandlingForm,
    )


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
