"""A partner's developer reads police-reported counts from the JSON API, labelled as their own source."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.test import Client

from safecommunity.policedata.tests.factories import an_fbi_import, fbi_rows, write_zip

pytestmark = pytest.mark.django_db


@pytest.fixture
def fbi(tmp_path: Path) -> None:
    an_fbi_import(write_zip(tmp_path / "fbi.zip", fbi_rows()))


def test_the_datasets_are_listed_with_their_years(client: Client, fbi: None) -> None:
    [dataset] = client.get("/api/v1/police/datasets").json()

    assert (dataset["slug"], dataset["incidents"], dataset["year_from"], dataset["year_to"]) == ("fbi", 8, 2019, 2020)
    assert "separate source from community reports" in dataset["source"]


def test_a_breakdown_has_counts_and_percentages_of_the_incidents(client: Client, fbi: None) -> None:
    response = client.get("/api/v1/police/breakdown", {"dimension": "bias_motivation", "year_from": "2020"})

    assert response.status_code == 200, response.content
    body = response.json()
    assert (body["dataset"], body["dimension"], body["total"]) == ("fbi", "bias_motivation", 5)
    assert body["rows"][0] == {"code": "race", "label": "Race", "count": 3, "percent": 60.0}
    assert {row["code"]: row["percent"] for row in body["rows"]} == {
        "race": 60.0, "ethnicity": 20.0, "religion": 20.0, "sexual_orientation": 20.0,
    }  # fmt: skip
    assert "Police-reported data" in body["source"]


def test_filters_by_state_and_bias(client: Client, fbi: None) -> None:
    body = client.get(
        "/api/v1/police/breakdown", {"dimension": "offense", "state": ["CA", "NY"], "bias": "Anti-Asian"}
    ).json()

    assert body["total"] == 4
    assert {row["code"]: row["count"] for row in body["rows"]} == {"Intimidation": 3, "Simple Assault": 2, "Robbery": 1}


@pytest.mark.parametrize(
    ("query", "field", "message"),
    [
        ({"dimension": "colour"}, "dimension", "“colour” is not a dimension police data can be counted by"),
        ({"dimension": "year", "year_from": "last year"}, "year_from", "“last year” is not a year."),
        ({"dimension": "year", "year_from": "2020", "year_to": "2019"}, "year_from", "The first year comes after"),
        ({"dimension": "year", "dataset": "mars"}, "dataset", "There is no police dataset “mars”"),
        ({"dimension": "year", "bias_motivation": "asian"}, "bias_motivation", "“asian” is not a bias motivation"),
        ({"dimension": "year", "region": "atlantis"}, "region", "There is no region “atlantis”"),
    ],
)
def test_bad_parameters_get_422_with_a_clear_message(
    client: Client, fbi: None, query, field: str, message: str
) -> None:
    response = client.get("/api/v1/police/breakdown", query)

    assert response.status_code == 422
    assert message in response.json()["errors"][field][0]


def test_the_openapi_schema_describes_the_police_endpoints(client: Client) -> None:
    schema = client.get("/api/openapi.json").json()

    assert "/api/v1/police/breakdown" in schema["paths"]
    responses = schema["paths"]["/api/v1/police/breakdown"]["get"]["responses"]
    assert {"200", "422"} <= set(responses)
