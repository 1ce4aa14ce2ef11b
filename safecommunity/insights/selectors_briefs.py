"""Reads for policy briefs: which briefs a person may see, a brief's figures, and the brief as a document.

``brief_figures_compute`` is the only place a brief's numbers come from: published
(suppressed) tables for a public brief, exact tables for an internal one (callers
reach that only through the audited services in ``insights.services_briefs``).
The result is a JSON snapshot of codes and numbers; ``figures_from_snapshot`` turns
it back into tables with labels in the active language, so one snapshot reads the
same in every language.
"""

from __future__ import annotations

import datetime as dt
import importlib
import uuid
from dataclasses import dataclass, field
from typing import Any

from django.db.models import QuerySet
from django.utils import formats
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from safecommunity.core import taxonomy
from safecommunity.core.models import Region
from safecommunity.insights import charts, maps
from safecommunity.insights.aggregates import NOT_STATED
from safecommunity.insights.engine import MULTI_VALUED, ONLINE, Selection, dimension_label
from safecommunity.insights.findings import BriefFigures, Finding, PoliceSeries, PoliceYear, key_findings
from safecommunity.insights.models_briefs import Brief
from safecommunity.insights.selectors import published_tables
from safecommunity.insights.suppression import PublishedBreakdown, PublishedRow, threshold

SNAPSHOT_VERSION = 1
# The breakdowns of a brief, in the order it shows them ("year" feeds the police comparison).
BRIEF_DIMENSIONS = (
    "region",
    "month",
    "year",
    "incident_types",
    "location_type",
    "bias_motivations",
    "targeted_ethnicities",
    "age_group",
    "gender",
    "channel",
)
CHARTED_DIMENSIONS = ("incident_types", "location_type", "bias_motivations", "targeted_ethnicities", "age_group")


# --- which briefs ---------------------------------------------------------------------------------------------


def briefs_for_staff() -> QuerySet[Brief]:
    """Every brief of the coalition, for staff with the statistics capability (the view checks the role)."""
    return Brief.objects.select_related("created_by").order_by("-created_at", "-pk")


def brief_for_staff(public_id: uuid.UUID) -> Brief | None:
    return briefs_for_staff().filter(public_id=public_id).first()


def published_briefs() -> QuerySet[Brief]:
    """Briefs anyone may read: public ones that an analyst published."""
    return Brief.objects.filter(status=Brief.Status.PUBLISHED, audience=Brief.Audience.PUBLIC).order_by(
        "-published_at", "-pk"
    )


def published_brief(public_id: uuid.UUID) -> Brief | None:
    return published_briefs().filter(public_id=public_id).first()


def brief_selection(brief: Brief) -> Selection:
    return Selection(
        date_from=brief.date_from,
        date_to=brief.date_to,
        regions=tuple(brief.regions),
        bias_motivation=brief.bias_motivation,
        incident_type=brief.incident_type,
    )


# --- computing the figures ------------------------------------------------------------------------------------


def brief_figures_compute(selection: Selection, *, exact_counts: bool) -> dict[str, Any]:
    """The snapshot of a brief's figures (JSON: codes and numbers, no labels but region names)."""
    selection.validate()
    tables = published_tables(selection, BRIEF_DIMENSIONS, exact_counts=exact_counts)
    previous = selection.previous_period()
    previous_regions = published_tables(previous, ("region",), exact_counts=exact_counts) if previous else None
    region_slugs = [row.code for row in tables["region"].rows]
    return {
        "version": SNAPSHOT_VERSION,
        "exact": exact_counts,
        "threshold": threshold(),
        "date_from": _iso(selection.date_from),
        "date_to": _iso(selection.date_to),
        "total": tables.total,
        "tables": {dimension: _table_json(table) for dimension, table in tables.tables.items()},
        "previous": None
        if previous is None or previous_regions is None
        else {
            "date_from": _iso(previous.date_from),
            "date_to": _iso(previous.date_to),
            "total": previous_regions.total,
            "region": _table_json(previous_regions["region"]),
        },
        "region_names": dict(Region.objects.filter(slug__in=region_slugs).values_list("slug", "name")),
        "police": police_comparison(selection),
    }


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def _table_json(table: PublishedBreakdown) -> dict[str, Any]:
    return {
        "total": table.total,
        "threshold": table.threshold,
        "rows": [[row.code, row.count, row.percent, row.hidden] for row in table.rows],
    }


# --- police-recorded hate crimes (when a police dataset is loaded) --------------------------------------------


