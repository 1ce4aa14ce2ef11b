"""A coalition says which agencies belong to its regions, so police and community figures meet per region."""

from __future__ import annotations

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from safecommunity.policedata.models import PoliceAgencyRegion, PoliceIncident
from safecommunity.policedata.selectors import police_breakdown, police_counts_by_region_year
from safecommunity.policedata.tests.factories import a_region, an_agency_rule, an_fbi_import, fbi_rows, write_zip

pytestmark = pytest.mark.django_db


def regions_by_incident() -> dict[str, str | None]:
    return dict(PoliceIncident.objects.values_list("external_id", "region__slug"))


def test_the_demo_rules_place_county_agencies_in_the_demo_regions(tmp_path: Path, sacramento) -> None:
    for slug, name in [("alameda", "Alameda"), ("san-francisco", "San Francisco")]:
        a_region(slug, name)
    an_fbi_import(write_zip(tmp_path / "fbi.zip", fbi_rows()))

    out, err = StringIO(), StringIO()
    call_command("load_police_agency_regions", stdout=out, stderr=err)

    assert "Left out the rules for regions that do not exist" in err.getvalue()  # yolo, placer… are not here
    assert "5 incidents of 4 agencies were placed in another region" in out.getvalue()
    assert regions_by_incident() == {
        "1": "sacramento", "2": "sacramento", "3": "alameda", "4": "sacramento", "5": "san-francisco",
        "6": None, "7": None, "8": None,
    }  # fmt: skip
    assert police_counts_by_region_year(dataset="fbi", regions=["sacramento"], years=[2019, 2020]) == {
        ("sacramento", 2019): 2,
        ("sacramento", 2020): 1,
    }


def test_new_imports_are_placed_at_once_and_a_changed_rule_is_applied_again(tmp_path: Path, sacramento) -> None:
    rule = an_agency_rule(sacramento, ori="CA0340400")  # the city police only, not the sheriff
    an_fbi_import(write_zip(tmp_path / "fbi.zip", fbi_rows()))
    assert sorted(key for key, slug in regions_by_incident().items() if slug) == ["1", "4"]

    rule.ori_pattern = "CA034*"
    rule.save()
    out = StringIO()
    call_command("assign_police_regions", stdout=out)

    assert "1 incidents of 1 agencies were placed in another region" in out.getvalue()
    assert sorted(key for key, slug in regions_by_incident().items() if slug) == ["1", "2", "4"]
    breakdown = police_breakdown(dataset="fbi", dimension="bias", regions=["sacramento"])
    assert {row.code: row.count for row in breakdown.rows}["Anti-Asian"] == 2  # code rows follow their incident


def test_an_exact_agency_beats_a_county_pattern(tmp_path: Path, sacramento) -> None:
    yolo = a_region("yolo", "Yolo")
    an_agency_rule(sacramento, ori="CA034*")
    an_agency_rule(yolo, ori="CA0340000")  # made up: the sheriff counted with Yolo
    an_fbi_import(write_zip(tmp_path / "fbi.zip", fbi_rows()))

    assert regions_by_incident()["2"] == "yolo"
    assert regions_by_incident()["1"] == "sacramento"
    assert PoliceAgencyRegion.objects.count() == 2
