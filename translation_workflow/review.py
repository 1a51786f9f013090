"""The Secretariat reviews a page sent for approval: what changed, then approve (publish) or ask for changes.

Wagtail's own "Approve" buttons act at the first click and say nothing afterwards, and wagtail-localize's
translation editor, where a translated page opens, offers no workflow action at all. Here approving is a
second, explicit step on a screen that names the page and its language, and ends with a message.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import GroupApprovalTask, Page

APPROVE = "approve"
REJECT = "reject"


def can_review(user):
    """May this user approve or reject pages in the Secretariat's workflow?"""
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    return GroupApprovalTask.objects.filter(active=True, groups__in=user.groups.all()).exists()


class ReviewForm(forms.Form):
    comment = forms.CharField(
        label=gettext_lazy("Comment for the translator (optional when approving)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, action=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.action = action

    def clean(self):
        cleaned_data = super().clean()
        if self.action not in (APPROVE, REJECT):
            raise forms.ValidationError(_("Choose whether to approve or to ask for changes."))
        if self.action == REJECT and not cleaned_data.get("comment", "").strip():
            self.add_error("comment", _("Say what should change, so that the translator knows."))
        return cleaned_data


class ReviewView(WagtailAdminTemplateMixin, FormView):
    template_name = "translation_workflow/review.html"
    form_class = ReviewForm
    header_icon = "tasks"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.page = get_object_or_404(Page.objects.select_related("locale"), pk=kwargs["page_id"]).specific

    def dispatch(self, request, *args, **kwargs):
        self.task_state = self.page.current_workflow_task_state
        if self.task_state is None:
            messages.error(request, _("This page is no longer awaiting approval."))
            return redirect("wagtailadmin_home")
        self.task = self.task_state.task.specific
        actions = {name for name, _label, _modal in self.task.get_actions(self.page, request.user)}
        if not {APPROVE, REJECT} <= actions:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return _("Review “%(title)s” (%(language)s)") % {
            "title": self.page.get_admin_display_title(),
            "language": self.page.locale.get_display_name(),
        }

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.get_page_title()}]

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["action"] = self.request.POST.get("action")
        return kwargs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        revision = self.task_state.revision
        compare_url = None
        if self.page.live_revision_id and revision and revision.pk != self.page.live_revision_id:
            compare_url = reverse(
                "wagtailadmin_pages:revisions_compare", args=[self.page.pk, self.page.live_revision_id, revision.pk]
            )
        context.update(
            page=self.page,
            language=self.page.locale.get_display_name(),
            language_code=self.page.locale.language_code,
            task_state=self.task_state,
            submitted_by=revision.user if revision else None,
            preview_url=reverse("wagtailadmin_pages:workflow_preview", args=[self.page.pk, self.task.pk]),
            compare_url=compare_url,
        )
        return context

    def form_valid(self, form):
        action = form.action
        self.task.on_action(self.task_state, self.request.user, action, comment=form.cleaned_data["comment"])
        names = {"title": self.page.get_admin_display_title(), "language": self.page.locale.get_display_name()}
        if action == APPROVE and Page.objects.get(pk=self.page.pk).live_revision_id == self.task_state.revision_id:
            messages.success(self.request, _("“%(title)s” in %(language)s is approved and published.") % names)
        elif action == APPROVE:
            messages.success(self.request, _("“%(title)s” in %(language)s is approved.") % names)
        else:
            message = _("Changes were requested for “%(title)s” in %(language)s: the translator is told.")
            messages.success(self.request, message % names)
        return redirect("wagtailadmin_home")
