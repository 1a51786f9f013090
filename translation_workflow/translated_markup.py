"""Markup a translator types never reaches a page.

- When a translated string is saved (the translation editor, a PO upload, any other route that saves a
  StringTranslation) and holds markup its field does not allow, it is kept, so the translator sees what
  they typed, but marked as an error: wagtail-localize then leaves it out of previews and publication,
  and its editor shows `DISALLOWED_MARKUP_MESSAGE` beside it. A PO upload holding such a string is
  refused whole (wagtail_localize_workaround_po_upload.py), before anything is saved.
- When a translated page or snippet is saved, its publication included, every rich text in it is
  cleaned (sanitise.clean_rich_text): the last defence for strings stored before these checks, and
  for any route that builds a translation without them.
"""

import logging

from django.db.models.signals import pre_save
from wagtail.models import TranslatableMixin
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from . import sanitise

logger = logging.getLogger(__name__)


def segment_rules_for(context):
    """(tags, attributes) allowed in a translation of the string at a TranslationContext."""
    if context is None:
        return sanitise.segment_rules(None, "")
    source = (
        TranslationSource.objects.filter(object_id=context.object_id).select_related("specific_content_type").first()
    )
    model = source.specific_content_type.model_class() if source is not None else None
    return sanitise.segment_rules(model, context.field_path)


def is_disallowed(data, context):
    tags, attributes = segment_rules_for(context)
    return sanitise.has_disallowed_markup(data or "", tags, attributes)


def check_string_translation(sender, instance, update_fields=None, **kwargs):
    if update_fields is not None and "data" not in update_fields:
        return  # wagtail-localize recording an error of its own
    if is_disallowed(instance.data, instance.context):
        instance.has_error = True
        instance.field_error = str(sanitise.DISALLOWED_MARKUP_MESSAGE)


def clean_translated_rich_text(sender, instance, update_fields=None, raw=False, **kwargs):
    if raw or not isinstance(instance, TranslatableMixin) or instance.locale_id is None:
        return
    values = [value for value in sanitise.rich_text_values(instance) if update_fields is None or value[0] in update_fields]
    if not values or not is_translation(instance):
        return
    for field_name, features, value in values:
        source = value if isinstance(value, str) else value.source
        cleaned = sanitise.clean_rich_text(source, features)
        if cleaned == source:
            continue
        if isinstance(value, str):
            setattr(instance, field_name, cleaned)
        else:
            value.source = cleaned
        if sanitise.has_disallowed_rich_text(source, features):
            logger.warning(
                "Markup not allowed removed from %s %s (%s), field %s",
                instance._meta.label,
                instance.pk,
                instance.locale,
                field_name,
            )


def is_translation(instance):
    return Translation.objects.filter(
        source__object_id=instance.translation_key, target_locale_id=instance.locale_id
    ).exists()


def connect():
    pre_save.connect(check_string_translation, sender=StringTranslation, dispatch_uid="translated_markup.strings")
    pre_save.connect(clean_translated_rich_text, dispatch_uid="translated_markup.rich_text")
