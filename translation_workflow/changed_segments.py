"""After a sync, what changed in the English and how it was translated before.

wagtail-localize finds a segment's translation by its exact English text: once one word of a paragraph
changes, the paragraph is a new string and its translation box is empty, although the translation of
the old paragraph is still stored (same page, same place in the page, the old English text). Here each
untranslated segment is matched with the stored translation, in the same place, whose old English text
is closest to the new one, so the translator sees a word-level difference of the English and can start
from the previous translation instead of from nothing.
"""

import difflib
import re
from dataclasses import dataclass

from django.db import transaction
from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe
from wagtail_localize.models import StringSegment, StringTranslation

# Below this similarity between the old and the new English, the old translation is no starting point.
MIN_SIMILARITY = 0.4
WORD = re.compile(r"\w+|\s+|[^\w\s]", re.UNICODE)


@dataclass
class ChangedSegment:
    segment: StringSegment
    old_english: str
    new_english: str
    previous_translation: str
    diff_html: str


def changed_segments(translation):
    """Untranslated segments of a translation that replace a segment translated before, in page order."""
    locale_id = translation.target_locale_id
    segments = list(
        StringSegment.objects.filter(source_id=translation.source_id).select_related("string").order_by("order")
    )
    if not segments:
        return []
    current = {(segment.string_id, segment.context_id) for segment in segments}
    stored = StringTranslation.objects.filter(
        locale_id=locale_id, context_id__in={segment.context_id for segment in segments}
    ).values_list("translation_of_id", "context_id", "data", "translation_of__data", "has_error")
    translated = set()
    earlier_by_context = {}
    for string_id, context_id, data, english, has_error in stored:
        if (string_id, context_id) in current:
            if not has_error:
                translated.add((string_id, context_id))
        else:
            earlier_by_context.setdefault(context_id, []).append((english, data))

    changes = []
    claimed = set()
    for segment in segments:
        if (segment.string_id, segment.context_id) in translated:
            continue
        new_english = segment.string.data
        best, best_ratio = None, MIN_SIMILARITY
        for candidate in earlier_by_context.get(segment.context_id, []):
            if candidate in claimed:
                continue
            ratio = difflib.SequenceMatcher(None, words(candidate[0]), words(new_english)).ratio()
            if ratio >= best_ratio:
                best, best_ratio = candidate, ratio
        if best is None:
            continue
        claimed.add(best)
        old_english, previous = best
        changes.append(
            ChangedSegment(
                segment=segment,
                old_english=old_english,
                new_english=new_english,
                previous_translation=previous,
                diff_html=word_diff(old_english, new_english),
            )
        )
    return changes


def words(text):
    return WORD.findall(strip_tags(text))


def word_diff(old, new):
    """HTML of the new text with removed words in <del> and added words in <ins>."""
    old_words, new_words = words(old), words(new)
    parts = []
    matcher = difflib.SequenceMatcher(None, old_words, new_words, autojunk=False)
    for operation, old_start, old_end, new_start, new_end in matcher.get_opcodes():
        if operation == "equal":
            parts.append(escape("".join(new_words[new_start:new_end])))
            continue
        if old_end > old_start:
            parts.append(f"<del>{escape(''.join(old_words[old_start:old_end]))}</del>")
        if new_end > new_start:
            parts.append(f"<ins>{escape(''.join(new_words[new_start:new_end]))}</ins>")
    return mark_safe("".join(parts))  # noqa: S308 - every piece of text is escaped above


def start_from_previous_translation(translation, segment_id, user):
    """Store the previous translation as this segment's translation, for the translator to edit.

    Returns False (and stores nothing) when the segment has a translation already or none before it.
    """
    with transaction.atomic():
        change = next((change for change in changed_segments(translation) if change.segment.pk == segment_id), None)
        if change is None:
            return False
        _string_translation, created = StringTranslation.objects.get_or_create(
            translation_of_id=change.segment.string_id,
            locale_id=translation.target_locale_id,
            context_id=change.segment.context_id,
            defaults={
                "data": change.previous_translation,
                "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                "last_translated_by": user,
            },
        )
        return created
