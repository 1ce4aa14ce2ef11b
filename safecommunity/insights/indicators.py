"""The statistics' indicator for projects: reports received in a project's area per month, against a baseline.

Registered in the indicator registry (``safecommunity.core.indicators``) by ``InsightsConfig.ready()``. It reads the
published (protected) statistics only, so an organiser's project page hides small numbers exactly as the public
dashboard does: ``monthly`` holds the months that may be shown, a month missing from it is hidden ("fewer than 5"
or hidden so that a small number cannot be worked out) and ``small_numbers_hidden`` says so.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from safecommunity.core.indicators import Indicator, IndicatorResult, IndicatorScope, month_keys, register_indicator
from safecommunity.core.models import Region
from safecommunity.insights.engine import Selection
from safecommunity.insights.selectors import published_tables

REPORTS_IN_AREA = "reports_in_area"


def reports_in_area(scope: IndicatorScope) -> IndicatorResult:
    """Counted reports of incidents in the scope's regions, per month of its period (published counts only)."""
    slugs = tuple(Region.objects.filter(pk__in=scope.region_ids).order_by("slug").values_list("slug", flat=True))
    if not slugs:
        return IndicatorResult(total=None)
    period = published_tables(Selection(scope.start, scope.end, slugs), ("month",))
    months = period["month"]
    monthly = tuple((row.code, float(row.count)) for row in months.rows if row.count is not None)
    hidden = [row.code for row in months.rows if row.count is None]
    details: dict[str, float] = {"hidden_months": float(len(hidden))}
    baseline_average = None
    if scope.baseline_start and scope.baseline_end and scope.baseline_start <= scope.baseline_end:
        baseline = published_tables(Selection(scope.baseline_start, scope.baseline_end, slugs), ("month",))
        if baseline.total is not None:
            baseline_months = len(month_keys(scope.baseline_start, scope.baseline_end))
            baseline_average = round(baseline.total / baseline_months, 2)
            details["baseline_total"] = float(baseline.total)
    return IndicatorResult(
        total=None if period.total is None else float(period.total),
        monthly=monthly,
        baseline_monthly_average=baseline_average,
        small_numbers_hidden=bool(hidden) or period.total is None,
        details=details,
    )


def register() -> None:
    register_indicator(
        Indicator(
            code=REPORTS_IN_AREA,
            label=_("Reports received in the project's area"),
            unit=_("reports"),
            compute=reports_in_area,
        )
    )
