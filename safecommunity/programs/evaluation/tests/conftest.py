"""The evaluation's stories: Greater Sacramento (Linh) and the Bay Area (Omar) in one network watched by Nadia."""

from __future__ import annotations

import datetime as dt

import pytest

from safecommunity.core.models import Region
from safecommunity.core.tests.factories import sacramento_region
from safecommunity.programs.evaluation.tests.factories import reports_in


@pytest.fixture
def san_francisco(db: None) -> Region:
    from safecommunity.accounts.tests.factories import the_bay_area

    the_bay_area()
    return Region.objects.get(slug="san-francisco")


@pytest.fixture
def two_cities_reports(organiser_a: object, organiser_bay: object, san_francisco: Region) -> None:
    """12 reports in Sacramento and 3 in San Francisco, in March 2026."""
    reports_in(sacramento_region(), 12, occurred_on=dt.date(2026, 3, 14))
    reports_in(san_francisco, 3, occurred_on=dt.date(2026, 3, 20))
