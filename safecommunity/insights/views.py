"""The public statistics: a dashboard anyone can open, in every language, and how the figures are made.

Everything shown comes from ``insights.selectors.published_tables`` (small numbers
hidden), for everyone, staff included: exact counts are only in analysts' briefs and
the API. The filters are a plain GET form, so every view of the statistics has its
own address that can be shared.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, ClassVar
from urllib.parse import urlencode

from django import forms
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from safecommunity.insights import charts, maps
from safecommunity.insights.aggregates import NOT_STATED
from safecommunity.insights.engine import DIMENSIONS, MULTI_VALUED, Selection, SelectionError
from safecommunity.insights.forms import SelectionForm, selection_query
from safecommunity.insights.selectors import PublishedTables, published_breakdown, published_tables
from safecommunity.insights.suppression import PublishedBreakdown, PublishedRow, threshold

# Breakdowns shown as bar charts, in the engine's order; the region has the map, months and years are the trend.
BAR_DIMENSIONS = tuple(d for d in DIMENSIONS if d not in ("region", "year", "month"))
# A trend of more months than this is shown by year.
MAX_MONTHS = 60


class DashboardForm(SelectionForm):
    """The selection form as the dashboard shows it: URL parameters as field names, regions as checkboxes."""

    PARAMETERS = {}  # the fields are named like the URL parameters already (see add_prefix)
    FIELD_PARAMETERS: ClassVar[dict[str, str]] = {"date_from": "from", "date_to": "to"}

    def __init__(self, data: Any = None, *args: Any, **kwargs: Any) -> None:
        super().__init__(data, *args, **kwargs)
        self.fields["region"].widget = forms.CheckboxSelectMultiple()
        for name in ("date_from", "date_to"):
            self.fields[name].help_text = _("For example 2024-03-15, or 2024-03 for a whole month.")
            self.fields[name].widget.attrs.update({"autocomplete": "off", "spellcheck": "false", "size": "10"})

    def add_prefix(self, field_name: str) -> str:
        return self.FIELD_PARAMETERS.get(field_name, field_name)

    def field_of_parameter(self, parameter: str) -> str | None:
        names = {parameter: field for field, parameter in self.FIELD_PARAMETERS.items()}
        name = names.get(parameter, parameter)
        return name if name in self.fields else None


@dataclass
class Section:
    dimension: str
    heading: str
    chart: str
    table: PublishedBreakdown
    multi_valued: bool


@dataclass
class Comparison:
    start: dt.date
    end: dt.date
    total: int | None  # None when the previous period is too small to publish
    difference: int | None  # this period's total minus the previous one's
    percent_change: float | None  # the size of the change, as a percentage of the previous total

    @property
    def size(self) -> int | None:
        return None if self.difference is None else abs(self.difference)


@require_GET
def dashboard(request: HttpRequest) -> HttpResponse:
    form = DashboardForm(request.GET)
    selection: Selection | None = None
    if form.is_valid():
        selection = form.selection()
        try:
            selection.validate()
        except SelectionError as error:
            form.add_error(form.field_of_parameter(error.field), error.message)
            selection = None
    if selection is None:
        return render(request, "insights/dashboard.html", {"form": form}, status=422)
    return render(request, "insights/dashboard.html", {"form": form, **_figures(request, selection)})


@require_GET
def methodology(request: HttpRequest) -> HttpResponse:
    return render(request, "insights/methodology.html", {"threshold": threshold()})


def _figures(request: HttpRequest, selection: Selection) -> dict[str, Any]:
    tables = published_tables(selection)
    query = urlencode(selection_query(selection))
    share_path = reverse("insights:dashboard") + (f"?{query}" if query else "")
    return {
        "selection": selection,
        "filtered": bool(query),
        "total": tables.total,
        "threshold": tables.threshold,
        "comparison": _comparison(selection, tables.total),
        "top_incident_type": _top(tables["incident_types"]),
        "top_location": _top(tables["location_type"]),
        "trend": _trend(selection, tables),
        "region_table": tables["region"],
        "region_map": maps.choropleth(tables["region"], title=str(_("Reports by region"))),
        "sections": [_section(tables[dimension]) for dimension in BAR_DIMENSIONS],
        "query": query,
        "share_url": request.build_absolute_uri(share_path),
    }


def _comparison(selection: Selection, total: int | None) -> Comparison | None:
    """The previous period of the same length, from published totals only."""
    previous = selection.previous_period()
    if previous is None or previous.date_from is None or previous.date_to is None:
        return None
    previous_total = published_breakdown(previous, "year").total
    if total is None or previous_total is None:
        return Comparison(previous.date_from, previous.date_to, previous_total, None, None)
    change = round(100 * abs(total - previous_total) / previous_total, 1) if previous_total else None
    return Comparison(previous.date_from, previous.date_to, previous_total, total - previous_total, change)


def _top(table: PublishedBreakdown) -> PublishedRow | None:
    """The most reported category among the published ones (a hidden one is never larger than a visible one)."""
    rows = [row for row in table.visible_rows if row.count and row.code != NOT_STATED]
    return max(rows, key=lambda row: row.count or 0, default=None)


def _trend(selection: Selection, tables: PublishedTables) -> Section:
    months = tables["month"]
    table = tables["year"] if len(months.rows) > MAX_MONTHS else months
    heading = str(_("Reports per year")) if table is tables["year"] else str(_("Reports per month"))
    return Section(
        dimension=table.dimension,
        heading=heading,
        chart=charts.line_chart(table, title=heading),
        table=table,
        multi_valued=False,
    )


def _section(table: PublishedBreakdown) -> Section:
    heading = str(DIMENSIONS[table.dimension])
    return Section(
        dimension=table.dimension,
        heading=heading,
        chart=charts.bar_chart(table, title=heading),
        table=table,
        multi_valued=table.dimension in MULTI_VALUED,
    )
