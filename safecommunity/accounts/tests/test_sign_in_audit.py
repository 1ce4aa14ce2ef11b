"""Every sign-in, failed sign-in, second factor and sign-out is in the audit trail, with where it came from."""

from __future__ import annotations

import json

import pytest
from django.test import Client

from safecommunity.accounts.tests.factories import (
    PASSWORD,
    a_totp_device,
    a_wrong_code,
    current_code,
    signed_in,
)
from safecommunity.core.audit import audit_chain_verify
from safecommunity.core.models import AuditEvent

pytestmark = pytest.mark.django_db

FROM_HOME = "198.51.100.23"


@pytest.fixture(autouse=True)
def no_waiting_between_codes(settings) -> None:
    settings.OTP_TOTP_THROTTLE_FACTOR = 0


def a_browser() -> Client:
    return Client(REMOTE_ADDR=FROM_HOME)


def test_a_sign_in_and_its_second_factor_are_recorded_with_the_address(intake_coordinator) -> None:
    device = a_totp_device(intake_coordinator)
    client = a_browser()
    client.post("/en/accounts/sign-in/", {"username": "mai.intake", "password": PASSWORD, "next": "/en/staff/intake/"})
    client.post("/en/accounts/two-factor/", {"code": a_wrong_code(device)})
    client.post("/en/accounts/two-factor/", {"code": current_code(device)})

    events = list(AuditEvent.objects.filter(target_id=str(intake_coordinator.pk)).order_by("pk"))
    assert [event.action for event in events] == [
        "accounts.sign_in",
        "accounts.two_factor_failed",
        "accounts.two_factor_passed",
    ]
    assert {event.ip_address for event in events} == {FROM_HOME}
    assert {event.target_type for event in events} == {"accounts.user"}
    assert all(event.actor == intake_coordinator for event in events)
    assert audit_chain_verify().intact


def test_a_failed_sign_in_keeps_the_name_typed_but_never_the_password(intake_coordinator) -> None:
    client = a_browser()
    response = client.post("/en/accounts/sign-in/", {"username": "mai.intake", "password": "hunter2-wrong"})
    assert response.status_code == 200
    client.post("/en/accounts/sign-in/", {"username": "nobody.here", "password": "another secret"})

    failures = list(AuditEvent.objects.filter(action="accounts.sign_in_failed").order_by("pk"))
    assert [event.details["username"] for event in failures] == ["mai.intake", "nobody.here"]
    assert failures[0].target_id == str(intake_coordinator.pk)
    assert failures[1].target_id == ""
    assert all(event.actor is None and event.ip_address == FROM_HOME for event in failures)
    everything = json.dumps([event.details for event in AuditEvent.objects.all()])
    assert "hunter2" not in everything and "another secret" not in everything


def test_signing_out_is_recorded(caseworker_a) -> None:
    client = signed_in(caseworker_a, a_browser())
    response = client.post("/en/accounts/sign-out/")
    assert response.status_code == 200
    assert "You are signed out" in response.content.decode()
    event = AuditEvent.objects.get(action="accounts.sign_out")
    assert (event.actor, event.ip_address) == (caseworker_a, FROM_HOME)


def test_signing_out_of_the_admin_is_recorded_too(coalition_admin) -> None:
    client = signed_in(coalition_admin, a_browser())
    client.post("/admin/logout/")
    assert AuditEvent.objects.filter(action="accounts.sign_out", actor=coalition_admin).count() == 1
