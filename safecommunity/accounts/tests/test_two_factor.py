"""Everyone who can see personal data confirms their sign-in with a second factor."""

from __future__ import annotations

import re
from base64 import b32decode
from urllib.parse import quote

import pytest
from django.test import Client
from django_otp.plugins.otp_totp.models import TOTPDevice

from safecommunity.accounts.services import recovery_codes_replace
from safecommunity.accounts.tests.factories import (
    a_totp_device,
    a_wrong_code,
    current_code,
    signed_in,
    signed_in_with_password,
)
from safecommunity.core.models import AuditEvent

pytestmark = pytest.mark.django_db

INTAKE = "/en/staff/intake/"
TWO_FACTOR = "/en/accounts/two-factor/"


@pytest.fixture(autouse=True)
def no_waiting_between_codes(settings) -> None:
    """The authenticator slows down after a wrong code (1 s, 2 s, 4 s...); stories do not wait."""
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    settings.OTP_STATIC_THROTTLE_FACTOR = 0


def code_from_the_page(html: str) -> str:
    """What a person's app shows after they typed the key written on the set-up page."""
    secret = re.search(r'<code id="totp-secret">([A-Z2-7 ]+)</code>', html)
    assert secret, "the key is written out for people who cannot scan the QR code"
    key = b32decode(secret.group(1).replace(" ", "")).hex()
    return current_code(TOTPDevice(key=key))


def test_a_caseworker_sets_up_an_authenticator_before_reaching_a_staff_page(caseworker_a) -> None:
    client, location = signed_in_with_password(caseworker_a, next_url=INTAKE)
    assert location == f"{TWO_FACTOR}?next={quote(INTAKE, safe='')}"
    # Going round the second step does not work.
    assert client.get(INTAKE)["Location"].startswith(TWO_FACTOR)

    page = client.get(location)
    html = page.content.decode()
    assert page.status_code == 200
    assert "<svg" in html and "<script" not in html
    assert "no-store" in page["Cache-Control"]

    response = client.post(TWO_FACTOR, {"code": code_from_the_page(html), "next": INTAKE})
    assert response.status_code == 302
    codes_page = client.get(response["Location"])
    codes = re.findall(r"<li><code>([a-z2-7]{8})</code></li>", codes_page.content.decode())
    assert len(set(codes)) == 10
    assert f'href="{INTAKE}"' in codes_page.content.decode()
    # Shown once only.
    assert client.get(response["Location"])["Location"] == "/en/accounts/security/"

    assert client.get(INTAKE).status_code == 200
    assert AuditEvent.objects.filter(action="accounts.two_factor_set_up", actor=caseworker_a).exists()


def test_a_code_that_does_not_match_during_set_up_is_refused_and_the_key_stays_the_same(caseworker_a) -> None:
    client, location = signed_in_with_password(caseworker_a, next_url=INTAKE)
    first = client.get(location).content.decode()
    response = client.post(TWO_FACTOR, {"code": "12345", "next": INTAKE})
    assert response.status_code == 422
    assert "Please type the 6 digits your authenticator app shows" in response.content.decode()
    # The same key as before: whatever the person already added to their app still works.
    assert code_from_the_page(response.content.decode()) == code_from_the_page(first)
    assert not TOTPDevice.objects.filter(user=caseworker_a, confirmed=True).exists()


def test_a_wrong_code_is_refused_with_a_message(intake_coordinator) -> None:
    device = a_totp_device(intake_coordinator)
    client, location = signed_in_with_password(intake_coordinator, next_url=INTAKE)
    assert client.get(location).status_code == 200

    response = client.post(TWO_FACTOR, {"code": a_wrong_code(device), "next": INTAKE})
    assert response.status_code == 422
    html = response.content.decode()
    assert "That code is not right." in html
    assert 'aria-invalid="true"' in html
    assert client.get(INTAKE)["Location"].startswith(TWO_FACTOR)
    assert AuditEvent.objects.filter(action="accounts.two_factor_failed", target_id=str(intake_coordinator.pk))

    response = client.post(TWO_FACTOR, {"code": current_code(device), "next": INTAKE})
    assert response["Location"] == INTAKE
    assert client.get(INTAKE).status_code == 200


