"""Which page is translated into which language, and whether what visitors read has kept up.

Each page × language is in one state:

- missing: no page in that language, or one whose text nobody has translated yet;
- draft: a translator has saved translated text (or Changes were requested) that nobody has submitted
  for approval, so visitors still read the old text;
- awaiting approval: submitted, in the Secretariat's workflow;
- up to date: live, and made from the English page as it is now published;
- out of date: live, but the English page has changed since (not synced yet, or synced with new English
  text still to translate), with what changed.

A fixed number of queries whatever the number of pages (about a dozen, two of them per language):
Translation.get_progress() would cost two queries per cell.
"""

from dataclasses import dataclass, field
from datetime import datetime

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Exists, Max, OuterRef, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page, PageLogEntry, WorkflowState
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

MISSING = "missing"
DRAFT = "draft"
AWAITING_APPROVAL = "awaiting-approval"
UP_TO_DATE = "up-to-date"
OUT_OF_DATE = "out-of-date"
INDEPENDENT = "independent"

# In the order a filter offers them.
STATUS_LABELS = {
    OUT_OF_DATE: _("Out of date"),
    MISSING: _("Not translated"),
    DRAFT: _("Draft not submitted"),
    AWAITING_APPROVAL: _("Awaiting approval"),
    UP_TO_DATE: _("Up to date"),
    INDEPENDENT: _("Not synchronised"),
}

# Why a translation is in its state, in the order a translator deals with it.
NEEDS_SYNC = _("The English page has changed since the last sync.")
NEEDS_TRANSLATION = _("Some text is not translated yet.")
NEEDS_SUBMISSION = _("Translated text is saved but not submitted for approval: visitors still read the old text.")
CHANGES_REQUESTED = _("The Secretariat asked for changes.")
NOT_STARTED = _("Nothing is translated yet.")
NOT_PUBLISHED = _("The page is not published in this language.")

# How many untranslated English texts a cell quotes.
QUOTED_SEGMENTS = 3


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
    untranslated_texts: list = field(default_factory=list)
    compare_url: str = ""

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


def coverage_rows(locales=None):
    """(locales, rows): every English page below the root, with a cell for each of `locales`."""
    source_locale = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
    if locales is None:
        locales = target_locales()
    source_pages = list(Page.objects.filter(locale=source_locale, depth__gte=2).order_by("path"))
    if not locales:
        return locales, [Row(page=page, cells=[]) for page in source_pages]
    keys = [page.translation_key for page in source_pages]

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
    last_edits = last_translation_edits(keys, locales)
    workflows = workflow_statuses(translated_pages.values())
    synced_revisions = revisions_live_at_sync(source_pages, sources)

    rows = []
    for page in source_pages:
        source = sources.get(page.translation_key)
        cells = []
        for locale in locales:
            target = translated_pages.get((page.translation_key, locale.pk))
            translation = translations.get((source.pk, locale.pk)) if source else None
            cell = cell_for(
                page, locale, target, source, translation,
                progress.get((source.pk, locale.pk), (0, 0, [])) if source else (0, 0, []),
                last_edits.get((page.translation_key, locale.pk)),
                workflows.get(target.pk) if target else None,
            )
            if cell.reason == NEEDS_SYNC and synced_revisions.get(page.pk) and page.live_revision_id:
                cell.compare_url = reverse(
                    "wagtailadmin_pages:revisions_compare",
                    args=[page.pk, synced_revisions[page.pk], page.live_revision_id],
                )
            cells.append(cell)
        rows.append(Row(page=page, cells=cells))
    return locales, rows


