"""The indicators the statistics and the cases provide: counts only, small numbers protected."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from safecommunity.accounts.models import Organisation
from safecommunity.cases.models import Referral
from safecommunity.cases.tests.factories import a_case, a_service
from safecommunity.core.indicators import IndicatorScope, indicator
from safecommunity.core.tests.factories import sacramento_region
from safecommunity.programs.evaluation.tests.factories import reports_in

pytestmark = pytest.mark.django_db


def a_scope(**fields: object) -> IndicatorScope:
    values: dict[str, object] = {
        "organisation_ids": (),
        "region_ids": (),
        "start": dt.date(2026, 1, 1),
        "end": dt.date(2026, 3, 31),
    }
    values.update(fields)
    return IndicatorScope(**values)  # type: ignore[arg-type]


def test_both_indicators_are_registered_when_the_site_starts() -> None:
    assert indicator("reports_in_area") is not None
    assert indicator("referrals_completed") is not None


def test_reports_in_area_counts_the_regions_reports_per_month_against_the_baseline() -> None:
    sacramento = sacramento_region()
    reports_in(sacramento, 12, occurred_on=dt.date(2025, 11, 5))
    reports_in(sacramento, 9, occurred_on=dt.date(2026, 1, 5))
    reports_in(sacramento, 6, occurred_on=dt.date(2026, 3, 5))
    reports_in(sacramento, 4, occurred_on=dt.date(2026, 3, 6), consent_statistics=False)

    found = indicator("reports_in_area")
    assert found is not None
    result = found.compute(
        a_scope(
            region_ids=(sacramento.pk,),
            baseline_start=dt.date(2025, 10, 1),
            baseline_end=dt.date(2025, 12, 31),
        )
    )

    assert result.total == 15
    assert dict(result.monthly) == {"2026-01": 9, "2026-02": 0, "2026-03": 6}
    assert result.baseline_monthly_average == 4  # 12 reports over three months
    assert result.small_numbers_hidden is False


def test_reports_in_area_leaves_out_a_month_with_a_small_number() -> None:
    sacramento = sacramento_region()
    reports_in(sacramento, 9, occurred_on=dt.date(2026, 1, 5))
    reports_in(sacramento, 2, occurred_on=dt.date(2026, 2, 5))

    found = indicator("reports_in_area")
    assert found is not None
    result = found.compute(a_scope(region_ids=(sacramento.pk,)))

    assert "2026-02" not in dict(result.monthly)
    assert 2.0 not in dict(result.monthly).values()
    assert result.small_numbers_hidden is True


def test_reports_in_area_of_a_project_without_an_area_is_nothing_to_count(db: None) -> None:
    found = indicator("reports_in_area")
    assert found is not None
    assert found.compute(a_scope()).total is None


def test_referrals_completed_counts_those_made_or_received_by_the_organisations(
    org_a: Organisation, org_b: Organisation
) -> None:
    case = a_case(organisation=org_a)
    service = a_service(org_b)
    when = timezone.make_aware(dt.datetime(2026, 2, 10, 12))
    for state, completed_at in (
        (Referral.State.COMPLETED, when),
        (Referral.State.COMPLETED, when),
        (Referral.State.COMPLETED, timezone.make_aware(dt.datetime(2025, 12, 10, 12))),  # before the period
        (Referral.State.ACCEPTED, None),
    ):
        Referral.objects.create(
            case=case, service=service, to_organisation=org_b, state=state, completed_at=completed_at
        )

    found = indicator("referrals_completed")
    assert found is not None
    made = found.compute(a_scope(organisation_ids=(org_a.pk,)))
    received = found.compute(a_scope(organisation_ids=(org_b.pk,)))

    assert made.total == 2 and made.details == {"made": 2, "received": 0}
    assert dict(made.monthly) == {"2026-01": 0, "2026-02": 2, "2026-03": 0}
    assert made.small_numbers_hidden is True
    assert received.total == 2 and received.details == {"made": 0, "received": 2}


def test_every_programme_figure_the_network_page_asks_for_is_registered() -> None:
    from safecommunity.core.indicators import indicator
    from safecommunity.programs.evaluation.selectors import CITY_FIGURES

    assert [code for code in CITY_FIGURES if indicator(code) is None] == []
