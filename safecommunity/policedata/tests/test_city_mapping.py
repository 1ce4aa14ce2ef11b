"""A coalition loads its city police department's CSV with a mapping file, without writing code."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from safecommunity.policedata.models import PoliceIncident
from safecommunity.policedata.selectors import police_breakdown, police_counts_by_region_year
from safecommunity.policedata.tests.factories import CITY_CSV, a_city_import, a_region, an_agency_rule

pytestmark = pytest.mark.django_db


def counts(dimension: str, **filters: object) -> dict[str, int]:
    breakdown = police_breakdown(dataset="oakland-pd", dimension=dimension, **filters)  # type: ignore[arg-type]
    return {row.code: row.count for row in breakdown.rows}


def test_rows_of_one_case_are_merged_into_one_incident() -> None:
    result = a_city_import()

    assert (result.rows_read, result.rows_merged, result.created, result.rows_skipped) == (20, 6, 14, 0)
    incident = PoliceIncident.objects.get(external_id="OPD-23-0003")
    assert incident.offense_labels == ["Criminal Threats", "Vandalism", "Battery"]
    assert incident.incident_types == ["threat", "vandalism", "physical_assault"]
    assert incident.bias_labels == ["Anti-Black"]
    assert (incident.year, incident.date, incident.state, incident.agency_name, incident.victim_count) == (
        2023, dt.date(2023, 2, 2), "CA", "Oakland Police Department", 2
    )  # fmt: skip


def test_the_city_file_is_counted_per_incident_not_per_row() -> None:
    a_city_import()

    assert counts("year") == {"2023": 7, "2024": 7}
    assert counts("bias")["Anti-Asian"] == 6
    assert counts("offense")["Assault"] == 5
    assert counts("incident_type") == {"physical_assault": 7, "threat": 6, "vandalism": 5, "other": 2}
    assert counts("bias_motivation", year_from=2024) == {"race": 5, "religion": 1, "sexual_orientation": 1}
    assert counts("location_type")["other"] == 1  # a park: the city mapping's fallback


def test_importing_the_city_file_twice_changes_nothing() -> None:
    a_city_import()
    again = a_city_import()

    assert (again.created, again.updated, again.incidents) == (0, 14, 14)
    assert counts("offense")["Assault"] == 5


def test_a_city_file_without_agency_ids_is_placed_in_a_region_by_agency_name(sacramento) -> None:
    alameda = a_region("alameda", "Alameda")
    an_agency_rule(alameda, name="Oakland Police*")

    a_city_import()

    assert police_counts_by_region_year(dataset="oakland-pd", regions=["alameda"], years=[2023, 2024]) == {
        ("alameda", 2023): 7,
        ("alameda", 2024): 7,
    }
    assert police_counts_by_region_year(
        dataset="oakland-pd", regions=["alameda", "sacramento"], years=[2024], bias_motivation="race"
    ) == {("alameda", 2024): 5, ("sacramento", 2024): 0}


def test_the_fixture_has_twenty_rows() -> None:
    assert len(Path(CITY_CSV).read_text(encoding="utf-8").splitlines()) == 21