def test_a_recovery_code_works_once(intake_coordinator) -> None:
    a_totp_device(intake_coordinator)
    codes = recovery_codes_replace(user=intake_coordinator)

    client, _ = signed_in_with_password(intake_coordinator, next_url=INTAKE)
    response = client.post(TWO_FACTOR, {"code": codes[0].upper(), "next": INTAKE})
    assert response.status_code == 302
    notice = client.get(response["Location"]).content.decode()
    assert "That code no longer works." in notice
    assert "You have 9 recovery codes left." in notice
    assert f'href="{INTAKE}"' in notice
    assert client.get(INTAKE).status_code == 200
    assert AuditEvent.objects.filter(action="accounts.recovery_code_used", actor=intake_coordinator).count() == 1

    other_browser, _ = signed_in_with_password(intake_coordinator, next_url=INTAKE)
    assert other_browser.post(TWO_FACTOR, {"code": codes[0], "next": INTAKE}).status_code == 422
    assert other_browser.post(TWO_FACTOR, {"code": codes[1], "next": INTAKE}).status_code == 302


def test_new_recovery_codes_replace_the_old_ones(caseworker_a) -> None:
    old = recovery_codes_replace(user=caseworker_a)
    client = signed_in(caseworker_a)
    assert "You have 10 unused recovery codes." in client.get("/en/accounts/security/").content.decode()
    response = client.post("/en/accounts/recovery-codes/new/")
    page = client.get(response["Location"]).content.decode()
    new = re.findall(r"<li><code>([a-z2-7]{8})</code></li>", page)
    assert len(new) == 10 and not set(new) & set(old)
    assert AuditEvent.objects.filter(action="accounts.recovery_codes_replaced", actor=caseworker_a).exists()


@pytest.mark.parametrize("persona", ["analyst", "volunteer"])
def test_roles_that_never_see_personal_data_are_not_asked_for_a_second_factor(persona, request, settings) -> None:
    user = request.getfixturevalue(persona)
    client, location = signed_in_with_password(user, next_url="/en/accounts/security/")
    assert location == "/en/accounts/security/"
    page = client.get(location).content.decode()
    assert "you sign in with your password only" in page
    assert client.get(f"{TWO_FACTOR}?next=/en/accounts/security/")["Location"] == "/en/accounts/security/"


def test_a_next_address_on_another_site_is_ignored(analyst, settings) -> None:
    settings.LOGIN_REDIRECT_URL = "accounts:security"
    _, location = signed_in_with_password(analyst, next_url="https://evil.example/phish")
    assert location == "/en/accounts/security/"


def test_the_second_factor_page_asks_a_stranger_to_sign_in_first(client: Client) -> None:
    assert client.get(TWO_FACTOR)["Location"].startswith("/en/accounts/sign-in/")


def test_guessing_codes_is_rate_limited(intake_coordinator, settings) -> None:
    settings.TWO_FACTOR_RATE = "3/5m"
    device = a_totp_device(intake_coordinator)
    client, _ = signed_in_with_password(intake_coordinator, next_url=INTAKE)
    statuses = [client.post(TWO_FACTOR, {"code": a_wrong_code(device)}).status_code for _ in range(4)]
    assert statuses == [422, 422, 422, 429]


def test_an_authenticator_slows_down_after_a_wrong_code(intake_coordinator, settings) -> None:
    settings.OTP_TOTP_THROTTLE_FACTOR = 60
    device = a_totp_device(intake_coordinator)
    client, _ = signed_in_with_password(intake_coordinator, next_url=INTAKE)
    client.post(TWO_FACTOR, {"code": a_wrong_code(device)})
    response = client.post(TWO_FACTOR, {"code": current_code(device)})
    assert response.status_code == 422
    assert "Too many codes were wrong." in response.content.decode()
