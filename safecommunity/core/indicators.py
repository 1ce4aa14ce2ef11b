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
