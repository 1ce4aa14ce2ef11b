"""An operator imports files from the command line; bad input gets a clear message, never a traceback."""

from __future__ import annotations

import zipfile
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from safecommunity.policedata.models import PoliceIncident
from safecommunity.policedata.tests.factories import CITY_CSV, CITY_MAPPING, fbi_rows, write_csv, write_zip

pytestmark = pytest.mark.django_db


def run(*args: str) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command(*args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_the_fbi_command_reports_what_it_imported_and_how_long_it_took(tmp_path: Path) -> None:
    out, _err = run("import_fbi_hate_crime", str(write_zip(tmp_path / "fbi.zip", fbi_rows())))

    assert "Imported 8 incidents into the dataset 'fbi' in" in out
    assert "8 new, 0 updated" in out


def test_the_generic_command_imports_a_city_file_with_its_mapping() -> None:
    out, _err = run("import_police_data", str(CITY_CSV), "--mapping", str(CITY_MAPPING))

    assert "14 new" in out and "6 merged" in out
    assert PoliceIncident.objects.filter(dataset__slug="oakland-pd").count() == 14


def test_problem_rows_and_unmapped_labels_are_listed(tmp_path: Path) -> None:
    rows = fbi_rows()
    rows[1][0] = ""
    rows[2][10] = "Jaywalking"
    _out, err = run("import_fbi_hate_crime", str(write_csv(tmp_path / "fbi.csv", rows)))

    assert "Line 2: The incident id is empty" in err
    assert "'Jaywalking'" not in err  # offenses fall back to "other" in the FBI mapping
    rows[2][12] = "Anti-Martian"
    _out, err = run("import_fbi_hate_crime", str(write_csv(tmp_path / "fbi.csv", rows)))
    assert "[codes.bias_motivations]" in err and "'Anti-Martian': 1 incident(s)" in err


@pytest.mark.parametrize(
    ("make_file", "message"),
    [
        (lambda tmp: tmp / "missing.zip", "There is no file"),
        (lambda tmp: tmp, "is a folder"),
        (lambda tmp: _text(tmp / "empty.csv", ""), "is empty"),
        (lambda tmp: _text(tmp / "other.csv", "name,city\nAnn,Davis\n"), "The file has no column INCIDENT_ID"),
        (lambda tmp: _zip_without_csv(tmp / "photos.zip"), "holds no file named like hate_crime*.csv"),
        (lambda tmp: _bytes(tmp / "latin1.csv", "INCIDENT_ID,DATA_YEAR,BIAS_DESC\n1,2019,Anti-Fran\xe7ais\n"), "is not utf-8-sig text"),
    ],
)  # fmt: skip
def test_a_file_that_cannot_be_imported_gets_a_clear_message(tmp_path: Path, make_file, message: str) -> None:
    with pytest.raises(CommandError, match=message.replace("*", r"\*")):
        run("import_fbi_hate_crime", str(make_file(tmp_path)))
    assert not PoliceIncident.objects.exists()


@pytest.mark.parametrize(
    ("mapping", "message"),
    [
        ("[dataset\nslug = 'x'", "is not valid TOML"),
        ("[dataset]\nslug = 'city'\nname = 'City'\n[columns]\nbias = 'Bias'\n", "must name the id column"),
        (
            "[dataset]\nslug = 'city'\nname = 'City'\n[columns]\nid = 'Id'\nbias = 'Bias'\nyear = 'Year'\n"
            "[codes.bias_motivations]\n'Anti-Asian' = 'asian'\n",
            "maps “Anti-Asian” to “asian”, which is not one of the project's codes",
        ),
        (
            "[dataset]\nslug = 'city'\nname = 'City'\n[columns]\nid = 'Id'\nbias = 'Bias'\nyaer = 'Year'\n",
            "has keys this importer does not know: yaer",
        ),
        ("[dataset]\nslug = 'City PD'\nname = 'City'\n", "slug must be 1 to 50 lower-case letters"),
    ],
)
def test_a_mapping_that_cannot_be_used_gets_a_clear_message(tmp_path: Path, mapping: str, message: str) -> None:
    mapping_file = _text(tmp_path / "mapping.toml", mapping)
    with pytest.raises(CommandError, match=message):
        run("import_police_data", str(CITY_CSV), "--mapping", str(mapping_file))


def test_a_missing_mapping_file_gets_a_clear_message(tmp_path: Path) -> None:
    with pytest.raises(CommandError, match="There is no mapping file"):
        run("import_police_data", str(CITY_CSV), "--mapping", str(tmp_path / "nope.toml"))


def _text(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def _bytes(path: Path, text: str) -> Path:
    path.write_bytes(text.encode("latin-1"))
    return path


def _zip_without_csv(path: Path) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("photo.jpg", b"\xff\xd8")
    return path
