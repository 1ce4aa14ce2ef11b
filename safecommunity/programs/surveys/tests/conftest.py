from __future__ import annotations

import pytest
from django.test import override_settings

from safecommunity.accounts.models import Coalition
from safecommunity.accounts.tests.factories import greater_sacramento


@pytest.fixture
def sacramento_coalition(sacramento: object) -> Coalition:
    """Greater Sacramento, the coalition Linh (organiser_a) organises for."""
    return greater_sacramento()


@pytest.fixture(autouse=True)
def _threshold_of_five() -> object:
    """The stories count with the default minimum of five, whatever the environment says."""
    with override_settings(STATISTICS_MIN_COUNT=5):
        yield
