"""Bots, floods and guessing: the public endpoints hold up without hurting real reporters."""

from __future__ import annotations

import time

import pytest
from django.core import mail
from django.test import Client

from safecommunity.reports.models import Report
from safecommunity.reports.tests.factories import a_submitted_report, form_data

pytestmark = pytest.mark.django_db


def test_a_bot_filling_the_hidden_field_sees_success_but_nothing_is_stored(client: Client, sacramento) -> None:
    response = client.post("/en/report/", form_data(sacramento.pk, website="http://spam.example"))
    assert response.status_code == 200
    assert "receipt-code" in response.content.decode()
    assert Report.objects.count() == 0


def test_submissions_from_one_client_are_rate_limited(client: Client, sacramento, settings) -> None:
    settings.REPORT_SUBMIT_RATE = "3/h"
    statuses = [client.post("/en/report/", form_data(sacramento.pk)).status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    assert Report.objects.count() == 3
    # The refusal is a page in the reporter's language that still offers the help lines.
    refused = client.post("/es/report/", form_data(sacramento.pk))
    assert refused.status_code == 429
    assert 'lang="es"' in refused.content.decode()


def test_another_client_is_not_affected_by_someone_elses_limit(sacramento, settings) -> None:
    settings.REPORT_SUBMIT_RATE = "1/h"
    first, second = Client(REMOTE_ADDR="198.51.100.7"), Client(REMOTE_ADDR="198.51.100.8")
    assert first.post("/en/report/", form_data(sacramento.pk)).status_code == 200
    assert first.post("/en/report/", form_data(sacramento.pk)).status_code == 429
    assert second.post("/en/report/", form_data(sacramento.pk)).status_code == 200


def test_guessing_receipt_codes_is_rate_limited(client: Client, settings) -> None:
    settings.FOLLOW_UP_RATE = "5/h"
    statuses = [client.post("/en/follow-up/", {"code": f"AAAA-BBBB-CCCC-{n:04d}"}).status_code for n in range(6)]
    assert statuses[:5] == [404] * 5
    assert statuses[5] == 429


def test_a_wrong_code_takes_as_long_as_a_right_one(client: Client, settings) -> None:
    settings.FOLLOW_UP_MIN_SECONDS = 0.2
    code = a_submitted_report().receipt_code
    assert code is not None

    def timed(entered: str) -> tuple[int, float]:
        started = time.monotonic()
        status = client.post("/en/follow-up/", {"code": entered}).status_code
        return status, time.monotonic() - started

    timed(code), timed("ZZZZ-ZZZZ-ZZZZ-ZZZZ")  # the first request of a process loads templates; not a leak
    right_status, right = timed(code)
    wrong_status, wrong = timed("ZZZZ-ZZZZ-ZZZZ-YYYY")
    assert (right_status, wrong_status) == (200, 404)
    assert right >= 0.2 and wrong >= 0.2
    assert abs(right - wrong) < 0.1


def test_sending_the_same_form_twice_stores_one_report(client: Client, sacramento) -> None:
    data = form_data(sacramento.pk, submission_key="5b0e3c9a-4b0f-4a43-9d43-0f5f7b7f2a11")
    first = client.post("/en/report/", data)
    second = client.post("/en/report/", data)
    assert first.status_code == second.status_code == 200
    assert Report.objects.count() == 1
    assert "receipt-code" in first.content.decode()
    assert "receipt-code" not in second.content.decode()


def test_overlong_answers_are_refused_with_a_clear_message_and_kept(client: Client, sacramento) -> None:
    response = client.post("/en/report/", form_data(sacramento.pk, place="x" * 301))
    assert response.status_code == 422
    assert "Please keep this under 300 characters" in response.content.decode()
    assert "x" * 301 in response.content.decode()


def test_a_reporter_who_gives_an_email_gets_an_acknowledgement_without_details(
    client: Client, sacramento, django_capture_on_commit_callbacks
) -> None:
    data = form_data(
        sacramento.pk,
        may_contact="yes",
        contact_methods=["email"],
        contact_email="lan@example.org",
        contact_language="vi",
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post("/en/report/", data).status_code == 200
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["lan@example.org"]
    assert "Stockton" not in message.body
    assert "grocery" not in message.body
