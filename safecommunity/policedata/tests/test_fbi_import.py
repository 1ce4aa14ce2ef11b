"""An analyst loads the FBI's hate-crime file and counts it by year, bias, offense and location."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from safecommunity.core.models import AuditEvent
from safecommunity.core.taxonomy import BIAS_MOTIVATIONS, FBI_BIAS_BY_ETHNICITY
from safecommunity.policedata.mapping import FBI_MAPPING, load_mapping
from safecommunity.policedata.models import PoliceIncident, PoliceIncidentCode
from safecommunity.policedata.selectors import police_breakdown
from safecommunity.policedata.tests.factories import an_fbi_import, fbi_rows, write_csv, write_zip

pytestmark = pytest.mark.django_db


def counts(dimension: str, **filters: object) -> dict[str, int]:
    return {row.code: row.count for row in police_breakdown(dataset="fbi", dimension=dimension, **filters).rows}  # type: ignore[arg-type]


def test_the_fbi_zip_is_loaded_with_several_biases_offenses_and_locations_per_incident(tmp_path: Path) -> None:
    result = an_fbi_import(write_zip(tmp_path / "hate_crime.zip", fbi_rows()))

    assert (result.created, result.updated, result.rows_read, result.rows_skipped, result.incidents) == (8, 0, 8, 0, 8)
    assert counts("year") == {"2019": 3, "2020": 5}
    assert counts("bias") == {
        "Anti-Asian": 4, "Anti-Jewish": 2, "Anti-Black or African American": 1, "Anti-Gay (Male)": 1,
        "Anti-Hispanic or Latino": 1,
    }  # fmt: skip
    assert counts("offense") == {
        "Intimidation": 4, "Simple Assault": 3, "Destruction/Damage/Vandalism of Property": 1,
        "Aggravated Assault": 1, "Robbery": 1,
    }  # fmt: skip
    assert counts("bias_motivation") == {"race": 5, "religion": 2, "sexual_orientation": 1, "ethnicity": 1}
    assert counts("incident_type") == {"threat": 4, "physical_assault": 4, "vandalism": 1, "other": 1}
    assert counts("location_type")["street"] == 3
    assert counts("location_type")["other"] == 1  # a parking lot
    assert counts("ethnicity") == {"black": 1, "hispanic_latino": 1}  # "Anti-Asian" names no one group
    assert counts("state") == {"CA": 5, "NY": 2, "TX": 1}
    assert counts("agency")["CA0340400"] == 2

    incident = PoliceIncident.objects.get(external_id="4")
    assert incident.bias_labels == ["Anti-Black or African American", "Anti-Gay (Male)"]
    assert incident.bias_motivations == ["race", "sexual_orientation"]
    assert incident.targeted_ethnicities == ["black", ""]
    assert incident.incident_types == ["physical_assault"]
    assert (incident.date, incident.state, incident.agency_name, incident.victim_count) == (
        dt.date(2020, 1, 11), "CA", "Sacramento", 1
    )  # fmt: skip
    assert AuditEvent.objects.filter(action="police_data.imported", target_id=str(incident.dataset_id)).exists()


def test_counts_can_be_narrowed_to_years_states_and_a_bias_motivation(tmp_path: Path) -> None:
    an_fbi_import(write_zip(tmp_path / "hate_crime.zip", fbi_rows()))

    assert counts("bias", year_from=2020, states=["ca"]) == {
        "Anti-Asian": 1, "Anti-Black or African American": 1, "Anti-Gay (Male)": 1,
    }  # fmt: skip
    assert counts("offense", bias_motivation="religion") == {
        "Destruction/Damage/Vandalism of Property": 1, "Intimidation": 1,
    }  # fmt: skip
    assert counts("year", bias_label="Anti-Asian") == {"2019": 2, "2020": 2}
    breakdown = police_breakdown(dataset="fbi", dimension="year", year_from=2020, year_to=2020)
    assert breakdown.total == 5


def test_the_newer_lower_case_file_with_iso_dates_loads_the_same(tmp_path: Path) -> None:
    an_fbi_import(write_csv(tmp_path / "hate_crime.csv", fbi_rows(lower_case=True, new_dates=True)))

    assert counts("year") == {"2019": 3, "2020": 5}
    assert counts("bias")["Anti-Asian"] == 4
    assert PoliceIncident.objects.get(external_id="2").date == dt.date(2019, 4, 17)


def test_importing_the_same_file_again_updates_instead_of_duplicating(tmp_path: Path) -> None:
    path = write_zip(tmp_path / "hate_crime.zip", fbi_rows())
    an_fbi_import(path)
    code_rows = PoliceIncidentCode.objects.count()

    again = an_fbi_import(path)

    assert (again.created, again.updated, again.incidents) == (0, 8, 8)
    assert PoliceIncident.objects.count() == 8
    assert PoliceIncidentCode.objects.count() == code_rows


def test_a_corrected_file_updates_its_incidents_and_replace_drops_the_rest(tmp_path: Path) -> None:
    an_fbi_import(write_zip(tmp_path / "hate_crime.zip", fbi_rows()))
    corrected = [fbi_rows()[0], fbi_rows()[1][:]]
    corrected[1][12] = "Anti-Asian;Anti-Female"

    an_fbi_import(write_csv(tmp_path / "correction.csv", corrected))
    assert PoliceIncident.objects.count() == 8
    assert PoliceIncident.objects.get(external_id="1").bias_motivations == ["race", "gender"]
    assert counts("bias")["Anti-Female"] == 1

    an_fbi_import(write_csv(tmp_path / "correction.csv", corrected), replace=True)
    assert list(PoliceIncident.objects.values_list("external_id", flat=True)) == ["1"]
    assert counts("year") == {"2019": 1}


def test_rows_with_problems_are_counted_and_listed_by_line(tmp_path: Path) -> None:
    rows = fbi_rows()
    rows[1][0] = ""  # no incident id
    rows[2][1] = "20x9"  # not a year
    rows[3][8] = "the second of June"  # a date not understood: the incident is kept without it
    rows[4][12] = "Anti-Martian"  # a bias the mapping does not know: kept, with no project code

    result = an_fbi_import(write_csv(tmp_path / "hate_crime.csv", rows))

    assert (result.rows_read, result.rows_skipped, result.rows_with_warnings, result.created) == (8, 2, 1, 6)
    assert [problem.line for problem in result.problems] == [2, 3, 4]
    assert "incident id is empty" in str(result.problems[0])
    assert "20x9" in str(result.problems[1])
    assert PoliceIncident.objects.get(external_id="3").date is None
    assert result.unmapped == {"bias_motivations": {"Anti-Martian": 1}}
    assert counts("bias_motivation")[""] == 1


def test_the_fbi_mapping_knows_every_fbi_bias_and_maps_each_to_a_project_code() -> None:
    mapping = load_mapping(FBI_MAPPING)
    motivations = mapping.codes["bias_motivations"]

    assert len(mapping.bias_labels) == 35
    assert all(motivations.code_for(label) in BIAS_MOTIVATIONS.codes for label in mapping.bias_labels)
    # Every FBI label the project's own codes roll up to is known, with the ethnicity it came from where it has one.
    for ethnicity, label in FBI_BIAS_BY_ETHNICITY.items():
        if label:
            assert label in mapping.bias_labels
            assert mapping.codes["targeted_ethnicities"].code_for(label) in (ethnicity, "", None)
    assert motivations.code_for("anti-jewish") == "religion"  # labels are read without regard to case
