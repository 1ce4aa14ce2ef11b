"""A partner's app sends reports over JSON under the same rules as the public form; staff read coded fields only."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client

from safecommunity.accounts.models import User
from safecommunity.accounts.tests.factories import signed_in
from safecommunity.reports.models import Report
from safecommunity.reports.tests.factories import a_submitted_report

pytestmark = pytest.mark.django_db


def post(client: Client, body: dict[str, object], language: str = "en") -> Any:
    return client.post(
        "/api/v1/reports", json.dumps(body), content_type="application/json", HTTP_ACCEPT_LANGUAGE=language
    )


def test_a_partner_app_sends_a_report_and_gets_a_receipt_code(client: Client, sacramento) -> None:
    response = post(
        client,
        {
            "incident_types": ["coughed_spat_on"],
            "occurred_month": "2026-02",
            "region": "sacramento",
            "consent_statistics": True,
        },
    )
    assert response.status_code == 201, response.content
    assert len(response.json()["receipt_code"]) == 19
    report = Report.objects.get()
    assert (report.region, report.occurred_precision, report.incident_types) == (
        sacramento,
        "month",
        ["coughed_spat_on"],
    )


def test_an_online_incident_needs_no_region(client: Client) -> None:
    assert (
        post(
            client, {"description": "Slurs in a WeChat group", "occurred_on": "2026-01-05", "online": True}
        ).status_code
        == 201
    )
    assert Report.objects.get().location_type == "online"


def test_mistakes_are_named_per_field_in_the_callers_language(client: Client) -> None:
    response = post(client, {"incident_types": ["nonsense"], "region": "atlantis"}, language="es")
    assert response.status_code == 422
    errors = response.json()["errors"]
    assert {"incident_types", "where", "occurred_on"} <= set(errors)
    assert "Please" not in json.dumps(errors, ensure_ascii=False)
    assert Report.objects.count() == 0


def test_the_api_shares_the_forms_rate_limit(client: Client, settings) -> None:
    settings.REPORT_SUBMIT_RATE = "1/h"
    body = {"description": "Shouted at on the bus", "occurred_on": "2026-01-05", "online": True}
    assert post(client, body).status_code == 201
    assert post(client, body).status_code == 429


def test_staff_read_coded_fields_and_never_personal_data(intake_coordinator: User) -> None:
    a_submitted_report(contact_email="private@example.org", may_contact=True)
    client = signed_in(intake_coordinator)
    rows = client.get("/api/v1/staff/reports").json()
    assert rows[0]["incident_types"] == ["verbal_harassment"]
    assert "private@example.org" not in json.dumps(rows) and "description" not in rows[0]


def test_the_staff_list_is_closed_to_the_public(client: Client) -> None:
    assert client.get("/api/v1/staff/reports").status_code == 401