def cell_for(page, locale, target, source, translation, progress, last_edit, workflow_status):
    total, translated, untranslated_texts = progress
    if target is None:
        return Cell(locale=locale, status=MISSING, changed_at=None)
    changed_at = target.last_published_at or target.latest_revision_created_at
    if translation is None or not translation.enabled:
        return Cell(locale=locale, status=INDEPENDENT, changed_at=changed_at, page=target, source=source)
    cell = Cell(
        locale=locale, status=UP_TO_DATE, changed_at=changed_at, page=target, translation=translation,
        source=source, translated_segments=translated, total_segments=total,
        untranslated_texts=untranslated_texts,
    )
    stale = source_is_stale(source, page.last_published_at)
    edited_since_publication = bool(last_edit) and (
        target.last_published_at is None or last_edit > target.last_published_at
    )
    if workflow_status == WorkflowState.STATUS_IN_PROGRESS:
        cell.status, cell.reason = AWAITING_APPROVAL, NEEDS_SYNC if stale else ""
    elif workflow_status == WorkflowState.STATUS_NEEDS_CHANGES:
        cell.status, cell.reason = DRAFT, CHANGES_REQUESTED
    elif edited_since_publication or (target.live and target.has_unpublished_changes):
        cell.status, cell.reason = DRAFT, NEEDS_SUBMISSION
        if last_edit:
            cell.changed_at = max(last_edit, changed_at) if changed_at else last_edit
    elif total and not translated:
        cell.status, cell.reason = MISSING, NOT_STARTED
    elif not target.live:
        cell.status, cell.reason = MISSING, NOT_PUBLISHED
    elif stale:
        cell.status, cell.reason = OUT_OF_DATE, NEEDS_SYNC
    elif translated < total:
        cell.status, cell.reason = OUT_OF_DATE, NEEDS_TRANSLATION
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
    """{(source id, locale id): (segments, translated segments, a few untranslated texts)}.

    Two queries per language: the counts, and the first untranslated texts of every page.
    """
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
        segments = StringSegment.objects.filter(source_id__in=source_ids).annotate(is_translated=Exists(translated))
        counts = (
            segments.values("source_id")
            .annotate(total=Count("pk"), done=Count("pk", filter=Q(is_translated=True)))
            .order_by()
        )
        untranslated = {}
        for source_id, text in (
            segments.filter(is_translated=False).order_by("source_id", "order").values_list("source_id", "string__data")
        ):
            texts = untranslated.setdefault(source_id, [])
            if len(texts) < QUOTED_SEGMENTS:
                texts.append(text)
        for count in counts:
            key = (count["source_id"], locale.pk)
            progress[key] = (count["total"], count["done"], untranslated.get(count["source_id"], []))
    return progress


def last_translation_edits(translation_keys, locales):
    """{(translation key, locale id): when a translator last saved text for that page in that language}."""
    return {
        (row["context__object_id"], row["locale_id"]): row["last_edit"]
        for row in StringTranslation.objects.filter(context__object_id__in=translation_keys, locale__in=locales)
        .values("context__object_id", "locale_id")
        .annotate(last_edit=Max("updated_at"))
        .order_by()
    }


def workflow_statuses(pages):
    """{page id: status of its unfinished workflow}, for pages in moderation or sent back for changes."""
    page_ids = [str(page.pk) for page in pages]
    if not page_ids:
        return {}
    states = WorkflowState.objects.filter(
        base_content_type=ContentType.objects.get_for_model(Page),
        object_id__in=page_ids,
        status__in=[WorkflowState.STATUS_IN_PROGRESS, WorkflowState.STATUS_NEEDS_CHANGES],
    ).values_list("object_id", "status")
    return {int(object_id): status for object_id, status in states}


def revisions_live_at_sync(source_pages, sources):
    """{English page id: the revision that was live when its text was last synced for translation}.

    For the pages published since their last sync only, so that a "what changed" link can compare it
    with what is live now.
    """
    stale = {
        page.pk: sources[page.translation_key].last_updated_at
        for page in source_pages
        if page.translation_key in sources
        and source_is_stale(sources[page.translation_key], page.last_published_at)
    }
    if not stale:
        return {}
    revisions = {}
    publications = (
        PageLogEntry.objects.filter(page_id__in=stale, action="wagtail.publish", revision__isnull=False)
        .order_by("timestamp")
        .values_list("page_id", "revision_id", "timestamp")
    )
    for page_id, revision_id, published_at in publications:
        if published_at <= stale[page_id]:
            revisions[page_id] = revision_id
    return revisions


def counts_by_language(locales, rows):
    """{locale id: {status: number of pages}}."""
    counts = {locale.pk: dict.fromkeys(STATUS_LABELS, 0) for locale in locales}
    for row in rows:
        for cell in row.cells:
            counts[cell.locale.pk][cell.status] += 1
    return counts
