"""Personas of the open-call stories: Linh (organiser, Greater Sacramento), Omar (organiser, Bay Area, the
outsider), Rosa and Kim (reviewers in Greater Sacramento) and a funding call of Greater Sacramento."""

from __future__ import annotations

import pytest

from safecommunity.accounts.models import Organisation, User
from safecommunity.accounts.tests.factories import greater_sacramento
from safecommunity.programs.opencalls.models import Call
from safecommunity.programs.opencalls.tests.factories import a_call, a_reviewer


@pytest.fixture
def call(organiser_a: User) -> Call:
    return a_call(greater_sacramento())


@pytest.fixture
def rosa(org_a: Organisation) -> User:
    """Rosa reviews applications to Greater Sacramento's calls."""
    return a_reviewer("rosa.reviewer", org_a, first_name="Rosa")


@pytest.fixture
def kim(org_b: Organisation) -> User:
    """Kim reviews too; she works for an organisation that may apply."""
    return a_reviewer("kim.reviewer", org_b, first_name="Kim")
