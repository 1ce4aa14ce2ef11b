"""Two volunteers press "sign up" for the last place at the same moment: one gets it, the other is told it is full."""

from __future__ import annotations

import threading

import pytest
from django.db import connection

from safecommunity.accounts.models import User
from safecommunity.accounts.tests.factories import a_staff_member, an_organisation
from safecommunity.core.roles import Role
from safecommunity.programs.volunteers.models import ShiftSignup
from safecommunity.programs.volunteers.services import SignupRefused, shift_sign_up

from .factories import a_programme, a_shift


@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_the_last_place_is_taken_once_when_two_volunteers_sign_up_at_once() -> None:
    name = str(connection.settings_dict["NAME"])
    if connection.vendor == "sqlite" and (name in ("", ":memory:") or "mode=memory" in name):
        pytest.skip("An in-memory SQLite database is not shared between threads.")
    organisation = an_organisation()
    people = [a_staff_member(f"v{index}", role=Role.VOLUNTEER, organisation=organisation) for index in range(2)]
    shift = a_shift(a_programme(), size=1)
    start = threading.Barrier(len(people))
    outcomes: list[str] = []

    def press(volunteer: User) -> None:
        from django.db import connections

        start.wait()
        try:
            shift_sign_up(shift_id=shift.pk, volunteer=volunteer)
            outcomes.append("signed up")
        except SignupRefused as refused:
            outcomes.append(refused.code)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=press, args=(volunteer,)) for volunteer in people]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(outcomes) == ["full", "signed up"]
    assert ShiftSignup.objects.filter(shift=shift, status=ShiftSignup.Status.SIGNED_UP).count() == 1
