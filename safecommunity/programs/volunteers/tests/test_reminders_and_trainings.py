"""Reminders the day before a shift, the training page, the public page, the API and the volunteer-hours indicator."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from safecommunity.accounts.models import User
from safecommunity.accounts.tests.factories import an_organisation_in, greater_sacramento, signed_in, the_bay_area
from safecommunity.core.indicators import IndicatorScope, indicator
from safecommunity.programs.volunteers.models import Programme

from .factories import (
    a_programme,
    a_required_training,
    a_shift,
    a_training_event,
    a_volunteer_of,
    attended,
    checked_in,
    signed_up,
)

pytestmark = pytest.mark.django_db


def test_reminders_go_out_once_the_day_before_in_each_volunteers_language(ana: User, ben: User) -> None:
    programme = a_programme()
    tomorrow = a_shift(programme, starts_in=dt.timedelta(hours=20))
    next_week = a_shift(programme, starts_in=dt.timedelta(days=7))
    signed_up(tomorrow, ana)
    signed_up(tomorrow, ben)
    signed_up(next_week, ana)
    signed_up(tomorrow, a_volunteer_of(greater_sacramento(), "cy.volunteer"), status="cancelled")

    call_command("send_shift_reminders", stdout=open("/dev/null", "w"))  # noqa: SIM115
    call_command("send_shift_reminders", stdout=open("/dev/null", "w"))  # noqa: SIM115

    assert sorted(message.to[0] for message in mail.outbox) == [ana.email, ben.email]
    to_ana = next(message for message in mail.outbox if message.to == [ana.email])
    to_ben = next(message for message in mail.outbox if message.to == [ben.email])
    assert "Đi dạo buổi tối ở khu phố Tàu" in to_ana.subject and "/vi/" in to_ana.body
    assert to_ben.subject.startswith("Reminder: your volunteer shift starts soon")


def test_the_training_page_says_what_is_done_and_links_the_next_session(ana: User) -> None:
    done_training = a_training_event(starts_in=dt.timedelta(days=-20))
    next_session = a_training_event(starts_in=dt.timedelta(days=10))
    programme = a_programme()
    a_required_training(programme, done_training, next_session)
    other = a_programme(kind=Programme.Kind.ACCOMPANIMENT, name={"en": "Accompaniment to court"})
    other_requirement = a_required_training(other, next_session)
    other_requirement.name = {"en": "Trauma-informed accompaniment"}
    other_requirement.save()
    checked_in(done_training, ana)

    page = signed_in(ana).get("/en/staff/programmes/volunteer/training/").content.decode()
    assert "You have completed every training this programme asks for." in page
    assert "Trauma-informed accompaniment</span>:\n      not done yet" in page
    assert "/en/events/" in page  # the next session's page (or the calendar)


def test_the_public_page_lists_each_coalitions_programmes_in_the_visitors_language() -> None:
    a_programme(greater_sacramento())
    a_programme(the_bay_area(), kind=Programme.Kind.COMMUNITY_AMBASSADORS, name={"en": "Bay ambassadors"})
    a_programme(greater_sacramento(), name={"en": "Paused"}, is_active=False)

    page = Client().get("/vi/volunteer/").content.decode()
    assert "Đi dạo buổi tối ở khu phố Tàu" in page
    assert 'lang="en" dir="auto">Bay ambassadors' in page
    assert "Paused" not in page
    assert "Bay Area Stop the Hate" in page and "Greater Sacramento Safe Community" in page


def test_the_api_lists_upcoming_shifts_of_the_volunteers_coalition(ana: User, ben: User) -> None:
    shift = a_shift(a_programme(), size=2)
    a_shift(a_programme(), starts_in=dt.timedelta(days=-1))
    a_shift(a_programme(the_bay_area(), name={"en": "Bay walks"}))
    signed_up(shift, ben)

    response = signed_in(ana).get("/api/v1/volunteer/shifts")
    assert response.status_code == 200
    (listed,) = json.loads(response.content)
    assert listed["id"] == shift.pk and listed["places_left"] == 1 and listed["signed_up"] is False
    assert listed["time_zone"] == "America/Los_Angeles"
    assert Client().get("/api/v1/volunteer/shifts").status_code == 401


def test_volunteer_hours_are_an_indicator_per_month_for_the_organisation(ana: User, ben: User) -> None:
    coalition = greater_sacramento()
    partner = an_organisation_in(coalition, "strollers")
    programme = a_programme(coalition, organisation=partner)
    other = a_programme(coalition)
    march = timezone.make_aware(dt.datetime(2026, 3, 10, 18, 0))
    april = timezone.make_aware(dt.datetime(2026, 4, 30, 20, 0))  # 1 May in UTC, still April in Sacramento
    attended(a_shift(programme, starts_at=march), ana, "2")
    attended(a_shift(programme, starts_at=april), ana, "1.5")
    attended(a_shift(programme, starts_at=april), ben, "3")
    attended(a_shift(other, starts_at=april), ben, "10")

    volunteer_hours = indicator("volunteer_hours")
    assert volunteer_hours is not None
    result = volunteer_hours.compute(
        IndicatorScope(
            organisation_ids=(partner.pk,), region_ids=(), start=dt.date(2026, 3, 1), end=dt.date(2026, 5, 31)
        )
    )
    assert result.total == 6.5
    assert result.monthly == (("2026-03", 2.0), ("2026-04", 4.5), ("2026-05", 0.0))
    assert result.small_numbers_hidden  # two volunteers behind those hours

    whole = volunteer_hours.compute(
        IndicatorScope(
            organisation_ids=(),
            region_ids=(),
            start=dt.date(2026, 4, 1),
            end=dt.date(2026, 4, 30),
            coalition_id=coalition.pk,
        )
    )
    assert whole.total == 14.5
