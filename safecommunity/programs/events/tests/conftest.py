from __future__ import annotations

import pytest

from safecommunity.accounts.models import Coalition
from safecommunity.accounts.tests.factories import greater_sacramento


@pytest.fixture
def sacramento_coalition(sacramento: object) -> Coalition:
    """Greater Sacramento, whose region set holds the Sacramento region."""
    return greater_sacramento()
