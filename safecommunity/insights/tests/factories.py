"""Known sets of reports whose every statistic the tests can state in advance."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from django.conf import settings

from safecommunity.core.models import Region
from safecommunity.core.services import read_geojson_features, region_set_load
from safecommunity.reports.models import Report

REGIONS_DIR = Path(settings.BASE_DIR) / "safecommunity" / "core" / "data" / "regions"


def greater_sacramento() -> dict[str, Region]:
    """The four counties of the Sacramento coalition, with their boundaries."""
    region_set_load(
        slug="greater-sacramento",
        name="Greater Sacramento",
        features=read_geojson_features(REGIONS_DIR / "greater-sacramento.geojson"),
        slug_property="slug",
        name_property="name",
    )
    return {region.slug: region for region in Region.objects.filter(region_set__slug="greater-sacramento")}


def a_counted_report(**fields: Any) -> Report:
    """A report with consent to statistics and only coded fields, as the statistics see it."""
    values: dict[str, Any] = {
        "occurred_on": dt.date(2025, 3, 14),
        "incident_types": ["verbal_harassment"],
        "consent_statistics": True,
    }
    values.update(fields)
    return Report.objects.create(**values)


# The brief one founding coalition assembled by hand: 66 reports in four counties.
BRIEF_REGIONS = {"sacramento": 44, "yolo": 11, "placer": 7, "el-dorado": 4}
BRIEF_EXPECTED: dict[str, dict[str, int]] = {
    "region": BRIEF_REGIONS,
    "incident_types": {"verbal_harassment": 42, "shunning": 13, "physical_assault": 6, "threat": 5},
    "location_type": {"business": 27, "street": 10, "public_transit": 9, "online": 0, "school": 8, "workplace": 12},
    "bias_motivations": {"race": 62, "ethnicity": 43, "religion": 4},
    "targeted_ethnicities": {"chinese": 25, "hmong": 10, "vietnamese": 9, "filipino": 8, "korean": 6, "not_stated": 8},
    "age_group": {"26_35": 19, "18_25": 12, "36_45": 14, "46_60": 11, "over_60": 10},
    "gender": {"female": 47, "male": 18, "not_stated": 1},
    "channel": {"web": 50, "phone": 16},
    "year": {"2024": 30, "2025": 36},
}


def brief_reports() -> list[Report]:
    """66 counted reports whose shares are those of the published Sacramento-area brief:
    66.67 % Sacramento, 16.67 % Yolo, 10.61 % Placer, 6.06 % El Dorado; 63.6 % verbal harassment,
    19.7 % shunning; 40.9 % in businesses, 15.2 % on streets; race 93.9 %, ethnicity 65.2 %;
    Chinese 37.9 %, Hmong 15.2 %; 28.8 % aged 26-35; 71.2 % women."""
    regions = greater_sacramento()

    def spread(counts: dict[str, int]) -> list[str]:
        return [code for code, count in counts.items() for _ in range(count)]

    region_codes = spread(BRIEF_REGIONS)
    incidents = spread(BRIEF_EXPECTED["incident_types"])
    locations = spread({code: n for code, n in BRIEF_EXPECTED["location_type"].items()})
    ethnicities = spread(BRIEF_EXPECTED["targeted_ethnicities"])
    ages = spread(BRIEF_EXPECTED["age_group"])
    genders = spread(BRIEF_EXPECTED["gender"])
    channels = spread(BRIEF_EXPECTED["channel"])
    made = []
    for index in range(66):
        biases = []
        if index < 62:
            biases.append("race")
        if 20 <= index < 63:
            biases.append("ethnicity")
        if index >= 62:
            biases.append("religion")
        # Spread over two years: 30 in 2024 and 36 in 2025, a few a month.
        year = 2024 if index % 11 < 5 else 2025
        month = index % 12 + 1
        made.append(
            a_counted_report(
                region=regions[region_codes[index]],
                incident_types=[incidents[index]],
                location_type=locations[index],
                bias_motivations=biases,
                targeted_ethnicities=[] if ethnicities[index] == "not_stated" else [ethnicities[index]],
                age_group=ages[index],
                gender="" if genders[index] == "not_stated" else genders[index],
                channel=channels[index],
                occurred_on=dt.date(year, month, 1 + index % 27),
            )
        )
    return made
