"""The treaty status page's status cells and map, and the home page's headline figures.

Cells and map are built in Python rather than with an include per row: the table has 193 rows of two
treaties, and the map one path per State.
"""

from django import template
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, gettext, pgettext

from countries.un import member_states
from operations.caching import cached_until_publish
from treaty_status.choices import Action, Status, Treaty
from treaty_status.listing import count, rows_by_state
from treaty_status.models import TreatyStatus, TreatyStatusPage
from treaty_status.world_map import world_map

register = template.Library()

MAP_FILLS = {
    Status.PARTY: "#0b4f6c",
    Status.SIGNATORY: "url(#ts-signatory)",
    Status.NEITHER: "url(#ts-neither)",
    "": "#e3e7eb",
}
MAP_PATTERNS = (
    '<pattern id="ts-signatory" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">'
    '<rect width="6" height="6" fill="#fde9b0"/><rect width="2.5" height="6" fill="#9a5b00"/></pattern>'
    '<pattern id="ts-neither" width="5" height="5" patternUnits="userSpaceOnUse">'
    '<rect width="5" height="5" fill="#f6dcdc"/><circle cx="2.5" cy="2.5" r="1.3" fill="#a4161a"/></pattern>'
)


def became_party(row):
    when = date_format(row.date, "DATE_FORMAT") if row.date else str(row.year)
    if row.action == Action.RATIFICATION:
        return pgettext("treaty status cell", "State party since %(when)s (ratification)") % {"when": when}
    if row.action == Action.ACCESSION:
        return pgettext("treaty status cell", "State party since %(when)s (accession)") % {"when": when}
    if row.action == Action.SUCCESSION:
        return pgettext("treaty status cell", "State party since %(when)s (succession)") % {"when": when}
    return pgettext("treaty status cell", "State party since %(when)s") % {"when": when}


@register.simple_tag
def status_cell(row, as_of):
    """A table cell: the status in words, and when a row was checked after the rest, that date and its source."""
    if row is None:
        return format_html('<td class="ts-status">{}</td>', pgettext("treaty status cell", "No data"))
    if row.status == Status.PARTY:
        text = became_party(row)
    elif row.status == Status.SIGNATORY:
        text = pgettext("treaty status cell", "Signatory")
    else:
        text = pgettext("treaty status cell", "Not yet")
    checked = ""
    if as_of and row.checked_on > as_of:
        checked_text = pgettext("treaty status cell", "checked on %(date)s") % {"date": date_format(row.checked_on, "DATE_FORMAT")}
        checked = (
            format_html(' <a class="ts-checked" href="{}">{}</a>', row.source_url, checked_text)
            if row.source_url
            else format_html(' <span class="ts-checked">{}</span>', checked_text)
        )
    return format_html('<td class="ts-status ts-{}">{}{}</td>', row.status, text, checked)


@register.simple_tag
def world_map_svg(listing):
    """The Convention's status on a world map: every Member State, by colour and by pattern."""
    drawing = world_map()
    statuses = listing.map_statuses()
    groups = {status: [] for status in MAP_FILLS}
    for code, path in drawing["shapes"].items():
        groups[statuses.get(code, "")].append(path)
    dots = {status: [] for status in MAP_FILLS}
    for code, (x, y) in drawing["dots"].items():
        dots[statuses.get(code, "")].append((x, y))
    figures = listing.figures[Treaty.UNCAT]
    description = gettext(
        "States parties: %(parties)s. Signatories: %(signatories)s. Neither: %(neither)s. "
        "Every State's status is in the table below."
    ) % {
        "parties": figures.parties,
        "signatories": figures.signatories,
        "neither": figures.neither,
    }
    shapes = format_html_join(
        "",
        '<path fill="{}" d="{}"/>',
        ((MAP_FILLS[status], "".join(paths)) for status, paths in groups.items() if paths),
    )
    markers = format_html_join(
        "",
        '<g fill="{}" stroke="#1b1f24" stroke-width=".8">{}</g>',
        (
            (MAP_FILLS[status], format_html_join("", '<circle cx="{}" cy="{}" r="3.5"/>', points))
            for status, points in dots.items()
            if points
        ),
    )
    return format_html(
        '<svg class="ts-map__svg" viewBox="0 0 {} {}" role="img" aria-labelledby="ts-map-title ts-map-desc">'
        '<title id="ts-map-title">{}</title><desc id="ts-map-desc">{}</desc><defs>{}</defs>'
        '<g stroke="#fff" stroke-width=".6" stroke-linejoin="round">{}</g>{}</svg>',
        drawing["width"],
        drawing["height"],
        gettext("World map of the status of the Convention against Torture"),
        description,
        mark_safe(MAP_PATTERNS),
        shapes,
        markers,
    )


@register.simple_tag
def map_swatch(status):
    """A legend's sample of a map fill (the patterns are those of the map on the same page)."""
    return format_html(
        '<svg class="ts-swatch" viewBox="0 0 20 14" aria-hidden="true"><rect width="20" height="14" fill="{}" stroke="#1b1f24" stroke-width=".5"/></svg>',
        MAP_FILLS[status],
    )


def headline_figures(language_code):
    """The Convention's figures and the treaty status page in `language_code`, or None without either."""

    def compute():
        rows = rows_by_state(TreatyStatus.objects.all())
        page = TreatyStatusPage.objects.live().filter(locale__language_code=language_code).first()
        if page is None or not any(Treaty.UNCAT in by_treaty for by_treaty in rows.values()):
            return None
        return {
            "figures": count(rows, Treaty.UNCAT, member_states()),
            "url": page.url,
            "title": page.title,
        }

    return cached_until_publish(f"treaty_status:headline:{language_code}", compute)


@register.inclusion_tag("treaty_status/headline.html")
def treaty_status_headline():
    return {"headline": headline_figures(get_language())}
