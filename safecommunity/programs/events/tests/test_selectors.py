"""What other apps read about events: the trainings a person completed and who attended (for the feedback survey)."""

from __future__ import annotations

import datetime as dt

import pytest

from safecommunity.accounts.models import User
from safecommunity.core.encryption import lookup_hash
from safecommunity.programs.events.models import Event
from safecommunity.programs.events.selectors import checked_in_registrations, trainings_completed
from safecommunity.programs.events.services import registration_check_in
from safecommunity.programs.events.tests.factories import an_event, registered

pytestmark = pytest.mark.django_db


def test_trainings_completed_are_the_events_a_person_checked_in_at(sacramento_coalition, organiser_a: User, volunteer):
    training = an_event(sacramento_coalition, kind=Event.Kind.TRAINING, starts_in=-dt.timedelta(days=3))
    missed = an_event(sacramento_coalition, kind=Event.Kind.TRAINING, starts_in=-dt.timedelta(days=2))
    by_mail = registered(training, email="Ana@Example.org")
    registered(missed, email="ana@example.org")
    registration_check_in(actor=organiser_a, registration=by_mail, attended=True)
    assert trainings_completed(email_hash=lookup_hash("ana@example.org")) == {training.pk}
    by_account = registered(missed, email="ava@example.org", user=volunteer)
    registration_check_in(actor=organiser_a, registration=by_account, attended=True)
    assert trainings_completed(user=volunteer) == {missed.pk}
    assert trainings_completed() == set()


def test_checked_in_registrations_are_those_who_attended(sacramento_coalition, organiser_a: User):
    event = an_event(sacramento_coalition, starts_in=-dt.timedelta(days=1))
    came = registered(event, email="came@example.org")
    registered(event, email="noshow@example.org")
    registration_check_in(actor=organiser_a, registration=came, attended=True)
    assert list(checked_in_registrations(event)) == [came]
