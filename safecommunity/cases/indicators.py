"""The cases' indicator for projects: referrals completed by the project's organisations, per month.

Registered in the indicator registry (``safecommunity.core.indicators``) by ``CasesConfig.ready()``. Counts only:
a referral counts once when it was made by a case of one of the organisations or received by one of them, and was
completed (``completed_at``) within the period. Who was referred is never read.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter

from django.conf import settings
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from safecommunity.cases.models import Referral
from safecommunity.core.indicators import Indicator, IndicatorResult, IndicatorScope, month_keys, register_indicator

REFERRALS_COMPLETED = "referrals_completed"


def referrals_completed(scope: IndicatorScope) -> IndicatorResult:
    if not scope.organisation_ids:
        return IndicatorResult(total=None)
    # A day's margin on either side (time zones); the exact local day is checked below.
    referrals = Referral.objects.filter(
        state=Referral.State.COMPLETED,
        completed_at__date__gte=scope.start - dt.timedelta(days=1),
        completed_at__date__lte=scope.end + dt.timedelta(days=1),
    ).filter(Q(case__organisation_id__in=scope.organisation_ids) | Q(to_organisation_id__in=scope.organisation_ids))
    per_month: Counter[str] = Counter()
    made = received = 0
    organisations = set(scope.organisation_ids)
    rows = referrals.order_by().values_list("completed_at", "case__organisation_id", "to_organisation_id")
    for completed_at, from_organisation, to_organisation in rows.iterator():
        day = timezone.localtime(completed_at).date()
        if not scope.start <= day <= scope.end:
            continue
        per_month[f"{day.year:04d}-{day.month:02d}"] += 1
        made += from_organisation in organisations
        received += to_organisation in organisations
    total = sum(per_month.values())
    minimum = int(getattr(settings, "STATISTICS_MIN_COUNT", 5))
    return IndicatorResult(
        total=float(total),
        monthly=tuple((month, float(per_month.get(month, 0))) for month in month_keys(scope.start, scope.end)),
        small_numbers_hidden=any(0 < count < minimum for count in per_month.values()),
        details={"made": float(made), "received": float(received)},
    )


def register() -> None:
    register_indicator(
        Indicator(
            code=REFERRALS_COMPLETED,
            label=_("Referrals completed"),
            unit=_("referrals"),
            compute=referrals_completed,
        )
    )
