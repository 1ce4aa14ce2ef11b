"""A coalition partner brings its spreadsheet of reports, and the coalition shares reports onward without personal data."""

from __future__ import annotations

import csv
import datetime as dt
import io
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from safecommunity.core.models import Region
from safecommunity.reports.interchange import COLUMNS, parse_rows
from safecommunity.reports.models import Report
from safecommunity.reports.services import reports_import
from safecommunity.reports.tests.factories import a_submitted_report

pytestmark = pytest.mark.django_db

SAMPLE = Path(settings.BASE_DIR) / "docs" / "interchange-sample.csv"


@pytest.fixture
def demo_regions(sacramento: Region) -> dict[str, Region]:
    """The counties the sample file names."""
    regions = {"sacramento": sacramento}
    for slug, name in [("yolo", "Yolo"), ("placer", "Placer"), ("el-dorado", "El Dorado"), ("alameda", "Alameda")]:
        regions[slug] = Region.objects.create(region_set=sacramento.region_set, slug=slug, name=name)
    return regions


def a_row(**cells: str) -> dict[str, str]:
    """One spreadsheet row with every column, valid unless overridden."""
    row = dict.fromkeys(COLUMNS, "")
    row.update(
        external_id="P-1",
        occurred_on="2025-03-14",
        region="sacramento",
        incident_types="verbal_harassment",
        location_type="street",
    )
    row.update(cells)
    return row


def a_spreadsheet(tmp_path: Path, rows: list[dict[str, str]], *, name: str = "partner.csv", bom: bool = False) -> Path:
    columns = list(dict.fromkeys(name for row in rows for name in row))
    path = tmp_path / name
    with path.open("w", encoding="utf-8-sig" if bom else "utf-8", newline="") as file:
        writer = csv.DictWriter(file, fieldnames=columns)
        writer.writeheader()
        writer.writerows(rows)
    return path


