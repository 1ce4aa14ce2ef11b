"""Small police files written for the stories: FBI-shaped CSVs (old or new headers, plain or zipped)."""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

from safecommunity.core.models import Region
from safecommunity.core.tests.factories import sacramento_region
from safecommunity.policedata.mapping import FBI_MAPPING, load_mapping
from safecommunity.policedata.models import PoliceAgencyRegion
from safecommunity.policedata.services import ImportResult, police_dataset_import

TESTS_DATA = Path(__file__).resolve().parent / "data"
CITY_CSV = TESTS_DATA / "city_hate_crimes.csv"
CITY_MAPPING = Path(__file__).resolve().parents[1] / "mappings" / "city_example.toml"

OLD_HEADER = [
    "INCIDENT_ID", "DATA_YEAR", "ORI", "PUB_AGENCY_NAME", "PUB_AGENCY_UNIT", "AGENCY_TYPE_NAME", "STATE_ABBR",
    "STATE_NAME", "INCIDENT_DATE", "VICTIM_COUNT", "OFFENSE_NAME", "LOCATION_NAME", "BIAS_DESC",
    "MULTIPLE_OFFENSE", "MULTIPLE_BIAS",
]  # fmt: skip

# id, year, ORI, agency, type, state, date (old style), victims, offenses, locations, biases
INCIDENTS = [
    ("1", 2019, "CA0340400", "Sacramento", "City", "CA", "05-Mar-19", "1", "Intimidation", "Residence/Home", "Anti-Asian"),
    ("2", 2019, "CA0340000", "Sacramento", "County", "CA", "17-Apr-19", "2", "Simple Assault;Intimidation",
     "Highway/Road/Alley/Street/Sidewalk", "Anti-Asian"),
    ("3", 2019, "CA0010900", "Oakland", "City", "CA", "02-Jun-19", "0", "Destruction/Damage/Vandalism of Property",
     "Church/Synagogue/Temple/Mosque", "Anti-Jewish"),
    ("4", 2020, "CA0340400", "Sacramento", "City", "CA", "11-Jan-20", "1", "Aggravated Assault",
     "Parking/Drop Lot/Garage", "Anti-Black or African American;Anti-Gay (Male)"),
    ("5", 2020, "CA0380100", "San Francisco", "City", "CA", "23-Mar-20", "1", "Intimidation",
     "Air/Bus/Train Terminal;Highway/Road/Alley/Street/Sidewalk", "Anti-Asian"),
    ("6", 2020, "NY0303000", "New York", "City", "NY", "30-Mar-20", "3", "Simple Assault;Robbery",
     "Highway/Road/Alley/Street/Sidewalk", "Anti-Asian"),
    ("7", 2020, "NY0303000", "New York", "City", "NY", "04-Apr-20", "1", "Intimidation", "Cyberspace", "Anti-Jewish"),
    ("8", 2020, "TX0570100", "Dallas", "City", "TX", "12-May-20", "1", "Simple Assault", "School-Elementary/Secondary",
     "Anti-Hispanic or Latino"),
]  # fmt: skip


def fbi_rows(*, lower_case: bool = False, new_dates: bool = False) -> list[list[str]]:
    header = [name.lower() for name in OLD_HEADER] if lower_case else list(OLD_HEADER)
    rows = [header]
    months = {"Jan": 1, "Mar": 3, "Apr": 4, "May": 5, "Jun": 6}
    for id_, year, ori, agency, kind, state, date, victims, offenses, locations, biases in INCIDENTS:
        if new_dates:
            day, month, _yy = date.split("-")
            date = f"{year}-{months[month]:02d}-{day}"
        rows.append(
            [id_, str(year), ori, agency, "", kind, state, "", date, victims, offenses, locations, biases,
             "M" if ";" in offenses else "S", "M" if ";" in biases else "S"]
        )  # fmt: skip
    return rows


def write_csv(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as file:
        csv.writer(file).writerows(rows)
    return path


def write_zip(path: Path, rows: list[list[str]], *, member: str = "hate_crime.csv") -> Path:
    text = io.StringIO()
    csv.writer(text).writerows(rows)
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("README.txt", "The FBI's hate crime incidents.")
        archive.writestr(member, text.getvalue())
    return path


def an_fbi_import(path: Path, *, replace: bool = False) -> ImportResult:
    return police_dataset_import(path=path, mapping=load_mapping(FBI_MAPPING), replace=replace)


def a_city_import(path: Path = CITY_CSV) -> ImportResult:
    return police_dataset_import(path=path, mapping=load_mapping(CITY_MAPPING))


def a_region(slug: str, name: str) -> Region:
    sacramento = sacramento_region()
    region, _ = Region.objects.get_or_create(slug=slug, defaults={"name": name, "region_set": sacramento.region_set})
    return region


def an_agency_rule(region: Region, *, ori: str = "", name: str = "", state: str = "CA") -> PoliceAgencyRegion:
    return PoliceAgencyRegion.objects.create(region=region, state=state, ori_pattern=ori, name_pattern=name)
