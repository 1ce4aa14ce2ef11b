"""Shared test set-up: personas and the demo regions every story needs."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from django.conf import settings
from django.utils import translation

from safecommunity.accounts.models import Coalition, Organisation, User
from safecommunity.accounts.tests.factories import (
    a_staff_member,
    an_organisation,
    an_organisation_in,
    an_organiser,
    greater_sacramento,
    the_bay_area,
)
from safecommunity.core.models import Region
from safecommunity.core.roles import Role
from safecommunity.core.tests.factories import sacramento_region


@pytest.fixture(autouse=True)
def _each_story_starts_in_english() -> Iterator[None]:
    """A request leaves its page's language active in the thread (Django's LocaleMiddleware does not reset it),
    which would make the next story's reverse() and gettext() answer in that language."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def sacramento(db: None) -> Region:
    return sacramento_region()


@pytest.fixture
def org_a(db: None) -> Organisation:
    """A community organisation: the coalition's intake partner."""
    return an_organisation("org-a", kind=Organisation.Kind.COMMUNITY, name="Hmong and Vietnamese Community Centre")


@pytest.fixture
def org_b(db: None) -> Organisation:
    """A mental-health service that speaks Korean."""
    return an_organisation("org-b", kind=Organisation.Kind.MENTAL_HEALTH, name="Korean Community Counselling")


@pytest.fixture
def coalition_admin(org_a: Organisation) -> User:
    return a_staff_member("lee.admin", role=Role.COALITION_ADMIN, organisation=org_a)


@pytest.fixture
def intake_coordinator(org_a: Organisation) -> User:
    """Mai triages every new report and records reports taken by phone; she may read personal data."""
    return a_staff_member("mai.intake", role=Role.INTAKE_COORDINATOR, organisation=org_a)


@pytest.fixture
def caseworker_a(org_a: Organisation) -> User:
    """An org-A caseworker: sees only org A's cases and those assigned to them."""
    return a_staff_member("tam.caseworker", role=Role.CASEWORKER, organisation=org_a)


@pytest.fixture
def caseworker_b(org_b: Organisation) -> User:
    """An org-B caseworker: an outsider to every org-A case."""
    return a_staff_member("jin.caseworker", role=Role.CASEWORKER, organisation=org_b)


@pytest.fixture
def analyst(org_a: Organisation) -> User:
    """Staff who see aggregated statistics only, never personal data."""
    return a_staff_member("sam.analyst", role=Role.ANALYST, organisation=org_a)


@pytest.fixture
def volunteer(org_a: Organisation) -> User:
    """A volunteer: no access to reports at all."""
    return a_staff_member("ava.volunteer", role=Role.VOLUNTEER, organisation=org_a)


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


@pytest.fixture
def bay_area(db: None) -> Coalition:
    """The network's second city: Bay Area Stop the Hate, with its San Francisco region."""
    return the_bay_area()


@pytest.fixture
def org_bay(bay_area: Coalition) -> Organisation:
    """A Bay Area partner: a Chinese-speaking community organisation in San Francisco."""
    return an_organisation_in(bay_area, "org-bay", name="Chinatown Community Safety Partners")


@pytest.fixture
def organiser_a(org_a: Organisation) -> User:
    """Linh organises the Greater Sacramento coalition's events, surveys, volunteer shifts and calls."""
    greater_sacramento()
    return an_organiser("linh.organiser", org_a, first_name="Linh")


@pytest.fixture
def organiser_bay(org_bay: Organisation) -> User:
    """Omar organises the Bay Area's programmes: an outsider to everything of Greater Sacramento."""
    return an_organiser("omar.organiser", org_bay, first_name="Omar")


@pytest.fixture
def reviewer(org_b: Organisation) -> User:
    """Grace reviews applications to the coalition's open calls; she sees nothing else."""
    return a_staff_member("grace.reviewer", role=Role.REVIEWER, organisation=org_b, first_name="Grace")


@pytest.fixture
def network_admin(db: None) -> User:
    """Nadia looks after the network of cities: aggregated, protected numbers of every coalition, no personal data."""
    return a_staff_member("nadia.network", role=Role.NETWORK_ADMIN, first_name="Nadia")
