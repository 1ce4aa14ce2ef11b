"""A partner's developer reads the shared vocabulary and regions from the JSON API."""

from __future__ import annotations

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def test_the_vocabulary_is_served_with_stable_codes_and_translated_labels(client: Client) -> None:
    english = {v["name"]: v for v in client.get("/api/v1/taxonomy").json()}
    spanish = {v["name"]: v for v in client.get("/api/v1/taxonomy?lang=es").json()}
    codes = [term["code"] for term in english["incident_types"]["terms"]]
    assert "coughed_spat_on" in codes and english["incident_types"]["multi"] is True
    assert [term["code"] for term in spanish["incident_types"]["terms"]] == codes
    assert english["incident_types"]["terms"][0]["label"] != spanish["incident_types"]["terms"][0]["label"]


def test_regions_are_listed_by_slug(client: Client, sacramento) -> None:
    regions = client.get("/api/v1/regions").json()
    assert regions == [
        {"slug": "sacramento", "name": "Sacramento", "region_set": "greater-sacramento", "has_boundary": False}
    ]


def test_the_openapi_schema_describes_the_api(client: Client) -> None:
    schema = client.get("/api/openapi.json").json()
    assert "/api/v1/taxonomy" in schema["paths"]


def test_the_interactive_docs_load_nothing_from_other_sites(client: Client) -> None:
    html = client.get("/api/docs").content.decode()
    assert "/static/ninja/swagger-ui-bundle.js" in html
    assert "cdn." not in html
