"""Three people press "register" for the last two places of a workshop at the same moment, while a fourth cancels:
nobody is given a place that is not there, and the wait list is what is left."""

from __future__ import annotations

import threading
from collections.abc import Callable

import pytest
from django.db import connection

from safecommunity.accounts.tests.factories import greater_sacramento
from safecommunity.core.tests.factories import sacramento_region
from safecommunity.programs.events.models import Registration
from safecommunity.programs.events.services import registration_cancel, registration_create
from safecommunity.programs.events.tests.factories import an_event, registered


@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_places_are_never_given_twice_when_people_register_and_cancel_at_once() -> None:
    name = str(connection.settings_dict["NAME"])
    if connection.vendor == "sqlite" and (name in ("", ":memory:") or "mode=memory" in name):
        pytest.skip("An in-memory SQLite database is not shared between threads.")
    sacramento_region()
    event = an_event(greater_sacramento(), capacity=2)
    leaving = registered(event, email="leaving@example.org")
    start = threading.Barrier(4)

    def together(action: Callable[[], object]) -> Callable[[], None]:
        def run() -> None:
            from django.db import connections

            start.wait()
            try:
                action()
            finally:
                connections.close_all()

        return run

    def register(email: str) -> Callable[[], object]:
        return lambda: registration_create(event=event, email=email)

    actions = [together(register(f"p{index}@example.org")) for index in range(3)]
    actions.append(together(lambda: registration_cancel(registration=leaving)))
    threads = [threading.Thread(target=action) for action in actions]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    statuses = list(Registration.objects.filter(event=event).values_list("status", flat=True))
    assert statuses.count(Registration.Status.CONFIRMED) == 2
    assert statuses.count(Registration.Status.WAITLISTED) == 1
    assert statuses.count(Registration.Status.CANCELLED) == 1
