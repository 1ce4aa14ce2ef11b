"""Indicators of a programme's progress that the platform already knows, computed rather than typed.

Each app that knows something registers a provider here from its ``AppConfig.ready()`` (events: people trained and
attendance; surveys: the change between pre and post answers; volunteers: hours; cases: referrals completed;
insights: reports received in an area). The evaluation of projects reads them through this registry, so it never
imports those apps, and each provider returns aggregated numbers only, never who.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from django.utils.functional import Promise


@dataclass(frozen=True)
class IndicatorScope:
    """What a project covers: its organisations (who ran the events, took the referrals…), its area and its period."""

    organisation_ids: tuple[int, ...]
    region_ids: tuple[int, ...]
    start: dt.date
    end: dt.date  # inclusive
    # The period before the project to compare with (reports per month against a baseline), when it has one.
    baseline_start: dt.date | None = None
    baseline_end: dt.date | None = None
    coalition_id: int | None = None


@dataclass(frozen=True)
class IndicatorResult:
    total: float | None  # None: nothing to compute from (e.g. no pre/post pairs yet)
    monthly: tuple[tuple[str, float], ...] = ()  # ("2026-03", 12.0) for each month of the period
    baseline_monthly_average: float | None = None
    # Counts below the statistics' minimum are not shown as exact numbers on public pages.
    small_numbers_hidden: bool = False
    details: dict[str, float] = field(default_factory=dict)


@dataclass(frozen=True)
class Indicator:
    code: str
    label: str | Promise
    unit: str | Promise
    compute: Callable[[IndicatorScope], IndicatorResult]


_REGISTRY: dict[str, Indicator] = {}


def register_indicator(indicator: Indicator) -> None:
    _REGISTRY[indicator.code] = indicator


def indicator(code: str) -> Indicator | None:
    return _REGISTRY.get(code)


def all_indicators() -> list[Indicator]:
    return sorted(_REGISTRY.values(), key=lambda item: item.code)


def month_keys(start: dt.date, end: dt.date) -> list[str]:
    """``YYYY-MM`` of every month from ``start`` to ``end``, both included."""
    keys, year, month = [], start.year, start.month
    while (year, month) <= (end.year, end.month):
        keys.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return keys


def counted_by_month(moments: list[dt.datetime], scope: IndicatorScope, *, about_people: bool) -> IndicatorResult:
    """A count per month of ``moments`` (in the server's time zone) over the scope's period; counts of people
    below the statistics' minimum are flagged so that public and network pages do not show them exactly."""
    from zoneinfo import ZoneInfo

    from django.conf import settings

    zone = ZoneInfo(settings.TIME_ZONE)
    by_month: dict[str, int] = {}
    for moment in moments:
        key = moment.astimezone(zone).strftime("%Y-%m")
        by_month[key] = by_month.get(key, 0) + 1
    monthly = tuple((key, float(by_month.get(key, 0))) for key in month_keys(scope.start, scope.end))
    total = sum(count for _key, count in monthly)
    return IndicatorResult(
        total=float(total),
        monthly=monthly,
        small_numbers_hidden=about_people and 0 < total < settings.STATISTICS_MIN_COUNT,
    )


def period_bounds(scope: IndicatorScope) -> tuple[dt.datetime, dt.datetime]:
    """The scope's period as aware datetimes in the server's time zone: [first day 00:00, day after the last)."""
    from zoneinfo import ZoneInfo

    from django.conf import settings

    zone = ZoneInfo(settings.TIME_ZONE)
    return (
        dt.datetime.combine(scope.start, dt.time.min, tzinfo=zone),
        dt.datetime.combine(scope.end + dt.timedelta(days=1), dt.time.min, tzinfo=zone),
    )
