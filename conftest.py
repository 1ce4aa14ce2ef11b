"""Shared test set-up: personas and the demo regions every story needs."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Permission

from safecommunity.accounts.models import User
from safecommunity.core.models import Region
from safecommunity.core.tests.factories import sacramento_region


@pytest.fixture
def sacramento(db: None) -> Region:
    return sacramento_region()


@pytest.fixture
def intake_coordinator(db: None) -> User:
    """Staff who record reports by phone and may read personal data."""
    user = User.objects.create_user("mai.intake", password="correct horse battery staple", is_staff=True)
    user.user_permissions.add(
        *Permission.objects.filter(
            content_type__app_label="reports", codename__in=["add_report", "view_report", "view_personal_data"]
        )
    )
    return user


@pytest.fixture
def analyst(db: None) -> User:
    """Staff who may list reports but never see personal data."""
    user = User.objects.create_user("sam.analyst", password="correct horse battery staple", is_staff=True)
    user.user_permissions.add(*Permission.objects.filter(content_type__app_label="reports", codename="view_report"))
    return user


def pytest_sessionstart(session: pytest.Session) -> None:
    """Compile the translations when a catalogue is newer than its compiled file (the Makefile does it too)."""
    from pathlib import Path

    from django.core.management import call_command

    stale = [
        po
        for po in Path(__file__).parent.joinpath("locale").glob("*/LC_MESSAGES/*.po")
        if not po.with_suffix(".mo").exists() or po.with_suffix(".mo").stat().st_mtime < po.stat().st_mtime
    ]
    if stale:
        call_command("compilemessages", "--ignore=.venv", verbosity=0)


@pytest.fixture(autouse=True)
def forget_remembered_values() -> None:
    """Regions and help lines are remembered per process; each story starts from what its database holds."""
    from safecommunity.core.memo import forget_all

    forget_all()