def the_sample_with(tmp_path: Path, old: str, new: str) -> Path:
    text = SAMPLE.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "edited.csv"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def import_file(path: Path, *options: str, source: str = "api-sacramento") -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("import_reports", str(path), "--source", source, *options, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def failed_import(path: Path, *options: str, source: str = "api-sacramento") -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    with pytest.raises(CommandError) as failure:
        call_command("import_reports", str(path), "--source", source, *options, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue() + str(failure.value)


def export(*options: str) -> str:
    out, err = io.StringIO(), io.StringIO()
    call_command("export_reports", *options, stdout=out, stderr=err)
    return out.getvalue()


def test_a_partner_imports_its_spreadsheet(demo_regions: dict[str, Region]) -> None:
    out, _err = import_file(SAMPLE)

    assert "Created 10, updated 0, unchanged 0, invalid 0." in out
    assert Report.objects.filter(source="api-sacramento").count() == 10
    bus = Report.objects.get(external_id="API-2025-0001")
    assert bus.region == demo_regions["sacramento"]
    assert bus.occurred_on == dt.date(2025, 1, 18) and bus.occurred_precision == "day"
    assert bus.incident_types == ["verbal_harassment"]
    assert bus.bias_motivations == ["race", "national_origin"]
    assert bus.description == 'A man on the 51 bus shouted at my grandmother to "go back to China".'
    assert bus.channel == "partner" and bus.consent_statistics is True
    assert bus.receipt_hash is None

    store = Report.objects.get(external_id="API-2025-0002")
    assert store.occurred_on == dt.date(2025, 2, 1) and store.occurred_precision == "month"
    assert store.incident_types == ["shunning", "coughed_spat_on"]
    assert store.channel == "partner", "an empty channel cell means the partner's records"

    online = Report.objects.get(external_id="API-2025-0003")
    assert online.region is None and online.location_type == "online"
    assert online.description == "Hateful comments under my posts for weeks,\nsometimes dozens a day."
    assert online.channel == "email"

    assert Report.objects.get(external_id="API-2025-0006").consent_statistics is False
    assert Report.objects.get(external_id="API-2025-0007").incident_types == []


def test_imported_descriptions_are_encrypted_at_rest(demo_regions: dict[str, Region]) -> None:
    import_file(SAMPLE)

    report = Report.objects.get(external_id="API-2025-0004")
    with connection.cursor() as cursor:
        cursor.execute("SELECT description FROM reports_report WHERE id = %s", [report.pk])
        (stored,) = cursor.fetchone()
    assert stored.startswith("fernet:")
    assert "empujaron" not in stored
    assert report.description == "Me empujaron y me amenazaron en la calle."


def test_a_partners_spreadsheet_with_a_typo_names_the_row_and_column(
    demo_regions: dict[str, Region], tmp_path: Path
) -> None:
    # The 8th report is on spreadsheet row 9, though a description with a line break above makes it line 10 of the file.
    path = the_sample_with(tmp_path, "verbal_harassment;threat", "verbal_harrasment;threat")

    out, err = failed_import(path)

    assert 'row 9, column incident_types: unknown code "verbal_harrasment"; did you mean "verbal_harassment"?' in err
    assert "allowed: verbal_harassment, shunning, physical_assault" in err
    assert "Nothing was imported: 1 invalid row(s)." in err
    assert "Created 0, updated 0, unchanged 0, invalid 1." in out
    assert Report.objects.count() == 0


def test_every_kind_of_mistake_is_named_with_its_row_and_column(tmp_path: Path, sacramento: Region) -> None:
    rows = [
        a_row(external_id="A", occurred_on="2099-01-01"),
        a_row(external_id="B", occurred_on="3/14/2025"),
        a_row(external_id="C", occurred_on="2025-02-30"),
        a_row(external_id="D", region="sacremento"),
        a_row(external_id=""),
        a_row(external_id="E", incident_types="", description=""),
        a_row(external_id="F", region="", location_type="street"),
        a_row(external_id="G", gender="female;male", reported_to_police="maybe"),
        a_row(external_id="H", consent_statistics="perhaps", description_language="English!"),
        a_row(external_id="I"),
        a_row(external_id="I", region="", location_type="online"),
        a_row(external_id="J", region="", location_type="onlin"),
    ]

    result = parse_rows(
        csv.reader(io.StringIO(a_spreadsheet(tmp_path, rows).read_text(encoding="utf-8"), newline="")),
        regions={"sacramento": sacramento.pk},
        today=dt.date(2026, 11, 21),
    )

    assert [str(error) for error in result.errors] == [
        'row 2, column occurred_on: "2099-01-01" is in the future',
        'row 3, column occurred_on: "3/14/2025" is not a date; use YYYY-MM-DD (for example 2026-03-14), or YYYY-MM '
        "(for example 2026-03) when only the month is known (spreadsheets may rewrite dates: format the column as text)",
        'row 4, column occurred_on: "2025-02-30" is not a date that exists',
        'row 5, column region: unknown region "sacremento"; did you mean "sacramento"?',
        "row 6, column external_id: is empty; every row needs the partner's own id for the report",
        "row 7, column incident_types: is empty and so is description; a row needs at least one of them",
        'row 8, column region: is empty; give a region slug, or set location_type to "online"',
        'row 9, column gender: "female;male" holds several values; only one is allowed here: '
        "female, male, nonbinary, another, prefer_not_to_say",
        'row 9, column reported_to_police: unknown code "maybe"; allowed: yes, no, unknown',
        'row 10, column description_language: "english!" is not a language code; use codes like en, es, vi, zh-hans',
        'row 10, column consent_statistics: "perhaps" is not yes or no (leave it empty for yes)',
        'row 11, column external_id: "I" appears in more than one row (11, 12); each report needs its own id',
        'row 12, column external_id: "I" appears in more than one row (11, 12); each report needs its own id',
        'row 13, column location_type: unknown code "onlin"; did you mean "online"?; allowed: business, street, '
        "public_transit, school, workplace, online, residence, park, place_of_worship, healthcare, government, other",
    ]
    assert result.rows == [] and result.invalid == 12 and result.rows_read == 12


def test_a_spreadsheet_missing_a_column_is_refused_at_the_header(tmp_path: Path, sacramento: Region) -> None:
    row = a_row()
    del row["region"]
    row["Region Name"] = "sacramento"

    _out, err = failed_import(a_spreadsheet(tmp_path, [row]), "--skip-invalid")

    assert (
        'row 1, column region: this required column is missing from the header row; is it the column named "region_name"?'
        in err
    )
    assert "the header row is not right" in err
    assert Report.objects.count() == 0


def test_excel_csv_with_a_bom_shuffled_columns_and_loose_spacing_imports(tmp_path: Path, sacramento: Region) -> None:
    row = a_row(
        incident_types=" Verbal_Harassment ;  threat;verbal_harassment ",
        region=" Sacramento ",
        description="  Someone spat near me.  ",
        description_language="zh_Hans",
    )
    shuffled = {"Partner notes": "called back twice", **dict(reversed(list(row.items())))}
    shuffled["Incident Types"] = shuffled.pop("incident_types")

    out, err = import_file(a_spreadsheet(tmp_path, [shuffled], bom=True))

    assert "Created 1" in out
    assert 'Ignoring column "partner_notes"' in err
    report = Report.objects.get()
    assert report.incident_types == ["verbal_harassment", "threat"]
    assert report.region == sacramento
    assert report.description == "Someone spat near me."
    assert report.description_language == "zh-hans"
    assert report.consent_statistics is True, "without a consent column the partner's own consent counts"


def test_re_importing_the_same_file_changes_nothing(demo_regions: dict[str, Region]) -> None:
    import_file(SAMPLE)
    before = dict(Report.objects.values_list("external_id", "updated_at"))

    out, _err = import_file(SAMPLE)

    assert "Created 0, updated 0, unchanged 10, invalid 0." in out
    assert dict(Report.objects.values_list("external_id", "updated_at")) == before


def test_a_corrected_spreadsheet_updates_only_the_rows_that_changed(
    demo_regions: dict[str, Region], tmp_path: Path
) -> None:
    import_file(SAMPLE)
    Report.objects.filter(external_id="API-2025-0004").update(status="in_review")
    corrected = the_sample_with(
        tmp_path, "physical_assault;threat,street,race,filipino", "physical_assault,street,race,filipino"
    )

    out, _err = import_file(corrected)

    assert "Created 0, updated 1, unchanged 9, invalid 0." in out
    report = Report.objects.get(external_id="API-2025-0004")
    assert report.incident_types == ["physical_assault"]
    assert report.description == "Me empujaron y me amenazaron en la calle."
    assert report.status == "in_review", "staff's work on the report stays"


def test_the_same_ids_from_another_partner_are_other_reports(demo_regions: dict[str, Region]) -> None:
    import_file(SAMPLE, source="api-sacramento")

    out, _err = import_file(SAMPLE, source="yolo-family-services")

    assert "Created 10" in out
    assert Report.objects.count() == 20


def test_skip_invalid_imports_the_good_rows(demo_regions: dict[str, Region], tmp_path: Path) -> None:
    path = the_sample_with(tmp_path, "2025-05-11,sacramento", "2025-05-11,sacremento")

    out, err = import_file(path, "--skip-invalid")

    assert 'row 7, column region: unknown region "sacremento"' in err
    assert "Skipped 1 invalid row(s), listed above." in err
    assert "Created 9, updated 0, unchanged 0, invalid 1." in out
    assert not Report.objects.filter(external_id="API-2025-0006").exists()


def test_a_dry_run_counts_but_writes_nothing(demo_regions: dict[str, Region]) -> None:
    out, _err = import_file(SAMPLE, "--dry-run")

    assert "Created 10, updated 0, unchanged 0, invalid 0." in out
    assert "Dry run: nothing was written." in out
    assert Report.objects.count() == 0


def test_a_dry_run_of_a_file_with_mistakes_fails_like_the_real_import(
    demo_regions: dict[str, Region], tmp_path: Path
) -> None:
    path = the_sample_with(tmp_path, "2025-09,", "2031-09,")

    _out, err = failed_import(path, "--dry-run")

    assert 'row 11, column occurred_on: "2031-09" is in the future' in err


def test_the_importer_needs_a_file_it_can_read(tmp_path: Path, sacramento: Region) -> None:
    latin1 = tmp_path / "latin1.csv"
    latin1.write_bytes(",".join(COLUMNS).encode() + b"\nP-1,2025-03-14,sacramento,threat,street,,,,,Caf\xe9,,,,\n")

    _out, err = failed_import(latin1)
    assert "is not UTF-8 text" in err and "CSV UTF-8" in err

    _out, err = failed_import(tmp_path / "missing.csv")
    assert "There is no file" in err


def test_an_export_holds_no_personal_data_and_imports_again_elsewhere(
    demo_regions: dict[str, Region], tmp_path: Path
) -> None:
    import_file(SAMPLE)
    ours = a_submitted_report(
        region_id=demo_regions["placer"].pk,
        location_type="business",
        description="The owner of the shop on Main Street told me to leave.",
        place="123 Main Street, Auburn",
        may_contact=True,
        contact_methods=["email"],
        contact_name="Lan",
        contact_email="lan@example.com",
        police_report_number="APD-2026-123",
    ).report
    a_submitted_report(description="Please keep this out of any numbers.", consent_statistics=False)

    exported = export()

    for secret in ["Main Street", "lan@example.com", "Lan", "APD-2026", "keep this out", "grandmother", "API-2025"]:
        assert secret not in exported
    rows = list(csv.DictReader(io.StringIO(exported)))
    assert {row["description"] for row in rows} == {""}
    assert str(ours.public_id) in {row["external_id"] for row in rows}
    # Not exported: no consent (API-2025-0006, the second web report), or nothing but a description (API-2025-0007).
    assert len(rows) == 9
    assert {row["occurred_on"] for row in rows} >= {"2025-02", "2025-01-18"}

    Report.objects.filter(source="").delete()
    path = tmp_path / "export.csv"
    path.write_text(exported, encoding="utf-8")
    out, _err = import_file(path, source="capital-coalition")
    assert "Created 9, updated 0, unchanged 0, invalid 0." in out
    again = Report.objects.get(source="capital-coalition", external_id=str(ours.public_id))
    assert again.description == "" and again.region == demo_regions["placer"] and again.channel == "web"
    month = Report.objects.get(
        source="capital-coalition",
        external_id=str(Report.objects.get(source="api-sacramento", external_id="API-2025-0002").public_id),
    )
    assert month.occurred_precision == "month" and month.incident_types == ["shunning", "coughed_spat_on"]


def test_an_export_can_be_narrowed_to_a_source_and_a_day_and_written_to_a_file(
    demo_regions: dict[str, Region], tmp_path: Path
) -> None:
    import_file(SAMPLE)
    ours = a_submitted_report().report
    Report.objects.filter(source="api-sacramento").update(submitted_at=dt.datetime(2025, 10, 1, tzinfo=dt.UTC))

    own = export("--source", "")
    assert [row["external_id"] for row in csv.DictReader(io.StringIO(own))] == [str(ours.public_id)]
    partner = export("--source", "api-sacramento")
    assert len(list(csv.DictReader(io.StringIO(partner)))) == 8
    recent = export("--since", "2026-01-01")
    assert [row["external_id"] for row in csv.DictReader(io.StringIO(recent))] == [str(ours.public_id)]

    output = tmp_path / "out.csv"
    export("--output", str(output))
    assert output.read_text(encoding="utf-8").splitlines()[0].startswith("external_id,occurred_on,region,")

    with pytest.raises(CommandError, match="is not a date"):
        export("--since", "last week")


def test_the_service_refuses_rows_without_their_own_ids(sacramento: Region) -> None:
    result = parse_rows(
        [list(COLUMNS), list(a_row().values())], regions={"sacramento": sacramento.pk}, today=dt.date(2026, 1, 1)
    )
    with pytest.raises(ValueError, match="its own"):
        reports_import(rows=result.rows * 2, source="api", dry_run=False)
    with pytest.raises(ValueError, match="source"):
        reports_import(rows=result.rows, source=" ", dry_run=False)


@pytest.mark.slow
def test_a_large_spreadsheet_imports_quickly_with_a_progress_bar(sacramento: Region, tmp_path: Path) -> None:
    incident_types = ["verbal_harassment", "shunning;threat", "physical_assault", "online_harassment", ""]
    rows = [
        a_row(
            external_id=f"BIG-{number:05d}",
            occurred_on=f"2025-{number % 12 + 1:02d}"
            if number % 3
            else f"2025-{number % 12 + 1:02d}-{number % 28 + 1:02d}",
            incident_types=incident_types[number % 5],
            description=f"Report number {number}, told to the partner by phone." if number % 2 else "",
            description_language="en" if number % 2 else "",
            targeted_ethnicities="chinese;vietnamese" if number % 4 else "hmong",
        )
        for number in range(5000)
    ]
    rows = [row for row in rows if row["incident_types"] or row["description"]]
    path = a_spreadsheet(tmp_path, rows)

    started = time.perf_counter()
    out, err = import_file(path)
    elapsed = time.perf_counter() - started

    assert f"Created {len(rows)}, updated 0, unchanged 0, invalid 0." in out
    assert "Checking rows" in err and "Writing reports" in err, "a file this large shows a progress bar"
    assert elapsed < 30, f"importing {len(rows)} rows took {elapsed:.1f} s"
    assert Report.objects.filter(description="").count() == len([row for row in rows if not row["description"]])

    out, _err = import_file(path)
    assert f"Created 0, updated 0, unchanged {len(rows)}, invalid 0." in out


def test_a_small_file_shows_no_progress_bar_when_not_on_a_terminal(demo_regions: dict[str, Region]) -> None:
    _out, err = import_file(SAMPLE)

    assert "Checking rows" not in err and "Writing reports" not in err
