from django.contrib import messages
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Page, WorkflowState
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail_localize.models import Translation

from .changed_segments import start_from_previous_translation
from .coverage import (
    AWAITING_APPROVAL,
    DRAFT,
    MISSING,
    NEEDS_SYNC,
    OUT_OF_DATE,
    STATUS_LABELS,
    UP_TO_DATE,
    counts_by_language,
    coverage_rows,
    target_locales,
)
from .review import can_review
from .wagtail_localize_workaround_draft_revision import save_draft_revision


def works_on_pages(user):
    """Editors, translators and administrators: not the help desk, whose work is the advice queries."""
    return PagePermissionPolicy().user_has_any_permission(user, {"add", "change", "publish"})


class CoverageReportView(WagtailAdminTemplateMixin, TemplateView):
    """Every English page against every other language, filtered by language and state with plain links."""

    def dispatch(self, request, *args, **kwargs):
        if not works_on_pages(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    template_name = "translation_workflow/coverage.html"
    page_title = gettext_lazy("Translation coverage")
    header_icon = "site"

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        all_locales = target_locales()
        language = self.request.GET.get("language", "")
        state = self.request.GET.get("state", "")
        shown_locales = [locale for locale in all_locales if locale.language_code == language] or all_locales
        if state not in STATUS_LABELS:
            state = ""
        locales, rows = coverage_rows(shown_locales)
        counts = counts_by_language(locales, rows)
        if state:
            rows = [row for row in rows if any(cell.status == state for cell in row.cells)]

        user = self.request.user
        editable = set(
            PagePermissionPolicy().instances_user_has_any_permission_for(user, ["change"]).values_list("pk", flat=True)
        )
        can_submit = user.has_perm("wagtail_localize.submit_translation")
        reviewer = can_review(user)
        for row in rows:
            for cell in row.cells:
                cell.action_url, cell.action_label, cell.action_posts = action_for(
                    row.page, cell, editable, can_submit, reviewer
                )
        context.update(
            locales=locales,
            rows=rows,
            language_choices=[(locale.language_code, locale.get_display_name()) for locale in all_locales],
            state_choices=list(STATUS_LABELS.items()),
            selected_language=language if len(shown_locales) == 1 else "",
            selected_state=state,
            counts=[(locale, counts[locale.pk]) for locale in locales],
            status_labels=STATUS_LABELS,
        )
        return context


def action_for(source_page, cell, editable, can_submit, reviewer):
    """(URL, label, whether it is a POST) of the next thing this user can do about a cell."""
    if cell.page is None:
        if can_submit:
            url = reverse("wagtail_localize:submit_page_translation", args=[source_page.pk])
            return url, _("Translate"), False
        return None, None, False
    if cell.status == AWAITING_APPROVAL and reviewer:
        return reverse("translation_review", args=[cell.page.pk]), _("Review"), False
    if cell.reason == NEEDS_SYNC and cell.status == OUT_OF_DATE and can_submit:
        return reverse("wagtail_localize:update_translations", args=[cell.source.pk]), _("Sync"), False
    if cell.page.pk in editable:
        if cell.reason == NEEDS_SYNC and cell.status == OUT_OF_DATE:
            # A translator syncs their own language only, then lands in the translation editor.
            return reverse("sync_translation", args=[cell.translation.pk]), _("Sync"), True
        labels = {
            MISSING: _("Translate"),
            DRAFT: _("Continue translating"),
            OUT_OF_DATE: _("Translate"),
            UP_TO_DATE: _("Edit translation"),
        }
        label = labels.get(cell.status, _("Edit translation"))
        return reverse("wagtailadmin_pages:edit", args=[cell.page.pk]), label, False
    return None, None, False


def translation_and_page(translation_id):
    """An enabled translation of a page and its target page, or 404."""
    translation = get_object_or_404(
        Translation.objects.select_related("source", "target_locale"), pk=translation_id, enabled=True
    )
    try:
        page = translation.get_target_instance()
    except ObjectDoesNotExist:
        raise Http404
    if not isinstance(page, Page):
        raise Http404
    return translation, page


@require_POST
def sync_translation(request, translation_id):
    """Bring the text to translate up to date with the English page, for one language's translator.

    wagtail-localize's "Sync translated pages" needs `wagtail_localize.submit_translation`, which
    translators do not have: it acts on every language at once and can publish them all. This view
    asks only that the user may edit the page in the translation's language, and does only the
    harmless part of a sync: it re-reads the English page as published into the translation source
    (`TranslationSource.update_from_db`), so that new English text waits as untranslated segments.
    No page in any language is saved, published or given new view restrictions; the translator's
    own page changes only once they submit their translation and the Secretariat approves it.
    Other languages' translations keep every string already translated; their translators simply
    find the new English text waiting too, which is what a Secretariat sync would do as well.
    """
    translation, page = translation_and_page(translation_id)
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    try:
        translation.source.update_from_db()
    except ObjectDoesNotExist:
        raise Http404
    messages.success(
        request,
        _("The %(language)s translation now has the English page's latest text to translate.")
        % {"language": translation.target_locale.get_display_name()},
    )
    return redirect(reverse("wagtailadmin_pages:edit", args=[page.pk]))


@require_POST
def submit_translation_for_moderation(request, translation_id):
    """Save a synchronised translation as a draft and send it through the page's workflow.

    wagtail-localize's editor only offers "Publish", which translators may not do: this is their
    way to hand a translation to the Secretariat for approval.
    """
    translation, page = translation_and_page(translation_id)
    permissions = page.permissions_for_user(request.user)
    if not permissions.can_edit() or permissions.page_locked():
        raise PermissionDenied
    workflow = page.get_workflow()
    if workflow is None:
        raise PermissionDenied

    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    try:
        with transaction.atomic():
            page = save_draft_revision(translation, request.user)
    except ValidationError:
        messages.error(request, _("This translation cannot be saved yet: please fix the errors shown and try again."))
        return redirect(edit_url)

    state = page.current_workflow_state
    if state is None:
        workflow.start(page, request.user)
    elif state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        state.resume(request.user)
    messages.success(
        request,
        _("The %(language)s translation was sent to the Secretariat for approval.")
        % {"language": translation.target_locale.get_display_name()},
    )
    return redirect(edit_url)


@require_POST
def use_previous_translation(request, translation_id, segment_id):
    """Put the previous translation of a changed paragraph in its box, for the translator to edit."""
    translation, page = translation_and_page(translation_id)
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    if start_from_previous_translation(translation, segment_id, request.user):
        messages.success(
            request, _("The previous translation is in place: change it to match the new English, then submit.")
        )
    else:
        messages.warning(request, _("This text has a translation already, or none before it: nothing was changed."))
    return redirect(reverse("wagtailadmin_pages:edit", args=[page.pk]))
