"""Stories: anyone opens the public statistics, narrows them down, shares the view and reads how they are made."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from safecommunity.accounts.models import User
from safecommunity.accounts.tests.factories import signed_in
from safecommunity.insights.tests.factories import brief_reports

pytestmark = pytest.mark.django_db


@pytest.fixture
def the_brief() -> None:
    """66 reports in four Sacramento-area counties, 30 in 2024 and 36 in 2025; El Dorado has 4."""
    brief_reports()


def row_of(html: str, table_id: str, label: str) -> str:
    table = re.search(rf'<table class="table stats-table" id="table-{table_id}">(.*?)</table>', html, re.S)
    assert table, f"no table {table_id}"
    row = re.search(rf'<th scope="row">{re.escape(label)}</th>(.*?)</tr>', table.group(1), re.S)
    assert row, f"no row {label} in {table_id}"
    return re.sub(r"\s+", " ", row.group(1)).strip()


def test_a_journalist_opens_the_statistics_and_finds_every_breakdown_as_a_chart_and_a_table(
    client: Client, the_brief: None
) -> None:
    response = client.get("/en/statistics/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "66 reports" in html
    assert "Most often reported type of incident: Verbal harassment" in html
    # Every breakdown has a heading, a chart and a table whose rows and columns are announced.
    for table_id in (
        "trend",
        "region",
        "incident_types",
        "location_type",
        "bias_motivations",
        "targeted_ethnicities",
        "age_group",
        "gender",
        "channel",
    ):
        assert f'id="table-{table_id}"' in html, table_id
    assert html.count('role="img"') == 9  # the trend, the map and seven breakdowns
    assert html.count("<caption>") >= 9
    assert '<th scope="col">' in html and '<th scope="row">' in html
    assert row_of(html, "region", "Sacramento") == '<td class="num">44</td> <td class="num">66.7 %</td>'
    assert "A report can name more than one of these, so the percentages can add up to more than 100 %." in html
    # No script anywhere: the page works without JavaScript and under the strict CSP.
    assert "<script" not in html and " style=" not in html


def test_a_small_county_shows_fewer_than_5_and_never_its_number(client: Client, the_brief: None) -> None:
    html = client.get("/en/statistics/").content.decode()

    assert row_of(html, "region", "El Dorado") == '<td colspan="2" class="hidden-cell">fewer than 5</td>'
    # Placer (7) is hidden too, or El Dorado's 4 could be worked out from the total.
    assert row_of(html, "region", "Placer") == (
        '<td colspan="2" class="hidden-cell">hidden so that a small number cannot be worked out</td>'
    )
    assert "<title>El Dorado: fewer than 5</title>" in html
    assert "El Dorado: 4" not in html and "Placer: 7" not in html


def test_staff_see_the_same_protected_figures_as_everyone(client: Client, analyst: User, the_brief: None) -> None:
    html = signed_in(analyst).get("/en/statistics/").content.decode()

    assert row_of(html, "region", "El Dorado") == '<td colspan="2" class="hidden-cell">fewer than 5</td>'


def test_a_selection_of_one_small_county_shows_no_breakdown_at_all(client: Client, the_brief: None) -> None:
    response = client.get("/en/statistics/", {"region": "el-dorado"})

    assert response.status_code == 200
    html = response.content.decode()
    assert "Fewer than 5 reports" in html
    assert "we show no breakdown of them" in html
    assert 'id="table-' not in html
    assert not re.search(r">\s*4 reports?\b", html)


def test_the_filters_are_kept_in_the_address_the_form_and_the_links(client: Client, the_brief: None) -> None:
    response = client.get(
        "/en/statistics/",
        {"from": "2025-01", "to": "2025-06", "region": ["sacramento", "yolo"], "incident_type": "verbal_harassment"},
    )

    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="from" value="2025-01"' in html
    assert 'name="to" value="2025-06"' in html
    assert re.search(r'name="region" value="sacramento" id="[^"]+" checked', html)
    assert re.search(r'name="region" value="yolo" id="[^"]+" checked', html)
    assert not re.search(r'name="region" value="placer" id="[^"]+" checked', html)
    assert '<option value="verbal_harassment" selected>' in html
    query = (
        "from=2025-01-01&amp;to=2025-06-30&amp;region=sacramento&amp;region=yolo&amp;incident_type=verbal_harassment"
    )
    assert f'href="http://testserver/en/statistics/?{query}" id="share-link"' in html
    assert "Incidents from Jan. 1, 2025 to June 30, 2025." in html
    # The open data of the same selection is one click away.
    for export in ("data.csv", "data.json", "regions.geojson"):
        assert f'href="/en/statistics/{export}?{query}"' in html
    # The same six months of 2024 are the comparison, from published totals only.
    assert "previous period of the same length (July 1, 2024 to Dec. 31, 2024)" in html


def test_the_comparison_with_the_previous_period_uses_published_totals(client: Client, the_brief: None) -> None:
    html = client.get("/en/statistics/", {"from": "2025-01", "to": "2025-12"}).content.decode()

    assert "36 reports" in html
    assert (
        "That is 6 more than in the previous period of the same length (Jan. 1, 2024 to Dec. 31, 2024), which had 30 reports."
        in html
    )


def test_a_mistyped_date_is_explained_next_to_the_field_and_kept(client: Client, the_brief: None) -> None:
    response = client.get("/en/statistics/", {"from": "2025-13-45", "to": "2024-02", "region": "yolo"})

    assert response.status_code == 422
    html = response.content.decode()
    assert "Enter a date as year-month-day (2024-03-15) or a month as year-month (2024-03)." in html
    assert 'id="from_error"' in html or 'id="id_from_error"' in html
    assert 'value="2025-13-45"' in html and 'value="2024-02"' in html
    assert re.search(r'name="region" value="yolo" id="[^"]+" checked', html)
    assert 'id="table-' not in html


def test_a_period_that_ends_before_it_starts_is_refused(client: Client, the_brief: None) -> None:
    response = client.get("/en/statistics/", {"from": "2025-06", "to": "2025-01"})

    assert response.status_code == 422
    assert "The end of the period must be on or after its start." in response.content.decode()


def test_an_unknown_region_is_refused(client: Client, the_brief: None) -> None:
    response = client.get("/en/statistics/", {"region": "atlantis"})

    assert response.status_code == 422
    assert "Select a valid choice." in response.content.decode()


def test_the_statistics_open_in_simplified_chinese(client: Client, the_brief: None) -> None:
    response = client.get("/zh-hans/statistics/", {"region": "sacramento"})

    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="zh-hans"' in html
    assert 'href="/zh-hans/statistics/methodology/"' in html
    assert 'id="table-region"' in html


def test_the_methodology_explains_what_is_counted_and_why_small_numbers_are_hidden(client: Client) -> None:
    response = client.get("/en/statistics/methodology/")

    assert response.status_code == 200
    html = response.content.decode()
    for sentence in (
        "A report is not a finding that a crime took place",
        "Only reports whose authors agreed that their report may be counted",
        "we merge them and count the incident once",
        "Every figure uses the date of the incident, not the date of the report.",
        "more than zero but less than 5",
        "we also hide at least one more cell of the same table",
        "Most people who experience hate never report it to anyone",
        "crimes that law enforcement agencies recorded",
    ):
        assert sentence in html, sentence


def test_the_footer_and_the_home_page_lead_to_the_statistics(client: Client) -> None:
    html = client.get("/en/").content.decode()

    assert 'href="/en/statistics/"' in html


def test_before_any_report_the_page_says_there_are_too_few_to_show(client: Client) -> None:
    response = client.get("/en/statistics/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "Fewer than 5 reports" in html
    assert 'id="table-' not in html
