"""Which page is translated into which language, and whether the translation has kept up.

A fixed number of queries whatever the number of pages: the pages, their synchronisation sources
and translations, and one segment count per language. Translation.get_progress() would cost two
queries per cell.
"""

from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.db.models import Count, Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

UP_TO_DATE = "up-to-date"
OUT_OF_DATE = "out-of-date"
MISSING = "missing"
INDEPENDENT = "independent"

STATUS_LABELS = {
    UP_TO_DATE: _("Up to date"),
    OUT_OF_DATE: _("Out of date"),
    MISSING: _("Missing"),
    INDEPENDENT: _("Not synchronised"),
}

# Why an out-of-date translation is out of date, in the order a translator deals with it.
NEEDS_SYNC = _("The English page has changed since the last sync.")
NEEDS_TRANSLATION = _("Some text is not translated yet.")
NEEDS_PUBLISHING = _("The latest translation is not published yet.")


@dataclass
class Cell:
    locale: Locale
    status: str
    changed_at: datetime | None
    page: Page | None = None
    translation: Translation | None = None
    source: TranslationSource | None = None
    translated_segments: int = 0
    total_segments: int = 0
    reason: str = ""

    @property
    def label(self):
        return STATUS_LABELS[self.status]


@dataclass
class Row:
    page: Page
    cells: list


def target_locales():
    order = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]
    locales = {locale.language_code: locale for locale in Locale.objects.filter(language_code__in=order)}
    return [locales[code] for code in order if code in locales]


def coverage_rows():
    source_locale = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
    locales = target_locales()
    sources_pages = list(Page.objects.filter(locale=source_locale, depth__gte=2).order_by("path"))
    keys = [page.translation_key for page in sources_pages]

    translated_pages = {
        (page.translation_key, page.locale_id): page
        for page in Page.objects.filter(translation_key__in=keys, locale__in=locales)
    }
    sources = {
        source.object_id: source
        for source in TranslationSource.objects.filter(object_id__in=keys, locale=source_locale)
    }
    translations = {
        (translation.source_id, translation.target_locale_id): translation
        for translation in Translation.objects.filter(source__in=sources.values(), target_locale__in=locales)
    }
    progress = segment_progress(sources.values(), locales)

    rows = []
    for page in sources_pages:
        source = sources.get(page.translation_key)
        cells = []
        for locale in locales:
            target = translated_pages.get((page.translation_key, locale.pk))
            translation = translations.get((source.pk, locale.pk)) if source else None
            total, translated = progress.get((source.pk, locale.pk), (0, 0)) if source else (0, 0)
            cells.append(cell_for(page, locale, target, source, translation, total, translated))
        rows.append(Row(page=page, cells=cells))
    return locales, rows


def cell_for(page, locale, target, source, translation, total, translated):
    if target is None:
        return Cell(locale=locale, status=MISSING, changed_at=page.last_published_at, page=None)
    changed_at = target.last_published_at or target.latest_revision_created_at
    if translation is None or not translation.enabled:
        return Cell(locale=locale, status=INDEPENDENT, changed_at=changed_at, page=target, source=source)
    cell = Cell(
        locale=locale, status=UP_TO_DATE, changed_at=changed_at, page=target, translation=translation,
        source=source, translated_segments=translated, total_segments=total,
    )
    if source_is_stale(source, page.last_published_at):
        cell.reason = NEEDS_SYNC
    elif translated < total:
        cell.reason = NEEDS_TRANSLATION
    elif not target.live or target.has_unpublished_changes:
        cell.reason = NEEDS_PUBLISHING
    if cell.reason:
        cell.status = OUT_OF_DATE
    return cell


def source_is_stale(source, source_page_published_at):
    """Has the source page been published since its text was last synced for translation?"""
    return bool(source_page_published_at and source.last_updated_at < source_page_published_at)


def translation_is_stale(translation):
    """source_is_stale() for one translation, looking up when its source page was last published."""
    source = translation.source
    published_at = (
        Page.objects.filter(translation_key=source.object_id, locale_id=source.locale_id)
        .values_list("last_published_at", flat=True)
        .first()
    )
    return source_is_stale(source, published_at)


def segment_progress(sources, locales):
    """{(source id, locale id): (segments, translated segments)}, one query per language."""
    progress = {}
    source_ids = [source.pk for source in sources]
    if not source_ids:
        return progress
    for locale in locales:
        translated = StringTranslation.objects.filter(
            translation_of_id=OuterRef("string_id"),
            context_id=OuterRef("context_id"),
            locale_id=locale.pk,
            has_error=False,
        )
        counts = (
            StringSegment.objects.filter(source_id__in=source_ids)
            .annotate(is_translated=Exists(translated))
            .values("source_id")
            .annotate(total=Count("pk"), done=Count("pk", filter=Q(is_translated=True)))
            .order_by()
        )
        for count in counts:
            progress[(count["source_id"], locale.pk)] = (count["total"], count["done"])
    return progress
