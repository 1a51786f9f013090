"""Dashboard panels: what waits for the Secretariat's approval, and what a translator has to do."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from wagtail.admin.ui.components import Component
from wagtail.models import Locale, Page, TaskState
from wagtail.permission_policies.pages import PagePermissionPolicy

from .coverage import DRAFT, MISSING, OUT_OF_DATE, coverage_rows
from .views import action_for

# The most rows a panel lists before pointing to the coverage report.
PANEL_ROWS = 15
TO_DO = (OUT_OF_DATE, DRAFT, MISSING)


class AwaitingApprovalPanel(Component):
    """Pages (translations above all) submitted for approval, for those who may approve them.

    Replaces Wagtail's "Awaiting your review", whose Approve acts at one click without a word.
    """

    name = "translations_awaiting_approval"
    template_name = "translation_workflow/panels/awaiting_approval.html"
    order = 120

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context):
        states = (
            TaskState.objects.reviewable_by(self.request.user)
            .filter(revision__base_content_type=ContentType.objects.get_for_model(Page))
            .select_related("revision__user")
            .order_by("-started_at")
        )
        page_ids = [int(state.revision.object_id) for state in states if state.revision]
        pages = Page.objects.select_related("locale").in_bulk(page_ids)
        items = [
            {"page": pages[int(state.revision.object_id)], "state": state, "submitted_by": state.revision.user}
            for state in states
            if state.revision and int(state.revision.object_id) in pages
        ]
        return {"items": items, "request": self.request}


class TranslatorToDoPanel(Component):
    """For a translator: their language's pages that are out of date, drafts or not translated."""

    name = "translator_to_do"
    template_name = "translation_workflow/panels/translator_to_do.html"
    order = 110

    def __init__(self, request, locales):
        self.request = request
        self.locales = locales

    def get_context_data(self, parent_context):
        locales, rows = coverage_rows(self.locales)
        editable = set(
            PagePermissionPolicy()
            .instances_user_has_any_permission_for(self.request.user, ["change"])
            .filter(locale__in=locales)
            .values_list("pk", flat=True)
        )
        items = []
        for row in rows:
            for cell in row.cells:
                if cell.status in TO_DO:
                    cell.action_url, cell.action_label, cell.action_posts = action_for(
                        row.page, cell, editable, False, False
                    )
                    items.append({"source_page": row.page, "cell": cell})
        items.sort(key=lambda item: TO_DO.index(item["cell"].status))
        return {
            "items": items[:PANEL_ROWS],
            "more": max(len(items) - PANEL_ROWS, 0),
            "locales": locales,
            "request": self.request,
            "csrf_token": parent_context["csrf_token"],
        }


def translator_locales(user):
    """The languages other than English whose pages this user may edit, when they are not an editor
    of every language (the Secretariat sees everything in the coverage report)."""
    if user.has_perm("wagtail_localize.submit_translation"):
        return []
    locale_ids = set(
        PagePermissionPolicy()
        .instances_user_has_any_permission_for(user, ["change"])
        .exclude(locale__language_code=settings.LANGUAGE_CODE)
        .values_list("locale_id", flat=True)
        .distinct()
    )
    return list(Locale.objects.filter(pk__in=locale_ids).order_by("language_code"))
