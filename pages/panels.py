"""Admin edit-form panels of the pages app."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel
from wagtail_localize.models import TranslationSource

from pages.languages import language_name, site_language_order


def translation_states(instance):
    """For a translated snippet: its source, the URL that syncs its translations, and one row per
    language saying whether that language's live version says what the source's live version says."""
    source = (
        TranslationSource.objects.filter(object_id=instance.translation_key, specific_content_type__isnull=False)
        .select_related("locale")
        .order_by("created_at")
        .first()
    )
    if source is None:
        return None
    source_instance = source.get_source_instance()
    changed_since_sync = bool(
        source_instance.last_published_at and source.last_updated_at < source_instance.last_published_at
    )
    targets = {
        target.locale_id: target
        for target in type(instance).objects.filter(translation_key=instance.translation_key).exclude(pk=source_instance.pk)
    }
    rows = []
    for translation in source.translations.filter(enabled=True).select_related("target_locale"):
        target = targets.get(translation.target_locale_id)
        total, translated = translation.get_progress()
        if target is None:
            state, up_to_date = _("Not translated yet"), False
        elif changed_since_sync:
            state, up_to_date = _("Out of date: the English version changed after the last sync"), False
        elif translated < total:
            state, up_to_date = _("Waiting for translations (%(done)s of %(total)s)") % {"done": translated, "total": total}, False
        elif not target.live or target.has_unpublished_changes:
            state, up_to_date = _("Translated, not yet published"), False
        else:
            state, up_to_date = _("Up to date"), True
        code = translation.target_locale.language_code
        rows.append({"language": language_name(code), "code": code, "state": state, "up_to_date": up_to_date})
    rows.sort(key=lambda row: site_language_order(row["code"]))
    return {
        "source_language": language_name(source.locale.language_code),
        "is_source": source_instance.pk == instance.pk,
        "changed_since_sync": changed_since_sync,
        "sync_url": reverse("wagtail_localize:update_translations", args=[source.pk]),
        "rows": rows,
    }


class TranslationStatusPanel(Panel):
    """Which languages of a translated snippet still differ from its source, with the way to sync them."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "pages/admin/translation_status_panel.html"

        def is_shown(self):
            return self.instance is not None and self.instance.pk is not None

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["translations"] = translation_states(self.instance)
            return context
