"""The ``resource_downloads`` indicator: downloads of the learning resources of a project's coalition, per month.

Downloads are counts of files and links opened, not of people, so the numbers are exact."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from safecommunity.core.indicators import Indicator, IndicatorResult, IndicatorScope, month_keys, register_indicator

CODE = "resource_downloads"


def _coalition_ids(scope: IndicatorScope) -> set[int]:
    from safecommunity.accounts.models import Organisation

    if scope.coalition_id is not None:
        return {scope.coalition_id}
    return set(
        Organisation.objects.filter(pk__in=scope.organisation_ids).values_list("coalition_id", flat=True).distinct()
    )


def resource_downloads(scope: IndicatorScope) -> IndicatorResult:
    from safecommunity.programs.resources.selectors import downloads_per_month

    coalition_ids = _coalition_ids(scope)
    if not coalition_ids:
        return IndicatorResult(total=None)
    counts = downloads_per_month(coalition_ids=coalition_ids, start=scope.start, end=scope.end)
    monthly = tuple((month, float(counts.get(month, 0))) for month in month_keys(scope.start, scope.end))
    baseline = None
    if scope.baseline_start is not None and scope.baseline_end is not None:
        months = month_keys(scope.baseline_start, scope.baseline_end)
        before = downloads_per_month(coalition_ids=coalition_ids, start=scope.baseline_start, end=scope.baseline_end)
        baseline = sum(before.values()) / len(months) if months else None
    return IndicatorResult(
        total=float(sum(value for _month, value in monthly)), monthly=monthly, baseline_monthly_average=baseline
    )


def register() -> None:
    register_indicator(
        Indicator(
            code=CODE,
            label=_("Downloads of learning resources"),
            unit=_("downloads"),
            compute=resource_downloads,
        )
    )
