"""Stories of volunteers signing up for shifts: refused before the training, when full, overlapping or started."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core import mail

from safecommunity.accounts.models import User
from safecommunity.accounts.tests.factories import greater_sacramento, signed_in
from safecommunity.programs.volunteers.models import ShiftSignup
from safecommunity.programs.volunteers.services import SignupRefused, shift_sign_up, shift_signup_cancel

from .factories import a_programme, a_required_training, a_shift, a_training_event, checked_in, signed_up

pytestmark = pytest.mark.django_db


def sign_up_page(user: User, shift_id: int) -> str:
    return f"/en/staff/programmes/volunteer/shifts/{shift_id}/sign-up/"


def test_ana_is_refused_before_the_required_training_and_signs_up_once_checked_in(ana: User) -> None:
    training = a_training_event()
    programme = a_programme(greater_sacramento())
    a_required_training(programme, training)
    shift = a_shift(programme)
    browser = signed_in(ana)

    refused = browser.post(sign_up_page(ana, shift.pk))
    assert refused.status_code == 409
    assert "please complete its required training: Bystander intervention" in refused.content.decode()
    assert not ShiftSignup.objects.filter(shift=shift).exists()

    checked_in(training, ana)
    done = browser.post(sign_up_page(ana, shift.pk), follow=True)
    assert done.status_code == 200
    assert "You are signed up for this shift." in done.content.decode()
    assert ShiftSignup.objects.get(shift=shift, volunteer=ana).status == ShiftSignup.Status.SIGNED_UP


def test_a_training_attended_with_the_same_email_address_counts_too(ana: User) -> None:
    training = a_training_event()
    programme = a_programme()
    a_required_training(programme, training)
    checked_in(training, email=ana.email.upper())

    signup = shift_sign_up(shift_id=a_shift(programme).pk, volunteer=ana)
    assert signup.status == ShiftSignup.Status.SIGNED_UP


def test_a_registration_without_check_in_does_not_count(ana: User) -> None:
    training = a_training_event()
    programme = a_programme()
    a_required_training(programme, training)
    registration = checked_in(training, ana)
    registration.checked_in_at = None
    registration.save()

    with pytest.raises(SignupRefused) as refused:
        shift_sign_up(shift_id=a_shift(programme).pk, volunteer=ana)
    assert refused.value.code == "training"


def test_the_last_place_goes_to_the_first_and_the_next_is_told_the_shift_is_full(ana: User, ben: User) -> None:
    shift = a_shift(a_programme(), size=1)
    shift_sign_up(shift_id=shift.pk, volunteer=ana)

    response = signed_in(ben).post(sign_up_page(ben, shift.pk))
    assert response.status_code == 409
    assert "This shift is full. Please choose another one." in response.content.decode()


def test_a_shift_that_overlaps_another_of_hers_is_refused(ana: User) -> None:
    programme = a_programme()
    evening = a_shift(programme, starts_in=dt.timedelta(days=2), hours=3)
    overlapping = a_shift(programme, starts_in=dt.timedelta(days=2, hours=2), hours=2)
    after = a_shift(programme, starts_in=dt.timedelta(days=2, hours=3), hours=1)
    shift_sign_up(shift_id=evening.pk, volunteer=ana)

    with pytest.raises(SignupRefused) as refused:
        shift_sign_up(shift_id=overlapping.pk, volunteer=ana)
    assert refused.value.code == "overlap"
    assert "overlaps another shift you signed up for (Chinatown evening strolls)" in refused.value.message
    # Back to back is fine.
    shift_sign_up(shift_id=after.pk, volunteer=ana)


def test_a_started_shift_is_closed_and_cannot_be_cancelled(ana: User) -> None:
    shift = a_shift(a_programme(), starts_in=dt.timedelta(hours=-1))
    with pytest.raises(SignupRefused) as refused:
        shift_sign_up(shift_id=shift.pk, volunteer=ana)
    assert refused.value.code == "started"
    signed_up(shift, ana)
    with pytest.raises(SignupRefused) as not_now:
        shift_signup_cancel(shift_id=shift.pk, volunteer=ana)
    assert not_now.value.code == "started"


def test_cancelling_frees_the_place_and_she_may_sign_up_again(ana: User, ben: User) -> None:
    shift = a_shift(a_programme(), size=1)
    browser = signed_in(ana)
    browser.post(sign_up_page(ana, shift.pk))
    cancelled = browser.post(f"/en/staff/programmes/volunteer/shifts/{shift.pk}/cancel/", follow=True)
    assert "Your place on this shift is cancelled." in cancelled.content.decode()

    shift_sign_up(shift_id=shift.pk, volunteer=ben)
    with pytest.raises(SignupRefused) as refused:
        shift_sign_up(shift_id=shift.pk, volunteer=ana)
    assert refused.value.code == "full"
    shift_signup_cancel(shift_id=shift.pk, volunteer=ben)
    again = shift_sign_up(shift_id=shift.pk, volunteer=ana)
    assert again.status == ShiftSignup.Status.SIGNED_UP
    assert ShiftSignup.objects.filter(shift=shift, volunteer=ana).count() == 1


def test_signing_up_twice_is_refused_politely(ana: User) -> None:
    shift = a_shift(a_programme())
    shift_sign_up(shift_id=shift.pk, volunteer=ana)
    with pytest.raises(SignupRefused) as refused:
        shift_sign_up(shift_id=shift.pk, volunteer=ana)
    assert refused.value.message == "You are already signed up for this shift."


def test_confirmation_and_cancellation_emails_are_in_her_language(
    ana: User, django_capture_on_commit_callbacks: Any
) -> None:
    shift = a_shift(a_programme())
    browser = signed_in(ana)
    with django_capture_on_commit_callbacks(execute=True):
        browser.post(sign_up_page(ana, shift.pk))
        browser.post(f"/en/staff/programmes/volunteer/shifts/{shift.pk}/cancel/")

    confirmation, cancellation = mail.outbox
    assert confirmation.to == [ana.email]
    # Ana reads Vietnamese: the programme and place come in Vietnamese, the link to her shift too.
    assert "Đi dạo buổi tối ở khu phố Tàu" in confirmation.subject
    assert "Đại lộ Stockton" in confirmation.body
    assert f"/vi/staff/programmes/volunteer/shifts/{shift.pk}/" in confirmation.body
    assert "(America/Los_Angeles)" in confirmation.body
    assert "Đi dạo buổi tối ở khu phố Tàu" in cancellation.subject


def test_the_refusal_page_is_translated(ana: User) -> None:
    programme = a_programme()
    a_required_training(programme, a_training_event())
    shift = a_shift(programme)
    response = signed_in(ana).post(f"/es/staff/programmes/volunteer/shifts/{shift.pk}/sign-up/")
    assert response.status_code == 409
    assert '<html lang="es"' in response.content.decode()


def test_another_coalitions_volunteer_cannot_see_or_take_the_shift(bay_volunteer: User) -> None:
    shift = a_shift(a_programme(greater_sacramento()))
    browser = signed_in(bay_volunteer)
    assert browser.get(f"/en/staff/programmes/volunteer/shifts/{shift.pk}/").status_code == 404
    assert browser.post(sign_up_page(bay_volunteer, shift.pk)).status_code == 404
    listed = browser.get("/en/staff/programmes/volunteer/")
    assert "Stockton Boulevard" not in listed.content.decode()


def test_the_public_and_other_roles_are_kept_out(client: object, analyst: User) -> None:
    from django.test import Client

    anonymous = Client().get("/en/staff/programmes/volunteer/")
    assert anonymous.status_code == 302 and "/accounts/sign-in/" in anonymous["Location"]
    assert signed_in(analyst).get("/en/staff/programmes/volunteer/").status_code == 403


def test_ana_sees_her_shifts_hours_and_places_left(ana: User, ben: User) -> None:
    programme = a_programme()
    upcoming = a_shift(programme, size=3)
    past = a_shift(programme, starts_in=dt.timedelta(days=-3))
    signed_up(upcoming, ben)
    signed_up(past, ana, attended=True, hours="2.5")
    browser = signed_in(ana)

    shifts = browser.get("/en/staff/programmes/volunteer/").content.decode()
    assert "<td>2</td>" in shifts  # 3 places, Ben took one
    mine = browser.get("/en/staff/programmes/volunteer/mine/").content.decode()
    assert "You have no upcoming shifts." in mine
    hours = browser.get("/en/staff/programmes/volunteer/hours/").content.decode()
    assert "You have volunteered 2.5 hours on 1 shift." in hours
