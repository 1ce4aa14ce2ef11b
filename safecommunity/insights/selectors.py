"""What may be published about a selection of reports, and what analysts see exactly.

Every public output (dashboard, API without the analyst role, open data, public
briefs, the map) goes through ``published_tables`` / ``published_breakdown``. They
always protect every table of the selection together (``suppression.protect``), so
each output hides exactly the same cells whichever tables it shows. Exact counts are
only for the analyst role; ``insights.services.statistics_exact_export`` audits them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.translation import gettext as _

from safecommunity.insights import engine
from safecommunity.insights.engine import DIMENSIONS, Selection
from safecommunity.insights.suppression import PublishedBreakdown, exact, protect


@dataclass
class PublishedTables:
    """Breakdowns of one selection, protected together."""

    selection: Selection
    total: int | None
    threshold: int
    tables: dict[str, PublishedBreakdown]

    def __getitem__(self, dimension: str) -> PublishedBreakdown:
        return self.tables[dimension]


def published_tables(
    selection: Selection, dimensions: Sequence[str] = tuple(DIMENSIONS), *, exact_counts: bool = False
) -> PublishedTables:
    """Breakdowns of one selection as they may be published (or exact, for callers that checked the analyst role)."""
    wanted = [dimension for dimension in dimensions if dimension in DIMENSIONS] or list(DIMENSIONS)
    if exact_counts:
        counted = engine.breakdowns(selection, wanted)
        tables = {dimension: exact(table) for dimension, table in counted.items()}
    else:
        tables = protect(engine.breakdowns(selection, list(DIMENSIONS)))
    chosen = {dimension: tables[dimension] for dimension in dimensions}
    first = next(iter(tables.values()))
    return PublishedTables(selection=selection, total=first.total, threshold=first.threshold, tables=chosen)


def published_breakdown(selection: Selection, dimension: str, *, exact_counts: bool = False) -> PublishedBreakdown:
    """One breakdown as it may be published (hidden cells as in every other output of the selection)."""
    if dimension not in DIMENSIONS:
        raise engine.SelectionError(_("There is no such dimension."), field="dimension")
    return published_tables(selection, (dimension,), exact_counts=exact_counts)[dimension]


def published_time_series(
    selection: Selection, *, interval: str = "month", exact_counts: bool = False
) -> PublishedBreakdown:
    """Reports per month (or year) of the selection, with empty periods as zeros."""
    return published_breakdown(selection, "year" if interval == "year" else "month", exact_counts=exact_counts)
