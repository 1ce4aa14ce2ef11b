"""The shipped FBI file (219,577 incidents, 1991-2020) loads in under a minute and counts what the file says.

Expected counts are computed here, independently, with the csv module; everything is checked in one test
because the import is expensive.
"""

from __future__ import annotations

import csv
import io
import time
import zipfile
from collections import Counter
from pathlib import Path

import pytest

from safecommunity.policedata.mapping import FBI_MAPPING, load_mapping
from safecommunity.policedata.selectors import police_breakdown, police_counts_by_region_year
from safecommunity.policedata.tests.factories import an_agency_rule, an_fbi_import

FBI_ZIP = Path(__file__).resolve().parents[3] / "data" / "fbi" / "hate_crime_1991_2020.zip"
YEARS = (1991, 2001, 2020)
BIASES = ("Anti-Asian", "Anti-Jewish", "Anti-Black or African American")
OFFENSES = ("Intimidation", "Simple Assault")
SEXUAL_ORIENTATION = {
    "Anti-Gay (Male)", "Anti-Lesbian (Female)", "Anti-Bisexual", "Anti-Heterosexual",
    "Anti-Lesbian, Gay, Bisexual, or Transgender (Mixed Group)",
}  # fmt: skip


def expected_counts() -> dict[str, Counter]:
    counts: dict[str, Counter] = {name: Counter() for name in ("year", "bias", "offense", "ca", "labels", "so")}
    with zipfile.ZipFile(FBI_ZIP) as archive, archive.open("hate_crime.csv") as raw:
        for row in csv.DictReader(io.TextIOWrapper(raw, encoding="utf-8", newline="")):
            year = int(row["DATA_YEAR"])
            biases, offenses = set(row["BIAS_DESC"].split(";")), set(row["OFFENSE_NAME"].split(";"))
            counts["year"][year] += 1
            counts["labels"].update(biases)
            for bias in biases & set(BIASES):
                counts["bias"][(year, bias)] += 1
                counts["bias"][bias] += 1
            for offense in offenses & set(OFFENSES):
                counts["offense"][(year, offense)] += 1
            if row["STATE_ABBR"] == "CA":
                counts["ca"][year] += 1
                counts["ca"]["sacramento", year] += row["ORI"].startswith("CA034")
            if biases & SEXUAL_ORIENTATION:
                counts["so"][year] += 1
    return counts


@pytest.mark.slow
@pytest.mark.django_db
def test_the_whole_fbi_file_loads_in_under_a_minute_and_matches_the_file(sacramento) -> None:
    an_agency_rule(sacramento, ori="CA034*")
    started = time.monotonic()
    result = an_fbi_import(FBI_ZIP)
    seconds = time.monotonic() - started
    print(f"\nImported {result.incidents} FBI incidents in {seconds:.1f} s")
    expected = expected_counts()

    assert seconds < 60
    assert (result.rows_read, result.rows_skipped, result.incidents, result.problem_count) == (219_577, 0, 219_577, 0)
    # Every bias in the file is one the mapping knows (and so maps to a project bias motivation).
    assert set(expected["labels"]) <= set(load_mapping(FBI_MAPPING).bias_labels)
    assert result.unmapped == {}

    by_year = {int(row.code): row.count for row in police_breakdown(dataset="fbi", dimension="year").rows}
    assert by_year == dict(expected["year"])
    for year in YEARS:
        biases = police_breakdown(dataset="fbi", dimension="bias", year_from=year, year_to=year)
        assert biases.total == expected["year"][year]
        assert {row.code: row.count for row in biases.rows if row.code in BIASES} == {
            bias: expected["bias"][(year, bias)] for bias in BIASES if expected["bias"][(year, bias)]
        }
        offenses = police_breakdown(dataset="fbi", dimension="offense", year_from=year, year_to=year)
        assert {row.code: row.count for row in offenses.rows if row.code in OFFENSES} == {
            offense: expected["offense"][(year, offense)] for offense in OFFENSES
        }
        california = police_breakdown(dataset="fbi", dimension="year", year_from=year, year_to=year, states=["CA"])
        assert california.total == expected["ca"][year]
        motivations = police_breakdown(dataset="fbi", dimension="bias_motivation", year_from=year, year_to=year)
        assert {row.code: row.count for row in motivations.rows}["sexual_orientation"] == expected["so"][year]
    all_years = {row.code: row.count for row in police_breakdown(dataset="fbi", dimension="bias").rows}
    assert {bias: all_years[bias] for bias in BIASES} == {bias: expected["bias"][bias] for bias in BIASES}
    assert police_counts_by_region_year(dataset="fbi", regions=["sacramento"], years=YEARS) == {
        ("sacramento", year): expected["ca"]["sacramento", year] for year in YEARS
    }
