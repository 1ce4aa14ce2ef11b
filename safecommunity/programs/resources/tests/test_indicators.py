"""The evaluation reads downloads of a coalition's resources through the indicator registry."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from safecommunity.accounts.models import Coalition, Organisation
from safecommunity.accounts.tests.factories import greater_sacramento
from safecommunity.core.indicators import IndicatorScope, indicator
from safecommunity.programs.resources.services import resource_download_record
from safecommunity.programs.resources.tests.factories import a_resource

pytestmark = pytest.mark.django_db


def at(year: int, month: int) -> dt.datetime:
    return timezone.make_aware(dt.datetime(year, month, 15, 12))


def test_resource_downloads_are_counted_per_month_for_the_scopes_coalition(
    org_a: Organisation, bay_area: Coalition
) -> None:
    sacramento = greater_sacramento()
    english = a_resource(sacramento, languages=["en", "vi"]).versions.get(language="en")
    vietnamese = english.resource.versions.get(language="vi")
    resource_download_record(version=english, at=at(2026, 1), times=4)
    resource_download_record(version=vietnamese, at=at(2026, 1))
    resource_download_record(version=english, at=at(2026, 3), times=2)
    resource_download_record(version=english, at=at(2025, 11), times=6)
    bay_version = a_resource(bay_area).versions.get()
    resource_download_record(version=bay_version, at=at(2026, 1), times=100)

    provider = indicator("resource_downloads")
    assert provider is not None
    result = provider.compute(
        IndicatorScope(
            organisation_ids=(org_a.pk,),
            region_ids=(),
            start=dt.date(2026, 1, 1),
            end=dt.date(2026, 3, 31),
            baseline_start=dt.date(2025, 11, 1),
            baseline_end=dt.date(2025, 12, 31),
        )
    )

    assert result.monthly == (("2026-01", 5.0), ("2026-02", 0.0), ("2026-03", 2.0))
    assert result.total == 7.0
    assert result.baseline_monthly_average == 3.0


def test_a_scope_with_no_coalition_has_nothing_to_compute() -> None:
    provider = indicator("resource_downloads")
    assert provider is not None
    result = provider.compute(
        IndicatorScope(organisation_ids=(), region_ids=(), start=dt.date(2026, 1, 1), end=dt.date(2026, 1, 31))
    )
    assert result.total is None
