"""Writes of the insights app: audited exports of exact counts and keeping the statistics up to date."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from safecommunity.core.audit import audit_record
from safecommunity.insights.aggregates import statistics_rebuild
from safecommunity.insights.engine import Selection
from safecommunity.insights.forms import selection_query
from safecommunity.insights.selectors import published_breakdown
from safecommunity.insights.suppression import PublishedBreakdown


@transaction.atomic
def statistics_exact_export(*, actor: Any, selection: Selection, dimension: str, output: str) -> PublishedBreakdown:
    """Exact counts for an analyst (an internal brief, the API with ``exact=true``, a CSV); always audited."""
    result = published_breakdown(selection, dimension, exact_counts=True)
    audit_record(
        actor=actor,
        action="statistics.exact_export",
        target_type="insights.selection",
        target_id=dimension,
        details={"output": output, "selection": selection_query(selection)},
    )
    return result


def statistics_refresh_all() -> int:
    """Recompute every statistic from the reports (after a bulk import); returns how many reports count."""
    return statistics_rebuild()
