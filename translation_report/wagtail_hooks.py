from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import po_upload, views


@hooks.register("register_admin_urls")
def register_translation_report_urls():
    return [
        path("translations/coverage/", views.CoverageReportView.as_view(), name="translation_coverage"),
        # Matched before wagtail-localize's own URL of the same path (this app is listed first).
        path("localize/translate/<int:translation_id>/pofile/upload/", po_upload.upload_pofile),
        path("translations/<int:translation_id>/sync/", views.sync_translation, name="sync_translation"),
        path(
            "translations/<int:translation_id>/submit/",
            views.submit_translation_for_moderation,
            name="submit_translation_for_moderation",
        ),
    ]


@hooks.register("register_admin_menu_item")
def register_translation_report_menu_item():
    return MenuItem(_("Translation coverage"), reverse("translation_coverage"), icon_name="site", order=450)
