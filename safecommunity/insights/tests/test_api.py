"""A journalist, a partner's data volunteer and the coalition's analyst read the statistics over JSON."""

from __future__ import annotations

import pytest
from django.test import Client

from safecommunity.accounts.models import User
from safecommunity.accounts.tests.factories import signed_in
from safecommunity.core.models import AuditEvent
from safecommunity.insights.tests.factories import brief_reports

pytestmark = pytest.mark.django_db
BREAKDOWN = "/api/v1/stats/breakdown"


def test_anyone_gets_a_breakdown_with_percentages_of_all_reports(client: Client) -> None:
    brief_reports()
    body = client.get(BREAKDOWN, {"dimension": "region"}).json()
    assert body["total"] == 66
    assert body["dimension"] == "region"
    rows = {row["code"]: row for row in body["rows"]}
    assert (rows["sacramento"]["count"], rows["sacramento"]["percent"]) == (44, 66.67)
    assert (rows["yolo"]["count"], rows["yolo"]["percent"]) == (11, 16.67)
    # El Dorado's 4 reports are fewer than 5; Placer's 7 are hidden with them, or 66 - 44 - 11 - 7 would give 4 away.
    suppressed = {row["code"]: row["shown_as"] for row in body["suppressed"]}
    assert suppressed["el-dorado"] == "fewer than 5"
    assert "placer" in suppressed
    assert "el-dorado" not in rows and "placer" not in rows


def test_filters_and_a_label_language_are_taken_from_the_url(client: Client) -> None:
    made = brief_reports()
    body = client.get(
        BREAKDOWN,
        {"dimension": "gender", "from": "2024-01", "to": "2024-12", "region": ["sacramento", "yolo"], "lang": "es"},
    ).json()
    assert body["total"] == sum(
        1
        for report in made
        if report.occurred_on.year == 2024 and report.region and report.region.slug in ("sacramento", "yolo")
    )
    labels = {row["code"]: row["label"] for row in body["rows"] + body["suppressed"]}
    assert labels["female"] != "Female"


def test_bad_parameters_get_a_clear_message_per_parameter(client: Client) -> None:
    response = client.get(BREAKDOWN, {"dimension": "shoe_size"})
    assert response.status_code == 422
    assert response.json()["errors"]["dimension"] == ["There is no such dimension."]
    response = client.get(BREAKDOWN, {"from": "last tuesday", "region": "atlantis"})
    assert response.status_code == 422
    errors = response.json()["errors"]
    assert "from" in errors and "region" in errors
    response = client.get(BREAKDOWN, {"from": "2025-03-01", "to": "2025-01-01"})
    assert response.status_code == 422


def test_a_time_series_has_every_month_and_hides_small_ones(client: Client) -> None:
    brief_reports()
    body = client.get("/api/v1/stats/timeseries", {"from": "2024-01", "to": "2025-12"}).json()
    assert body["total"] == 66
    assert [point["period"] for point in body["points"]][:2] == ["2024-01", "2024-02"]
    assert len(body["points"]) == 24
    for point in body["points"]:
        assert point["count"] is None or point["count"] == 0 or point["count"] >= 5
        assert (point["count"] is None) == bool(point["shown_as"])
    years = client.get("/api/v1/stats/timeseries", {"interval": "year"}).json()
    assert [(point["period"], point["count"]) for point in years["points"]] == [("2024", 30), ("2025", 36)]


def test_exact_counts_are_for_the_analyst_and_every_request_is_audited(
    client: Client, analyst: User, caseworker_a: User
) -> None:
    brief_reports()
    assert client.get(BREAKDOWN, {"dimension": "region", "exact": "true"}).status_code == 401
    assert signed_in(caseworker_a).get(BREAKDOWN, {"dimension": "region", "exact": "true"}).status_code == 403

    body = signed_in(analyst).get(BREAKDOWN, {"dimension": "region", "exact": "true", "from": "2024-01"}).json()
    rows = {row["code"]: row["count"] for row in body["rows"]}
    assert (rows["el-dorado"], rows["placer"]) == (4, 7)
    assert body["suppressed"] == [] and body["exact"] is True
    entry = AuditEvent.objects.get(action="statistics.exact_export")
    assert entry.actor == analyst
    assert entry.details["output"] == "api"
    assert ["from", "2024-01-01"] in entry.details["selection"]


def test_the_openapi_schema_documents_the_statistics(client: Client) -> None:
    paths = client.get("/api/openapi.json").json()["paths"]
    assert "/api/v1/stats/breakdown" in paths and "/api/v1/stats/timeseries" in paths
    parameters = {parameter["name"] for parameter in paths["/api/v1/stats/breakdown"]["get"]["parameters"]}
    assert {"dimension", "from", "to", "region", "bias_motivation", "incident_type", "exact"} <= parameters
