"""The indicators projects read: people trained (trainings and workshops) and attendance, by month."""

from __future__ import annotations

import datetime as dt

import pytest

from safecommunity.accounts.models import Organisation, User
from safecommunity.core.indicators import IndicatorScope, indicator
from safecommunity.programs.events.models import Event
from safecommunity.programs.events.services import registration_check_in
from safecommunity.programs.events.tests.factories import an_event, registered

pytestmark = pytest.mark.django_db


def attended(event: Event, count: int, organiser: User) -> None:
    for number in range(count):
        registration = registered(event, email=f"{event.pk}-{number}@example.org")
        registration_check_in(actor=organiser, registration=registration, attended=True)


def test_people_trained_and_attendance_count_checked_in_people_by_month(
    sacramento_coalition, org_a: Organisation, org_b: Organisation, organiser_a: User
):
    training = an_event(
        sacramento_coalition,
        kind=Event.Kind.TRAINING,
        organisation=org_a,
        starts_at=dt.datetime(2026, 3, 10, 18, tzinfo=dt.UTC),
    )
    workshop = an_event(
        sacramento_coalition,
        kind=Event.Kind.WORKSHOP,
        organisation=org_a,
        starts_at=dt.datetime(2026, 4, 2, 18, tzinfo=dt.UTC),
    )
    town_hall = an_event(
        sacramento_coalition,
        kind=Event.Kind.TOWN_HALL,
        organisation=org_a,
        starts_at=dt.datetime(2026, 4, 20, 18, tzinfo=dt.UTC),
    )
    other_org = an_event(
        sacramento_coalition,
        kind=Event.Kind.TRAINING,
        organisation=org_b,
        starts_at=dt.datetime(2026, 3, 12, 18, tzinfo=dt.UTC),
    )
    attended(training, 4, organiser_a)
    attended(workshop, 3, organiser_a)
    attended(town_hall, 6, organiser_a)
    attended(other_org, 9, organiser_a)
    registered(training, email="noshow@example.org")  # registered, never came
    scope = IndicatorScope(
        organisation_ids=(org_a.pk,), region_ids=(), start=dt.date(2026, 3, 1), end=dt.date(2026, 4, 30)
    )
    trained = indicator("people_trained")
    attendance = indicator("event_attendance")
    assert trained is not None and attendance is not None
    people = trained.compute(scope)
    assert people.total == 7
    assert people.monthly == (("2026-03", 4.0), ("2026-04", 3.0))
    assert attendance.compute(scope).total == 13
    outside = IndicatorScope(
        organisation_ids=(org_a.pk,), region_ids=(), start=dt.date(2026, 5, 1), end=dt.date(2026, 5, 31)
    )
    assert trained.compute(outside).total == 0


def test_small_numbers_are_flagged(sacramento_coalition, org_a: Organisation, organiser_a: User):
    event = an_event(
        sacramento_coalition,
        kind=Event.Kind.TRAINING,
        organisation=org_a,
        starts_at=dt.datetime(2026, 3, 10, tzinfo=dt.UTC),
    )
    attended(event, 2, organiser_a)
    scope = IndicatorScope(
        organisation_ids=(org_a.pk,), region_ids=(), start=dt.date(2026, 3, 1), end=dt.date(2026, 3, 31)
    )
    result = indicator("people_trained").compute(scope)  # type: ignore[union-attr]
    assert result.total == 2 and result.small_numbers_hidden
