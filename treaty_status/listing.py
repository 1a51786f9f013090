"""What the treaty status page shows: the figures, the States filtered and sorted as the visitor asked
(plain GET parameters, so every view can be shared and works without JavaScript), and the links that
change them."""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from countries.un import REGIONS, member_states, region_name, sort_key
from operations.caching import cached_until_publish
from pages.models import CoreState, CoreStatesPage

from .choices import Status, Treaty

SORTS = {
    "name": pgettext_lazy("sort the table by", "State"),
    "region": pgettext_lazy("sort the table by", "Region"),
    Treaty.UNCAT.value: pgettext_lazy("sort the table by", "Convention"),
    Treaty.OPCAT.value: pgettext_lazy("sort the table by", "Optional Protocol"),
}
STATUS_FILTERS = {
    Status.PARTY.value: pgettext_lazy("filter", "States parties"),
    Status.SIGNATORY.value: pgettext_lazy("filter", "Signatories"),
    Status.NEITHER.value: pgettext_lazy("filter", "Neither"),
}
STATUS_ORDER = {Status.PARTY: 0, Status.SIGNATORY: 1, Status.NEITHER: 2}


@dataclass(frozen=True)
class Figures:
    parties: int
    signatories: int
    total: int

    @property
    def still_to_ratify(self):
        return self.total - self.parties

    @property
    def neither(self):
        return self.total - self.parties - self.signatories


def rows_by_state(status_rows):
    """{code: {treaty: TreatyStatus}} of the Member States among `status_rows` (a queryset, read once).

    The same in every language, and purged whenever a row is saved (TreatyStatusConfig.ready)."""
    states = member_states()
    rows = {}
    for row in cached_until_publish("treaty_status:rows", lambda: list(status_rows.filter(country_code__in=states))):
        rows.setdefault(row.country_code, {})[row.treaty] = row
    return rows


def count(rows_by_treaty, treaty, codes):
    statuses = [rows_by_treaty[code][treaty].status for code in codes if treaty in rows_by_treaty.get(code, {})]
    return Figures(
        parties=statuses.count(Status.PARTY), signatories=statuses.count(Status.SIGNATORY), total=len(codes)
    )


@dataclass
class StateRow:
    code: str
    name: str
    region: int
    region_name: str
    sub_region_name: str
    uncat: object  # its TreatyStatus, or None
    opcat: object
    core_state: bool

    def status(self, treaty):
        return getattr(self, treaty)


@dataclass(frozen=True)
class FilterLink:
    label: str
    url: str
    current: bool


def core_states(locale_id):
    """The CTI Core States' codes (synchronised in every language) and this language's Core States page."""

    def compute():
        page = CoreStatesPage.objects.live().filter(locale_id=locale_id).first()
        codes = set(CoreState.objects.filter(page=page).values_list("country_code", flat=True)) if page else set()
        return codes, page.url if page else None

    return cached_until_publish(f"treaty_status:core_states:{locale_id}", compute)


class TreatyStatusListing:
    """`status_rows`: the TreatyStatus rows (a queryset, read once); `query`: the request's GET."""

    def __init__(self, status_rows, *, locale_id, path, query):
        self.path = path
        self.region = self.choice(query, "region", {str(code): code for code in REGIONS})
        self.statuses = {
            treaty: self.choice(query, treaty, {status: status for status in STATUS_FILTERS})
            for treaty in (Treaty.UNCAT, Treaty.OPCAT)
        }
        self.sort = self.choice(query, "sort", {key: key for key in SORTS}) or "name"

        states = member_states()
        rows = rows_by_state(status_rows)
        core_state_codes, self.core_states_url = core_states(locale_id)
        self.all_rows = [
            StateRow(
                code=code,
                name=state.name(),
                region=state.region,
                region_name=region_name(state.region),
                sub_region_name=region_name(state.sub_region),
                uncat=rows.get(code, {}).get(Treaty.UNCAT),
                opcat=rows.get(code, {}).get(Treaty.OPCAT),
                core_state=code in core_state_codes,
            )
            for code, state in states.items()
        ]
        self.figures = {treaty: count(rows, treaty, states) for treaty in (Treaty.UNCAT, Treaty.OPCAT)}
        self.regional_figures = [
            (
                region_name(region),
                {
                    treaty: count(rows, treaty, [code for code, state in states.items() if state.region == region])
                    for treaty in (Treaty.UNCAT, Treaty.OPCAT)
                },
            )
            for region in REGIONS
        ]
        checked = [row.checked_on for by_treaty in rows.values() for row in by_treaty.values()]
        self.as_of = min(checked, default=None)
        self.last_checked = max(checked, default=None)
        self.rows = self.sorted(self.filtered(self.all_rows))

    @staticmethod
    def choice(query, name, choices):
        return choices.get(query.get(name, ""))

    def filtered(self, rows):
        if self.region:
            rows = [row for row in rows if row.region == self.region]
        for treaty, status in self.statuses.items():
            if status:
                rows = [row for row in rows if row.status(treaty) and row.status(treaty).status == status]
        return rows

    def sorted(self, rows):
        by_name = sort_key()
        if self.sort == "region":
            return sorted(rows, key=lambda row: (REGIONS.index(row.region), by_name(row.code)))
        if self.sort in (Treaty.UNCAT, Treaty.OPCAT):

            def by_status(row):
                status = row.status(self.sort)
                if status is None:
                    return (len(STATUS_ORDER), 0, by_name(row.code))
                return (STATUS_ORDER[status.status], status.year or 0, by_name(row.code))

            return sorted(rows, key=by_status)
        return sorted(rows, key=lambda row: by_name(row.code))

    @property
    def is_filtered(self):
        return bool(self.region or any(self.statuses.values()))

    def url(self, **changes):
        parameters = {"region": self.region, **self.statuses, "sort": self.sort, **changes}
        if parameters["sort"] == "name":
            del parameters["sort"]
        query = urlencode({name: value for name, value in parameters.items() if value})
        return f"{self.path}?{query}#states" if query else f"{self.path}#states"

    def region_links(self):
        return [FilterLink(_("All regions"), self.url(region=None), not self.region)] + [
            FilterLink(region_name(region), self.url(region=region), self.region == region) for region in REGIONS
        ]

    def status_links(self, treaty):
        current = self.statuses[treaty]
        return [FilterLink(pgettext_lazy("filter", "All"), self.url(**{treaty: None}), not current)] + [
            FilterLink(label, self.url(**{treaty: status}), current == status) for status, label in STATUS_FILTERS.items()
        ]

    def uncat_links(self):
        return self.status_links(Treaty.UNCAT)

    def opcat_links(self):
        return self.status_links(Treaty.OPCAT)

    def sort_columns(self):
        """(key, label, url) of the table's columns, each a link that sorts by it."""
        return [(key, label, self.url(sort=key)) for key, label in SORTS.items()]

    def clear_url(self):
        return self.url(region=None, uncat=None, opcat=None)

    def figure_items(self):
        return list(self.figures.items())

    def regional_items(self):
        return [
            (treaty, [(name, by_treaty[treaty]) for name, by_treaty in self.regional_figures])
            for treaty in (Treaty.UNCAT, Treaty.OPCAT)
        ]

    def map_statuses(self):
        """{code: status} under the Convention, for the map's colours."""
        return {row.code: row.uncat.status if row.uncat else "" for row in self.all_rows}

