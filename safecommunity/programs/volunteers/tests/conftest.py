"""Personas of the volunteer stories."""

from __future__ import annotations

import pytest

from safecommunity.accounts.models import Organisation, User
from safecommunity.accounts.tests.factories import a_staff_member
from safecommunity.core.roles import Role


@pytest.fixture
def ana(org_a: Organisation) -> User:
    """Ana volunteers with Greater Sacramento and reads her e-mails in Vietnamese."""
    return a_staff_member(
        "ana.volunteer", role=Role.VOLUNTEER, organisation=org_a, first_name="Ana", preferred_language="vi"
    )


@pytest.fixture
def ben(org_a: Organisation) -> User:
    """Ben, another Greater Sacramento volunteer."""
    return a_staff_member("ben.volunteer", role=Role.VOLUNTEER, organisation=org_a, first_name="Ben")


@pytest.fixture
def bay_volunteer(org_bay: Organisation) -> User:
    """Bo volunteers in the Bay Area: an outsider to Greater Sacramento's shifts."""
    return a_staff_member("bo.volunteer", role=Role.VOLUNTEER, organisation=org_bay, first_name="Bo")