def police_comparison(selection: Selection) -> list[dict[str, Any]]:
    """Hate crimes recorded by the police in the selection's regions, per whole calendar year of its period,
    for every loaded police dataset that covers those regions and years; empty when there is none."""
    years = _whole_years(selection)
    regions = [slug for slug in selection.regions if slug != ONLINE]
    if not years or (selection.regions and not regions) or selection.incident_type:
        return []
    try:
        police = importlib.import_module("safecommunity.policedata.selectors")
    except ImportError:  # the police data app (or its counts) is not there
        return []
    if not hasattr(police, "police_counts_by_region_year") or not hasattr(police, "police_datasets"):
        return []
    if not regions:
        regions = list(Region.objects.filter(is_active=True).values_list("slug", flat=True))
    series: list[dict[str, Any]] = []
    for dataset in police.police_datasets():
        covered = _covered_years(dataset, regions, years)
        if not covered:
            continue
        try:
            counts: dict[tuple[str, int], int] = police.police_counts_by_region_year(
                dataset=dataset.slug, regions=regions, years=covered, bias_motivation=selection.bias_motivation or None
            )
        except ValueError:  # a region that no longer exists: no comparison rather than a wrong one
            continue
        per_year = dict.fromkeys(covered, 0)
        for (_region, year), number in counts.items():
            if year in per_year:
                per_year[year] += number
        series.append({"dataset": dataset.slug, "name": dataset.name, "years": sorted(per_year.items())})
    return series


def _whole_years(selection: Selection) -> list[int]:
    if not (selection.date_from and selection.date_to):
        return []
    first = selection.date_from.year + (0 if (selection.date_from.month, selection.date_from.day) == (1, 1) else 1)
    last = selection.date_to.year - (0 if (selection.date_to.month, selection.date_to.day) == (12, 31) else 1)
    return list(range(first, last + 1))


def _covered_years(dataset: Any, regions: list[str], years: list[int]) -> list[int]:
    """The years the dataset has any incident for and that have incidents in one of the regions at all."""
    from safecommunity.policedata.models import PoliceIncident

    incidents = PoliceIncident.objects.filter(dataset=dataset)
    if not incidents.filter(region__slug__in=regions).exists():
        return []
    present = set(incidents.filter(year__in=years).values_list("year", flat=True).distinct())
    return [year for year in years if year in present]


# --- the snapshot, with labels in the active language ---------------------------------------------------------


def figures_from_snapshot(snapshot: dict[str, Any]) -> BriefFigures:
    names: dict[str, str] = snapshot.get("region_names") or {}
    tables = {dimension: _table(dimension, data, names) for dimension, data in snapshot["tables"].items()}
    previous = snapshot.get("previous") or {}
    years = tables.get("year")
    police = [
        PoliceSeries(
            dataset=item["dataset"],
            name=item["name"],
            years=[PoliceYear(int(year), _year_row(years, int(year)), int(count)) for year, count in item["years"]],
        )
        for item in snapshot.get("police") or []
    ]
    return BriefFigures(
        exact=bool(snapshot["exact"]),
        threshold=int(snapshot["threshold"]),
        date_from=dt.date.fromisoformat(snapshot["date_from"]),
        date_to=dt.date.fromisoformat(snapshot["date_to"]),
        total=snapshot["total"],
        tables=tables,
        previous_from=dt.date.fromisoformat(previous["date_from"]) if previous.get("date_from") else None,
        previous_to=dt.date.fromisoformat(previous["date_to"]) if previous.get("date_to") else None,
        previous_total=previous.get("total"),
        previous_regions=_table("region", previous["region"], names) if previous.get("region") else None,
        police=police,
    )


def _table(dimension: str, data: dict[str, Any], region_names: dict[str, str]) -> PublishedBreakdown:
    return PublishedBreakdown(
        dimension=dimension,
        total=data["total"],
        threshold=int(data["threshold"]),
        rows=[
            PublishedRow(code, _label(dimension, code, region_names), count, percent, hidden)
            for code, count, percent, hidden in data["rows"]
        ],
    )


def _year_row(years: PublishedBreakdown | None, year: int) -> PublishedRow:
    row = next((row for row in (years.rows if years else []) if row.code == f"{year:04d}"), None)
    return row or PublishedRow(f"{year:04d}", str(year), 0, 0.0)


