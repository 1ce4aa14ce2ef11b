"""The ``volunteer_hours`` indicator: hours logged on the shifts of programmes in a project's scope, per month."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from safecommunity.core.indicators import Indicator, IndicatorResult, IndicatorScope, month_keys, register_indicator

from .models import ShiftSignup


def volunteer_hours(scope: IndicatorScope) -> IndicatorResult:
    """Hours confirmed on the shifts of the scope's organisations' programmes (or, for a scope of no organisation,
    of its coalition's), by the month the shift started in its own time zone."""
    if scope.organisation_ids:
        where = Q(shift__programme__organisation_id__in=scope.organisation_ids)
    elif scope.coalition_id is not None:
        where = Q(shift__programme__coalition_id=scope.coalition_id)
    else:
        return IndicatorResult(total=None)
    # A day of margin either side: the month is decided in each shift's own time zone below.
    start = dt.datetime.combine(scope.start, dt.time.min, tzinfo=dt.UTC) - dt.timedelta(days=1)
    end = dt.datetime.combine(scope.end, dt.time.max, tzinfo=dt.UTC) + dt.timedelta(days=1)
    rows = ShiftSignup.objects.filter(
        where, attended=True, hours__isnull=False, shift__starts_at__gte=start, shift__starts_at__lte=end
    ).values_list("shift__starts_at", "shift__time_zone", "hours", "volunteer_id")
    months = dict.fromkeys(month_keys(scope.start, scope.end), 0.0)
    people: set[int] = set()
    shifts_by_month: dict[str, int] = defaultdict(int)
    for starts_at, time_zone, hours, volunteer_id in rows:
        local = starts_at.astimezone(ZoneInfo(time_zone or settings.TIME_ZONE)).date()
        if not scope.start <= local <= scope.end:
            continue
        key = f"{local.year:04d}-{local.month:02d}"
        months[key] += float(hours or 0)
        shifts_by_month[key] += 1
        people.add(volunteer_id)
    total = round(sum(months.values()), 2)
    return IndicatorResult(
        total=total,
        monthly=tuple((key, round(value, 2)) for key, value in months.items()),
        # The hours are not a count of people, but the number of volunteers behind them is.
        small_numbers_hidden=0 < len(people) < settings.STATISTICS_MIN_COUNT,
        details={"volunteers": float(len(people))} if len(people) >= settings.STATISTICS_MIN_COUNT else {},
    )


def register() -> None:
    register_indicator(
        Indicator(
            code="volunteer_hours",
            label=_("Volunteer hours"),
            unit=_("hours"),
            compute=volunteer_hours,
        )
    )
