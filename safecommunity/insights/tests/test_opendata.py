"""A journalist and a partner's data volunteer download the public statistics as open data.

Every file holds the numbers the API publishes for the same selection, hides the same cells, and is explained,
code by code, by the data dictionary.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import pytest
from django.test import Client

from safecommunity.accounts.models import User
from safecommunity.accounts.tests.factories import signed_in
from safecommunity.core import taxonomy
from safecommunity.core.models import Region
from safecommunity.insights.engine import DIMENSIONS
from safecommunity.insights.tests.factories import brief_reports

pytestmark = pytest.mark.django_db
BREAKDOWN = "/api/v1/stats/breakdown"
CSV_URL = "/en/statistics/data.csv"
JSON_URL = "/en/statistics/data.json"
GEOJSON_URL = "/en/statistics/regions.geojson"
FILTERED = {"from": "2024-01", "to": "2024-12", "region": ["sacramento", "yolo"]}


def api(client: Client, dimension: str, params: dict[str, Any] | None = None, lang: str = "en") -> dict[str, Any]:
    body: dict[str, Any] = client.get(BREAKDOWN, {**(params or {}), "dimension": dimension, "lang": lang}).json()
    return body


def csv_rows(client: Client, url: str = CSV_URL, params: dict[str, Any] | None = None) -> list[dict[str, str]]:
    response = client.get(url, params or {})
    assert response.status_code == 200
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))


def published(body: dict[str, Any]) -> tuple[dict[str, tuple[int, float]], dict[str, str]]:
    """(published code -> (count, percent), hidden code -> shown_as) of an API breakdown."""
    return (
        {row["code"]: (row["count"], row["percent"]) for row in body["rows"]},
        {row["code"]: row["shown_as"] for row in body["suppressed"]},
    )


def test_the_csv_holds_the_apis_numbers_for_every_dimension(client: Client) -> None:
    brief_reports()
    rows = csv_rows(client)
    assert rows[0]["dimension"] == "total" and rows[0]["count"] == "66" and rows[0]["label"] == "All reports"
    for dimension in DIMENSIONS:
        visible, hidden = published(api(client, dimension))
        mine = [row for row in rows if row["dimension"] == dimension]
        assert {row["code"]: (int(row["count"]), float(row["percent"])) for row in mine if row["count"]} == visible
        assert {row["code"]: row["shown_as"] for row in mine if not row["count"]} == hidden


def test_the_json_holds_the_apis_rows_and_suppressed_cells_for_every_dimension(client: Client) -> None:
    brief_reports()
    response = client.get(JSON_URL)
    assert response.status_code == 200
    body = response.json()
    assert body["total"] == 66 and body["threshold"] == 5
    assert body["selection"] == {
        "from": None,
        "to": None,
        "regions": [],
        "bias_motivation": None,
        "incident_type": None,
    }
    assert set(body["tables"]) == set(DIMENSIONS)
    assert body["licence"]["url"].startswith("https://")
    assert body["data_dictionary"].endswith("/en/statistics/data-dictionary/")
    for dimension in DIMENSIONS:
        from_api = api(client, dimension)
        table = body["tables"][dimension]
        assert table["rows"] == from_api["rows"]
        assert [(row["code"], row["shown_as"]) for row in table["suppressed"]] == [
            (row["code"], row["shown_as"]) for row in from_api["suppressed"]
        ]


def test_the_geojson_has_one_feature_per_region_with_the_apis_counts(client: Client) -> None:
    brief_reports()
    response = client.get(GEOJSON_URL)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/geo+json"
    collection = json.loads(response.content)
    assert collection["type"] == "FeatureCollection"
    slugs = [feature["properties"]["slug"] for feature in collection["features"]]
    assert sorted(slugs) == sorted([*Region.objects.values_list("slug", flat=True), "online"])
    visible, hidden = published(api(client, "region"))
    for feature in collection["features"]:
        properties = feature["properties"]
        assert feature["type"] == "Feature"
        if properties["slug"] == "online":
            assert feature["geometry"] is None
        else:
            assert feature["geometry"]["type"] in ("Polygon", "MultiPolygon")
        if properties["slug"] in hidden:
            assert properties["count"] is None and properties["percent"] is None
            assert properties["shown_as"] == hidden[properties["slug"]]
        else:
            assert (properties["count"], properties["percent"]) == visible[properties["slug"]]


def test_a_small_count_and_the_one_that_would_give_it_away_are_hidden_in_every_format(client: Client) -> None:
    brief_reports()
    # El Dorado has 4 reports; Placer's 7 are hidden with them, or 66 - 44 - 11 - 7 would give the 4 away.
    regions = {row["code"]: row for row in csv_rows(client) if row["dimension"] == "region"}
    assert (regions["el-dorado"]["count"], regions["el-dorado"]["percent"]) == ("", "")
    assert regions["el-dorado"]["shown_as"] == "fewer than 5" and regions["el-dorado"]["suppressed"] == "small"
    assert regions["placer"]["count"] == "" and regions["placer"]["suppressed"] == "complementary"
    assert regions["placer"]["shown_as"] == "hidden so that a small number cannot be worked out"
    table = client.get(JSON_URL).json()["tables"]["region"]
    assert {row["code"] for row in table["suppressed"]} >= {"el-dorado", "placer"}
    assert not {row["code"] for row in table["rows"]} & {"el-dorado", "placer"}
    assert "4" not in json.dumps(table["suppressed"])
    features = {
        f["properties"]["slug"]: f["properties"] for f in json.loads(client.get(GEOJSON_URL).content)["features"]
    }
    assert features["el-dorado"]["count"] is None and features["placer"]["count"] is None


def test_a_selection_in_the_url_is_applied_recorded_and_labelled_in_the_urls_language(client: Client) -> None:
    brief_reports()
    rows = csv_rows(client, "/es/statistics/data.csv", FILTERED)
    assert {row["selection_from"] for row in rows} == {"2024-01-01"}
    assert {row["selection_to"] for row in rows} == {"2024-12-31"}
    assert {row["selection_regions"] for row in rows} == {"sacramento yolo"}
    from_api = api(client, "gender", FILTERED, lang="es")
    gender = [row for row in rows if row["dimension"] == "gender"]
    assert {row["code"]: int(row["count"]) for row in gender if row["count"]} == {
        row["code"]: row["count"] for row in from_api["rows"]
    }
    assert {row["code"]: row["label"] for row in gender} == {
        row["code"]: row["label"] for row in from_api["rows"] + from_api["suppressed"]
    }
    assert rows[0]["count"] == str(from_api["total"])
    body = client.get("/es/statistics/data.json", FILTERED).json()
    assert body["language"] == "es" and body["total"] == from_api["total"]
    assert body["selection"]["regions"] == ["sacramento", "yolo"]
    assert body["tables"]["gender"]["rows"] == from_api["rows"]


def test_files_are_named_after_the_selection_and_may_be_cached_for_five_minutes(client: Client) -> None:
    brief_reports()
    for url, content_type, name in (
        (CSV_URL, "text/csv; charset=utf-8", "statistics-2024-01-01-to-2024-12-31-sacramento-yolo-en.csv"),
        (JSON_URL, "application/json", "statistics-2024-01-01-to-2024-12-31-sacramento-yolo-en.json"),
        (GEOJSON_URL, "application/geo+json", "statistics-2024-01-01-to-2024-12-31-sacramento-yolo-en.geojson"),
    ):
        response = client.get(url, FILTERED)
        assert response.status_code == 200
        assert response["Content-Type"] == content_type
        assert response["Cache-Control"] == "public, max-age=300"
        assert response["Content-Disposition"] == f'attachment; filename="{name}"'
    assert client.get(CSV_URL)["Content-Disposition"] == 'attachment; filename="statistics-all-time-en.csv"'


def test_bad_parameters_get_a_422_that_says_what_to_change(client: Client) -> None:
    response = client.get(CSV_URL, {"from": "last tuesday", "region": "atlantis"})
    assert response.status_code == 422
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    text = response.content.decode()
    assert "from: Enter a date as year-month-day (2024-03-15) or a month as year-month (2024-03)." in text
    assert text.count("region: ") == 1
    for url in (JSON_URL, GEOJSON_URL):
        response = client.get(url, {"from": "2025-03-01", "to": "2025-01-01", "bias_motivation": "weather"})
        assert response.status_code == 422
        errors = response.json()["errors"]
        assert set(errors) == {"to", "bias_motivation"}
        assert errors["to"] == ["The end of the period must be on or after its start."]


def test_a_selection_of_fewer_than_five_reports_publishes_no_counts_at_all(client: Client) -> None:
    brief_reports()
    rows = csv_rows(client, params={"from": "2020-01", "to": "2020-12"})
    assert (rows[0]["count"], rows[0]["shown_as"]) == ("", "fewer than 5")
    tiny = client.get(JSON_URL, {"region": "el-dorado"}).json()  # 4 reports: too few to publish anything
    assert tiny["total"] is None and tiny["total_shown_as"] == "fewer than 5"
    assert all(not table["rows"] for table in tiny["tables"].values())
    assert not [row for row in csv_rows(client, params={"region": "el-dorado"}) if row["count"]]


def test_the_data_dictionary_explains_every_dimension_and_code_in_the_pages_language(client: Client) -> None:
    brief_reports()
    response = client.get("/en/statistics/data-dictionary/")
    assert response.status_code == 200
    assert response["Cache-Control"] == "public, max-age=300"
    page = response.content.decode()
    for dimension in DIMENSIONS:
        assert f"<code>{dimension}</code>" in page
    for name, vocabulary in taxonomy.VOCABULARIES.items():
        if name not in DIMENSIONS:
            continue
        for code in vocabulary.codes:
            assert f"<code>{code}</code></th><td>{vocabulary.label(code)}</td>" in page.replace("&#x27;", "'")
    for slug in [*Region.objects.values_list("slug", flat=True), "online", "not_stated"]:
        assert f"<code>{slug}</code>" in page
    for column in ("selection_from", "dimension", "code", "label", "count", "percent", "shown_as", "suppressed"):
        assert f"<code>{column}</code>" in page
    assert "fewer than 5" in page
    english_label = taxonomy.GENDERS.label("female")
    spanish = client.get("/es/statistics/data-dictionary/").content.decode()
    assert "<code>female</code>" in spanish and english_label not in spanish  # labels follow the page's language


def test_the_open_data_page_links_the_downloads_of_the_selection(client: Client) -> None:
    brief_reports()
    response = client.get("/en/statistics/open-data/", FILTERED)
    assert response.status_code == 200
    page = response.content.decode()
    query = "from=2024-01-01&amp;to=2024-12-31&amp;region=sacramento&amp;region=yolo"
    for url in ("/en/statistics/data.csv", "/en/statistics/data.json", "/en/statistics/regions.geojson"):
        assert f'href="{url}?{query}"' in page
    assert 'href="/en/statistics/data-dictionary/"' in page
    assert response["Cache-Control"] == "public, max-age=300"


def test_a_mistyped_selection_comes_back_with_the_filled_form(client: Client) -> None:
    response = client.get("/en/statistics/open-data/", {"from": "2025-13", "to": "2025-12"})
    assert response.status_code == 422
    page = response.content.decode()
    assert 'value="2025-13"' in page and 'value="2025-12"' in page
    assert "Enter a date as year-month-day" in page


def test_a_signed_in_analysts_page_is_not_kept_by_shared_caches(analyst: User) -> None:
    client = signed_in(analyst)
    response = client.get("/en/statistics/open-data/")
    assert response.status_code == 200
    assert "public" not in response["Cache-Control"]