def _label(dimension: str, code: str, region_names: dict[str, str]) -> str:
    if code == NOT_STATED:
        return _("Not stated")
    if dimension == "region":
        if code == ONLINE:
            return _("Online")
        return region_names.get(code, code)
    if dimension == "year":
        return code
    if dimension == "month":
        return formats.date_format(dt.date.fromisoformat(code + "-01"), "YEAR_MONTH_FORMAT")
    vocabulary = taxonomy.VOCABULARIES.get(dimension)
    return vocabulary.label(code) if vocabulary else code


# --- the brief as a document ----------------------------------------------------------------------------------


@dataclass
class BriefSection:
    dimension: str
    heading: str
    table: PublishedBreakdown
    chart: SafeString
    map: SafeString | None = None

    @property
    def column(self) -> str:
        return dimension_label(self.dimension)

    @property
    def multi_valued(self) -> bool:
        return self.dimension in MULTI_VALUED


@dataclass
class PreviousRow:
    label: str
    current: PublishedRow
    previous: PublishedRow


@dataclass
class BriefDocument:
    brief: Brief
    title: str
    figures: BriefFigures
    findings: list[Finding]
    sections: list[BriefSection]
    regions: str = ""
    bias_motivation: str = ""
    incident_type: str = ""
    previous_rows: list[PreviousRow] = field(default_factory=list)
    bidi: bool = False


def brief_regions_text(brief: Brief) -> str:
    """The brief's regions as a list in the active language."""
    names = (brief.figures or {}).get("region_names") or {}
    missing = [slug for slug in brief.regions if slug not in names and slug != ONLINE]
    if missing:
        names = names | dict(Region.objects.filter(slug__in=missing).values_list("slug", "name"))
    names = names | {ONLINE: _("Online")}
    separator = pgettext("separator between the names in a list of regions", ", ")
    return separator.join(names.get(slug, slug) for slug in brief.regions) or _("All regions")


def brief_title(brief: Brief) -> str:
    """The analyst's title, or one made from the inputs in the active language."""
    if brief.title:
        return brief.title
    values = {
        "regions": brief_regions_text(brief),
        "start": formats.date_format(brief.date_from, "DATE_FORMAT"),
        "end": formats.date_format(brief.date_to, "DATE_FORMAT"),
    }
    return _("Hate incidents reported in %(regions)s, %(start)s to %(end)s") % values


def brief_document(brief: Brief) -> BriefDocument:
    """Everything a brief's page and PDF show, in the active language (call inside ``translation.override``)."""
    from django.utils.translation import get_language_bidi

    figures = figures_from_snapshot(brief.figures)
    sections: list[BriefSection] = []
    regions = figures.tables["region"]
    region_title = _("Reports by region")
    sections.append(
        BriefSection(
            "region",
            region_title,
            regions,
            charts.bar_chart(regions, title=region_title),
            maps.choropleth(regions, title=_("Map of reports by region")) if len(regions.rows) > 1 else None,
        )
    )
    months = figures.tables["month"]
    month_title = _("Reports by month")
    sections.append(BriefSection("month", month_title, months, charts.line_chart(months, title=month_title)))
    for dimension in CHARTED_DIMENSIONS:
        table = _without_empty_rows(figures.tables[dimension])
        heading = dimension_label(dimension)
        sections.append(BriefSection(dimension, heading, table, charts.bar_chart(table, title=heading)))
    for dimension in ("gender", "channel"):
        table = _without_empty_rows(figures.tables[dimension])
        heading = dimension_label(dimension)
        sections.append(BriefSection(dimension, heading, table, charts.bar_chart(table, title=heading)))
    previous_rows: list[PreviousRow] = []
    if figures.previous_regions is not None:
        before = {row.code: row for row in figures.previous_regions.rows}
        previous_rows = [
            PreviousRow(row.label, row, before.get(row.code) or PublishedRow(row.code, row.label, 0, 0.0))
            for row in regions.rows
        ]
    return BriefDocument(
        brief=brief,
        title=brief_title(brief),
        figures=figures,
        findings=key_findings(figures),
        sections=sections,
        regions=brief_regions_text(brief),
        bias_motivation=taxonomy.BIAS_MOTIVATIONS.label(brief.bias_motivation) if brief.bias_motivation else "",
        incident_type=taxonomy.INCIDENT_TYPES.label(brief.incident_type) if brief.incident_type else "",
        previous_rows=previous_rows,
        bidi=get_language_bidi(),
    )


def _without_empty_rows(table: PublishedBreakdown) -> PublishedBreakdown:
    """Categories without a single report are left out of a brief (they are in the open data)."""
    rows = [row for row in table.rows if row.count != 0 or row.hidden]
    return PublishedBreakdown(dimension=table.dimension, total=table.total, threshold=table.threshold, rows=rows)
