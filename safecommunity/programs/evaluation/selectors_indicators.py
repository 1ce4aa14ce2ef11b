"""Indicators as the evaluation shows them: each computed through the registry (``core.indicators``), never typed,
with counts of people below the statistics' minimum hidden where the page is not the owning coalition's."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.utils import formats, timezone

from safecommunity.core import indicators as registry
from safecommunity.insights.suppression import threshold
from safecommunity.programs.evaluation.models import Project

# Indicators that count people (or their reports): on the network and public pages a count of at least one and below
# the statistics' minimum is shown as "fewer than 5", never exactly.
PEOPLE_COUNTS = frozenset(
    {
        "event_attendance",
        "people_trained",
        "survey_responses",
        "reports_in_area",
        "referrals_completed",
        "volunteers_active",
    }
)


@dataclass
class Figure:
    """An indicator's total as it may be shown: ``state`` is "shown", "small" (fewer than the minimum),
    "none" (nothing to compute from) or "unavailable" (no app provides the indicator)."""

    code: str
    label: str
    unit: str
    value: float | None
    state: str


def figure_of(code: str, result: registry.IndicatorResult | None, *, protect_people: bool) -> Figure:
    found = registry.indicator(code)
    if found is None or result is None:
        return Figure(code, code, "", None, "unavailable")
    label, unit = str(found.label), str(found.unit)
    if result.total is None:
        return Figure(code, label, unit, None, "small" if result.small_numbers_hidden else "none")
    if protect_people and code in PEOPLE_COUNTS and 0 < result.total < threshold():
        return Figure(code, label, unit, None, "small")
    return Figure(code, label, unit, result.total, "shown")


def compute(code: str, scope: registry.IndicatorScope) -> registry.IndicatorResult | None:
    found = registry.indicator(code)
    return None if found is None else found.compute(scope)


# --- indicators of a project ------------------------------------------------------------------------------------


@dataclass
class MonthValue:
    code: str
    label: str
    value: float | None
    hidden: bool  # shown as "fewer than 5"


@dataclass
class IndicatorView:
    """One indicator of a project as the project page, the network page and the PDF show it."""

    id: int | None
    code: str
    label: str
    unit: str
    available: bool
    target: float | None
    figure: Figure
    months: list[MonthValue] = field(default_factory=list)
    baseline_monthly_average: float | None = None
    period_monthly_average: float | None = None
    change_percent: float | None = None
    progress_percent: float | None = None
    small_numbers_hidden: bool = False


def project_scope(project: Project, *, today: dt.date | None = None) -> registry.IndicatorScope:
    """What the project covers: its organisation, its regions, its period so far and its baseline."""
    today = today or timezone.localdate()
    end = max(project.starts_on, min(project.ends_on, today))
    return registry.IndicatorScope(
        organisation_ids=(project.organisation_id,),
        region_ids=tuple(region.pk for region in project.regions.all()),
        start=project.starts_on,
        end=end,
        baseline_start=project.baseline_starts_on,
        baseline_end=project.baseline_ends_on,
        coalition_id=project.coalition_id,
    )


def project_indicators(
    project: Project, *, protect_people: bool = False, today: dt.date | None = None
) -> list[IndicatorView]:
    """Each indicator of the project, computed now through the registry (a code no app provides: not available)."""
    scope = project_scope(project, today=today)
    views = []
    for item in project.indicators.all():
        target = float(item.target) if item.target is not None else None
        result = compute(item.code, scope)
        figure = figure_of(item.code, result, protect_people=protect_people)
        view = IndicatorView(
            id=item.pk,
            code=item.code,
            label=figure.label,
            unit=figure.unit,
            available=result is not None,
            target=target,
            figure=figure,
        )
        if result is not None:
            _fill(view, result, scope, protect_people=protect_people)
        views.append(view)
    return views


def _fill(
    view: IndicatorView, result: registry.IndicatorResult, scope: registry.IndicatorScope, *, protect_people: bool
) -> None:
    known = dict(result.monthly)
    minimum = threshold()
    keys = registry.month_keys(scope.start, scope.end)
    for key in keys:
        value = known.get(key)
        hidden = value is None and result.small_numbers_hidden
        if value is None and not hidden:
            value = 0.0
        if protect_people and view.code in PEOPLE_COUNTS and value is not None and 0 < value < minimum:
            value, hidden = None, True
        label = formats.date_format(dt.date.fromisoformat(key + "-01"), "YEAR_MONTH_FORMAT")
        view.months.append(MonthValue(key, label, value, hidden))
    view.small_numbers_hidden = result.small_numbers_hidden or any(month.hidden for month in view.months)
    view.baseline_monthly_average = result.baseline_monthly_average
    total = view.figure.value if view.figure.state == "shown" else None
    if total is not None and keys:
        average = total / len(keys)
        view.period_monthly_average = round(average, 2)
        if view.baseline_monthly_average:
            change = (average - view.baseline_monthly_average) / view.baseline_monthly_average
            view.change_percent = round(100 * change, 1)
    if total is not None and view.target:
        view.progress_percent = round(100 * total / view.target, 1)


@dataclass
class ProjectSummary:
    project: Project
    milestones_done: int
    milestones_total: int
    indicators: list[IndicatorView]


def project_summary(project: Project, *, protect_people: bool = True) -> ProjectSummary:
    milestones = list(project.milestones.all())
    return ProjectSummary(
        project=project,
        milestones_done=sum(1 for milestone in milestones if milestone.done_on),
        milestones_total=len(milestones),
        indicators=project_indicators(project, protect_people=protect_people),
    )


def available_indicator_choices() -> list[tuple[str, str]]:
    return [(item.code, str(item.label)) for item in registry.all_indicators()]
