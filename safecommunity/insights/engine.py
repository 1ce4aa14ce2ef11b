"""Exact counts of reports by any dimension, for a selection (period, regions, bias motivation, incident type).

Whole months inside the period are read from ``ReportCell``; days at either end of
a period that does not start or end on a month boundary are read from cells of
single days, or, when the selection is narrowed by a bias motivation or an incident
type, counted from the reports of those days (found through the index on the incident date).

Nothing here hides small numbers: ``insights.suppression`` does that for everything
published. Percentages are of all reports in the selection, so a multi-valued
dimension (incident types, bias motivations, ethnicities) can add up to more than 100.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from django.db.models import Min, Sum
from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from safecommunity.core import taxonomy
from safecommunity.core.models import Region
from safecommunity.insights.aggregates import (
    CODED_FIELDS,
    DAY_SCOPE,
    NOT_STATED,
    TOTAL,
    Signature,
    pair_scope,
    signature_of,
    statistics_catch_up,
)
from safecommunity.insights.models import ReportCell
from safecommunity.reports.models import Report

# The dimensions a breakdown can be asked for, in the order a dashboard shows them.
DIMENSIONS: dict[str, object] = {
    "region": gettext_lazy("Region"),
    "incident_types": gettext_lazy("Type of incident"),
    "location_type": gettext_lazy("Type of place"),
    "bias_motivations": gettext_lazy("Suspected reason (bias motivation)"),
    "targeted_ethnicities": gettext_lazy("Ethnicity of the person targeted"),
    "age_group": gettext_lazy("Age group of the person targeted"),
    "gender": gettext_lazy("Gender of the person targeted"),
    "channel": gettext_lazy("How the report reached us"),
    "year": gettext_lazy("Year of the incident"),
    "month": gettext_lazy("Month of the incident"),
}
MULTI_VALUED = frozenset({"incident_types", "bias_motivations", "targeted_ethnicities"})
ONLINE = "online"


class SelectionError(ValueError):
    """A selection that cannot be answered; the message is translated and says what to change."""

    def __init__(self, message: str, *, field: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.field = field


@dataclass(frozen=True)
class Selection:
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    regions: tuple[str, ...] = ()  # region slugs, or "online"
    bias_motivation: str = ""
    incident_type: str = ""

    def validate(self) -> Selection:
        if self.date_from and self.date_to and self.date_from > self.date_to:
            raise SelectionError(_("The start of the period must be on or before its end."), field="from")
        if self.bias_motivation and self.bias_motivation not in taxonomy.BIAS_MOTIVATIONS.codes:
            raise SelectionError(_("There is no such bias motivation."), field="bias_motivation")
        if self.incident_type and self.incident_type not in taxonomy.INCIDENT_TYPES.codes:
            raise SelectionError(_("There is no such type of incident."), field="incident_type")
        _region_keys(self.regions)
        return self

    def previous_period(self) -> Selection | None:
        """The period of the same length just before this one (for "compared with the previous period")."""
        if not (self.date_from and self.date_to):
            return None
        if self.date_from.day == 1 and _is_month_end(self.date_to):
            months = (self.date_to.year - self.date_from.year) * 12 + self.date_to.month - self.date_from.month + 1
            start = _add_months(self.date_from, -months)
            end = self.date_from - dt.timedelta(days=1)
        else:
            length = self.date_to - self.date_from
            end = self.date_from - dt.timedelta(days=1)
            start = end - length
        return Selection(start, end, self.regions, self.bias_motivation, self.incident_type)


@dataclass
class Row:
    code: str
    label: str
    count: int


@dataclass
class Breakdown:
    """Exact counts: for staff with the analyst role and as the input of suppression."""

    dimension: str
    total: int
    rows: list[Row] = field(default_factory=list)

    def count(self, code: str) -> int:
        return next((row.count for row in self.rows if row.code == code), 0)

    def percent(self, code: str) -> float:
        return round(100 * self.count(code) / self.total, 2) if self.total else 0.0


def breakdown(selection: Selection, dimension: str) -> Breakdown:
    """How many counted reports of ``selection`` fall in each category of ``dimension`` (exact)."""
    return breakdowns(selection, [dimension])[dimension]


def breakdowns(selection: Selection, dimensions: Sequence[str]) -> dict[str, Breakdown]:
    """Several breakdowns of one selection, sharing one catch-up and one count of the total."""
    unknown = [dimension for dimension in dimensions if dimension not in DIMENSIONS]
    if unknown:
        raise SelectionError(_("There is no such dimension."), field="dimension")
    selection.validate()
    statistics_catch_up()
    memo: dict[tuple[dt.date | None, dt.date | None], list[Signature]] = {}
    total = _counts(selection, TOTAL, memo).get("", 0)
    return {
        dimension: Breakdown(
            dimension=dimension, total=total, rows=_rows(dimension, _counts(selection, dimension, memo), selection)
        )
        for dimension in dimensions
    }


def total(selection: Selection) -> int:
    selection.validate()
    statistics_catch_up()
    return _counts(selection, TOTAL).get("", 0)


def first_month_with_reports() -> dt.date | None:
    statistics_catch_up()
    first = ReportCell.objects.filter(scope="", dimension=TOTAL, count__gt=0).aggregate(first=Min("month"))["first"]
    return first


def dimension_label(dimension: str) -> str:
    return str(DIMENSIONS[dimension])


def region_label(code: str) -> str:
    if code == ONLINE:
        return _("Online")
    if code == NOT_STATED:
        return _("Not stated")
    return Region.objects.filter(slug=code).values_list("name", flat=True).first() or code


# --- counting -------------------------------------------------------------------------------------------------


def _counts(
    selection: Selection,
    dimension: str,
    memo: dict[tuple[dt.date | None, dt.date | None], list[Signature]] | None = None,
) -> Counter[str]:
    """Counts by code; for region, year and month the codes are region slugs, "YYYY" and "YYYY-MM".

    ``memo`` keeps the reports read for one selection, so its breakdowns read them once."""
    memo = {} if memo is None else memo
    region_keys = _region_keys(selection.regions)
    first_full, last_full = _whole_months(selection.date_from, selection.date_to)
    counts: Counter[str] = Counter()
    if first_full is None or last_full is None or first_full <= last_full:
        counts.update(_counts_from_cells(selection, dimension, region_keys, first_full, last_full))
        edges: list[tuple[dt.date | None, dt.date | None]] = []
        if selection.date_from and first_full and selection.date_from < first_full:
            edges.append((selection.date_from, first_full - dt.timedelta(days=1)))
        if selection.date_to and last_full and selection.date_to > _month_end(last_full):
            edges.append((_add_months(last_full, 1), selection.date_to))
    else:  # the whole period lies inside one month
        edges = [(selection.date_from, selection.date_to)]
    for start, end in edges:
        if selection.bias_motivation or selection.incident_type:
            counts.update(_counts_from_reports(selection, dimension, region_keys, start, end, memo))
        else:
            counts.update(_counts_from_cells(selection, dimension, region_keys, start, end, scope=DAY_SCOPE))
    return counts


def _counts_from_cells(
    selection: Selection,
    dimension: str,
    region_keys: list[int] | None,
    first: dt.date | None,
    last: dt.date | None,
    *,
    scope: str = "",
) -> Counter[str]:
    """Counts from the cells of whole months (or, with ``scope=DAY_SCOPE``, of single days)."""
    scope = scope or _scope_of(selection)
    stored_dimension = TOTAL if dimension in ("region", "year", "month") else dimension
    cells = ReportCell.objects.filter(scope=scope, dimension=stored_dimension)
    if first:
        cells = cells.filter(month__gte=first)
    if last:
        cells = cells.filter(month__lte=last)
    if region_keys is not None:
        cells = cells.filter(region_key__in=region_keys)
    elif dimension == "region":
        cells = cells.exclude(region_key=ReportCell.ALL_REGIONS)
    else:
        cells = cells.filter(region_key=ReportCell.ALL_REGIONS)
    group_by = {"region": "region_key", "year": "month", "month": "month"}.get(dimension, "code")
    counts: Counter[str] = Counter()
    region_codes = _region_codes() if dimension == "region" else {}
    for key, count in cells.order_by().values_list(group_by).annotate(n=Sum("count")).values_list(group_by, "n"):
        if not count:
            continue
        counts[_code_for(dimension, key, region_codes)] += count
    return counts


def _scope_of(selection: Selection) -> str:
    if selection.bias_motivation and selection.incident_type:
        return pair_scope(selection.bias_motivation, selection.incident_type)
    if selection.bias_motivation:
        return f"bias_motivations:{selection.bias_motivation}"
    if selection.incident_type:
        return f"incident_types:{selection.incident_type}"
    return ""


def _counts_from_reports(
    selection: Selection,
    dimension: str,
    region_keys: list[int] | None,
    start: dt.date | None,
    end: dt.date | None,
    memo: dict[tuple[dt.date | None, dt.date | None], list[Signature]],
) -> Counter[str]:
    if (start, end) not in memo:
        memo[(start, end)] = _matching_signatures(selection, region_keys, start, end)
    counts: Counter[str] = Counter()
    region_codes = _region_codes() if dimension == "region" else {}
    for signature in memo[(start, end)]:
        for key in _keys_of(signature, dimension):
            counts[_code_for(dimension, key, region_codes)] += 1
    return counts


def _matching_signatures(
    selection: Selection, region_keys: list[int] | None, start: dt.date | None, end: dt.date | None
) -> list[Signature]:
    """The signatures of the counted reports of a few days (or of a selection the cells cannot answer)."""
    # Only the incident date in SQL, so that the database walks its index on it (which reports count is
    # decided by ``signature_of``, as for the cells); unordered, so that nothing has to be sorted.
    reports = Report.objects.order_by()
    if start:
        reports = reports.filter(occurred_on__gte=start)
    if end:
        reports = reports.filter(occurred_on__lte=end)
    matching = []
    for row in reports.values(*CODED_FIELDS).iterator(chunk_size=5000):
        signature = signature_of(row)
        if signature is None:
            continue
        # JSON lists cannot be searched the same way on SQLite and PostgreSQL: the signature decides.
        if selection.bias_motivation and selection.bias_motivation not in signature[7]:
            continue
        if selection.incident_type and selection.incident_type not in signature[6]:
            continue
        if region_keys is not None and signature[1] not in region_keys:
            continue
        matching.append(signature)
    return matching


def _keys_of(signature: Signature, dimension: str) -> list[object]:
    """What a report counts under in ``dimension`` (the same codes ``cells_of`` gives its cells)."""
    day_iso, region_key, channel, location, age, gender, types, biases, ethnicities = signature
    single = {"channel": channel, "location_type": location, "age_group": age, "gender": gender}
    multi = {"incident_types": types, "bias_motivations": biases, "targeted_ethnicities": ethnicities}
    if dimension == TOTAL:
        return [""]
    if dimension == "region":
        return [region_key]
    if dimension in ("year", "month"):
        return [dt.date.fromisoformat(day_iso)]
    if dimension in single:
        return [single[dimension]]
    return list(multi[dimension] or [NOT_STATED])


def _code_for(dimension: str, key: object, region_codes: dict[int, str]) -> str:
    if dimension == "region":
        return region_codes.get(int(str(key)), NOT_STATED)
    if dimension == "year":
        assert isinstance(key, dt.date)
        return f"{key.year:04d}"
    if dimension == "month":
        assert isinstance(key, dt.date)
        return f"{key.year:04d}-{key.month:02d}"
    return str(key)


# --- rows and labels ------------------------------------------------------------------------------------------


def _rows(dimension: str, counts: Counter[str], selection: Selection) -> list[Row]:
    codes = _all_codes(dimension, counts, selection)
    names = dict(Region.objects.values_list("slug", "name")) if dimension == "region" else {}
    rows = [
        Row(code=code, label=names.get(code) or _label(dimension, code), count=counts.get(code, 0)) for code in codes
    ]
    if dimension in ("year", "month"):
        return rows  # in time order
    order = {code: index for index, code in enumerate(codes)}
    return sorted(rows, key=lambda row: (row.code == NOT_STATED, -row.count, order[row.code]))


def _all_codes(dimension: str, counts: Counter[str], selection: Selection) -> list[str]:
    """Every category, also those with no reports (a zero is a finding too)."""
    if dimension == "region":
        regions = list(_region_codes().values())
        if selection.regions:
            regions = [code for code in regions if code in selection.regions]
        extra = [code for code in counts if code not in regions]
        return regions + extra
    if dimension in ("year", "month"):
        return _periods(dimension, counts, selection)
    if dimension == TOTAL:
        return [""]
    vocabulary = taxonomy.VOCABULARIES[dimension]
    codes = list(vocabulary.codes) + [NOT_STATED]
    return codes + [code for code in counts if code not in codes]


def _periods(dimension: str, counts: Counter[str], selection: Selection) -> list[str]:
    known = sorted(counts)
    suffix = "-01-01" if dimension == "year" else "-01"
    start = selection.date_from or (dt.date.fromisoformat(known[0] + suffix) if known else None)
    end = selection.date_to or (dt.date.fromisoformat(known[-1] + suffix) if known else None)
    if start is None or end is None:
        return []
    periods: list[str] = []
    if dimension == "year":
        return [f"{year:04d}" for year in range(start.year, end.year + 1)]
    month = start.replace(day=1)
    while month <= end:
        periods.append(f"{month.year:04d}-{month.month:02d}")
        month = _add_months(month, 1)
    return periods


def _label(dimension: str, code: str) -> str:
    if code == NOT_STATED:
        return _("Not stated")
    if dimension == "region":
        return region_label(code)
    if dimension == "year":
        return code
    if dimension == "month":
        return formats.date_format(dt.date.fromisoformat(code + "-01"), "YEAR_MONTH_FORMAT")
    if dimension == TOTAL:
        return _("All reports")
    return taxonomy.VOCABULARIES[dimension].label(code)


# --- regions and months ---------------------------------------------------------------------------------------


def _region_codes() -> dict[int, str]:
    # Active regions first, in the order of the forms; reports may still name a region retired since.
    codes = dict(Region.objects.order_by("-is_active", "region_set__name", "name").values_list("pk", "slug"))
    codes[ReportCell.ONLINE] = ONLINE
    return codes


def _region_keys(slugs: Sequence[str]) -> list[int] | None:
    if not slugs:
        return None
    wanted = set(slugs)
    keys = [ReportCell.ONLINE] if ONLINE in wanted else []
    found = dict(Region.objects.filter(slug__in=wanted - {ONLINE}).values_list("slug", "pk"))
    unknown = sorted(wanted - {ONLINE} - set(found))
    if unknown:
        raise SelectionError(_("There is no region with the code %(code)s.") % {"code": unknown[0]}, field="region")
    return keys + list(found.values())


def _whole_months(start: dt.date | None, end: dt.date | None) -> tuple[dt.date | None, dt.date | None]:
    first = None if start is None else (start if start.day == 1 else _add_months(start.replace(day=1), 1))
    last = None if end is None else (end.replace(day=1) if _is_month_end(end) else _add_months(end.replace(day=1), -1))
    return first, last


def _add_months(month: dt.date, months: int) -> dt.date:
    index = month.year * 12 + month.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def _month_end(month: dt.date) -> dt.date:
    return month.replace(day=calendar.monthrange(month.year, month.month)[1])


def _is_month_end(day: dt.date) -> bool:
    return day == _month_end(day)
