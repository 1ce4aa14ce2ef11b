"""Stories of organisers: programmes, trainings and shifts of their own coalition; the roster and hours."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from safecommunity.accounts.models import User
from safecommunity.accounts.tests.factories import greater_sacramento, signed_in, the_bay_area
from safecommunity.core.models import AuditEvent
from safecommunity.programs.volunteers.models import Programme, Shift, ShiftSignup

from .factories import a_programme, a_shift, a_training_event, attended, signed_up

pytestmark = pytest.mark.django_db

BASE = "/en/staff/programmes/volunteer/manage/"


def multilingual(name: str, text: str) -> dict[str, str]:
    return {f"{name}_0": text}


def test_linh_creates_a_programme_with_a_required_training_and_a_shift(organiser_a: User, ana: User) -> None:
    training = a_training_event(greater_sacramento(), starts_in=dt.timedelta(days=5))
    browser = signed_in(organiser_a)

    created = browser.post(
        f"{BASE}programmes/new/",
        {"kind": "community_ambassadors", **multilingual("name", "Community ambassadors"), "is_active": "on"},
    )
    assert created.status_code == 302
    programme = Programme.objects.get()
    assert programme.coalition == greater_sacramento() and programme.name == {"en": "Community ambassadors"}

    browser.post(
        f"{BASE}programmes/{programme.pk}/trainings/new/",
        {**multilingual("name", "Ambassador training"), "sessions": [training.pk]},
    )
    assert list(programme.training_requirements.get().sessions.all()) == [training]

    saved = browser.post(
        f"{BASE}programmes/{programme.pk}/shifts/new/",
        {
            **multilingual("place", "Oak Park farmers' market"),
            "time_zone": "America/Los_Angeles",
            "starts_at": "2030-06-01T09:00",
            "ends_at": "2030-06-01T12:30",
            "size": "3",
            "lead": ana.pk,
        },
    )
    assert saved.status_code == 302
    shift = Shift.objects.get()
    # 9 o'clock in Sacramento in June is 16:00 UTC.
    assert shift.starts_at == dt.datetime(2030, 6, 1, 16, 0, tzinfo=dt.UTC)
    assert shift.lead == ana
    edit = browser.get(f"{BASE}shifts/{shift.pk}/edit/").content.decode()
    assert 'value="2030-06-01T09:00"' in edit


def test_a_shift_that_ends_before_it_starts_comes_back_with_everything_typed(organiser_a: User) -> None:
    programme = a_programme(greater_sacramento())
    response = signed_in(organiser_a).post(
        f"{BASE}programmes/{programme.pk}/shifts/new/",
        {
            **multilingual("place", "K Street"),
            "time_zone": "Mars/Olympus",
            "starts_at": "2030-06-01T09:00",
            "ends_at": "2030-06-01T08:00",
            "size": "0",
        },
    )
    assert response.status_code == 422
    page = response.content.decode()
    assert "Enter a time zone name such as America/Los_Angeles." in page
    assert 'value="K Street"' in page
    assert not Shift.objects.exists()


def test_omar_of_the_bay_area_cannot_reach_greater_sacramento_programmes(organiser_bay: User) -> None:
    programme = a_programme(greater_sacramento())
    shift = a_shift(programme)
    browser = signed_in(organiser_bay)
    for url in (
        f"{BASE}programmes/{programme.pk}/",
        f"{BASE}programmes/{programme.pk}/edit/",
        f"{BASE}programmes/{programme.pk}/shifts/new/",
        f"{BASE}shifts/{shift.pk}/edit/",
        f"/en/staff/programmes/volunteer/shifts/{shift.pk}/roster/",
    ):
        assert browser.get(url).status_code == 404, url
    assert "Chinatown evening strolls" not in browser.get(BASE).content.decode()


def test_volunteers_may_not_manage_programmes(ana: User) -> None:
    assert signed_in(ana).get(BASE).status_code == 403
    assert signed_in(ana).get(f"{BASE}programmes/new/").status_code == 403


def test_the_lead_sees_the_roster_with_contacts_recorded_and_logs_hours(ana: User, ben: User) -> None:
    shift = a_shift(a_programme(), starts_in=dt.timedelta(hours=-3), lead=ana)
    signup = signed_up(shift, ben)
    browser = signed_in(ana)

    page = browser.get(f"/en/staff/programmes/volunteer/shifts/{shift.pk}/roster/").content.decode()
    assert "ben.volunteer@example.org" in page
    assert AuditEvent.objects.filter(action="volunteers.roster_viewed", target_id=str(shift.pk)).exists()

    wrong = browser.post(
        f"/en/staff/programmes/volunteer/shifts/{shift.pk}/roster/",
        {f"attended_{signup.pk}": "no", f"hours_{signup.pk}": "2"},
    )
    assert wrong.status_code == 422
    assert "Hours can only be logged for a volunteer who came." in wrong.content.decode()

    browser.post(
        f"/en/staff/programmes/volunteer/shifts/{shift.pk}/roster/",
        {f"attended_{signup.pk}": "yes", f"hours_{signup.pk}": "2.5"},
    )
    signup.refresh_from_db()
    assert signup.attended is True and signup.hours == Decimal("2.5") and signup.hours_confirmed_by == ana


def test_another_volunteer_cannot_see_the_roster(ben: User) -> None:
    shift = a_shift(a_programme())
    assert signed_in(ben).get(f"/en/staff/programmes/volunteer/shifts/{shift.pk}/roster/").status_code == 404


def test_linh_sees_hours_per_volunteer_and_per_programme_of_her_coalition_only(
    organiser_a: User, ana: User, ben: User, bay_volunteer: User
) -> None:
    strolls = a_programme(greater_sacramento())
    attended(a_shift(strolls, starts_in=dt.timedelta(days=-9)), ana, "2")
    attended(a_shift(strolls, starts_in=dt.timedelta(days=-2)), ana, "1.5")
    attended(a_shift(strolls, starts_in=dt.timedelta(days=-2)), ben, "3")
    bay = a_programme(the_bay_area(), name={"en": "Bay walks"})
    attended(a_shift(bay, starts_in=dt.timedelta(days=-2)), bay_volunteer, "7")

    page = signed_in(organiser_a).get(f"{BASE}hours/").content.decode()
    assert "In total, volunteers gave 6.5 hours." in page
    assert "Bay walks" not in page and '<th scope="row">Bo ' not in page
    assert '<th scope="row">Ana ' in page
    assert ">3.5<" in page  # Ana's hours


def test_a_shift_with_volunteers_is_not_deleted(organiser_a: User, ana: User) -> None:
    shift = a_shift(a_programme(greater_sacramento()))
    signed_up(shift, ana)
    browser = signed_in(organiser_a)
    refused = browser.post(f"{BASE}shifts/{shift.pk}/delete/", follow=True)
    assert "Volunteers are signed up for this shift, so it cannot be deleted." in refused.content.decode()
    ShiftSignup.objects.all().update(status=ShiftSignup.Status.CANCELLED)
    browser.post(f"{BASE}shifts/{shift.pk}/delete/")
    assert not Shift.objects.exists()


def test_linh_reads_every_page_of_her_programme(organiser_a: User, ana: User) -> None:
    from .factories import a_required_training

    programme = a_programme(greater_sacramento())
    requirement = a_required_training(programme, a_training_event(greater_sacramento()))
    shift = a_shift(programme, lead=ana)
    browser = signed_in(organiser_a)
    for url in (
        BASE,
        f"{BASE}programmes/new/",
        f"{BASE}programmes/{programme.pk}/",
        f"{BASE}programmes/{programme.pk}/edit/",
        f"{BASE}programmes/{programme.pk}/trainings/new/",
        f"{BASE}programmes/{programme.pk}/shifts/new/",
        f"{BASE}trainings/{requirement.pk}/",
        f"{BASE}shifts/{shift.pk}/edit/",
        f"/en/staff/programmes/volunteer/shifts/{shift.pk}/",
        f"/en/staff/programmes/volunteer/shifts/{shift.pk}/roster/",
        "/en/staff/programmes/volunteer/training/",
        "/en/staff/programmes/volunteer/mine/",
    ):
        assert browser.get(url).status_code == 200, url

    browser.post(f"{BASE}trainings/{requirement.pk}/", {"action": "delete"})
    assert not programme.training_requirements.exists()
    edited = browser.post(
        f"{BASE}programmes/{programme.pk}/edit/",
        {"kind": "other", **multilingual("name", "Evening walks"), "name_1": "Paseos nocturnos"},
    )
    assert edited.status_code == 302
    programme.refresh_from_db()
    assert programme.name == {"en": "Evening walks", "es": "Paseos nocturnos"}
    assert programme.is_active is False
