from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import panels, review, views
from . import wagtail_localize_workaround_po_upload as po_upload
from . import wagtail_localize_workaround_publish_rights as publish_rights


@hooks.register("register_admin_urls")
def register_translation_workflow_urls():
    return [
        path("translations/coverage/", views.CoverageReportView.as_view(), name="translation_coverage"),
        # Matched before wagtail-localize's own URL of the same path (this app is listed first).
        path("localize/translate/<int:translation_id>/pofile/upload/", po_upload.upload_pofile),
        path("localize/update/<int:translation_source_id>/", publish_rights.UpdateTranslationsView.as_view()),
        path("localize/page/<int:page_id>/convert_to_alias/", publish_rights.convert_to_alias),
        path("translations/<int:translation_id>/sync/", views.sync_translation, name="sync_translation"),
        path(
            "translations/<int:translation_id>/submit/",
            views.submit_translation_for_moderation,
            name="submit_translation_for_moderation",
        ),
        path("translations/review/<int:page_id>/", review.ReviewView.as_view(), name="translation_review"),
        path(
            "translations/<int:translation_id>/segments/<int:segment_id>/use-previous/",
            views.use_previous_translation,
            name="use_previous_translation",
        ),
    ]


class CoverageMenuItem(MenuItem):
    def is_shown(self, request):
        return views.works_on_pages(request.user)


@hooks.register("register_admin_menu_item")
def register_translation_workflow_menu_item():
    return CoverageMenuItem(_("Translation coverage"), reverse("translation_coverage"), icon_name="site", order=450)


@hooks.register("construct_homepage_panels")
def add_translation_panels(request, panels_list):
    if review.can_review(request.user):
        # Ours names the language and asks before approving; Wagtail's approves at one click.
        panels_list[:] = [
            panel for panel in panels_list if getattr(panel, "name", "") != "workflow_objects_to_moderate"
        ]
        panels_list.append(panels.AwaitingApprovalPanel(request))
    locales = panels.translator_locales(request.user)
    if locales:
        panels_list.append(panels.TranslatorToDoPanel(request, locales))


# Before wagtail-localize's own hook (order 0), which it calls.
hooks.register("before_edit_page", publish_rights.edit_translation_without_convert_to_alias, order=-1)
hooks.register("construct_page_action_menu", publish_rights.hide_convert_to_alias_menu_item)
