"""An operator loads a deployment's regions (counties, wards…) from a GeoJSON file."""

from __future__ import annotations

import gzip
import json
import re
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.core.management import CommandError, call_command

from safecommunity.core.models import Region, RegionSet
from safecommunity.core.services import region_set_load

pytestmark = pytest.mark.django_db

REGIONS_DIR = Path(__file__).resolve().parent.parent / "data" / "regions"
SACRAMENTO_FILE = REGIONS_DIR / "greater-sacramento.geojson"
BAY_AREA_FILE = REGIONS_DIR / "sf-bay-area.geojson"


def load(path: Path, *extra: str) -> str:
    out = StringIO()
    call_command("load_regions", str(path), "--slug-property", "slug", "--name-property", "name", *extra, stdout=out)
    return out.getvalue()


def a_feature(slug: Any, name: Any, geometry: Any = None) -> dict[str, Any]:
    outline = geometry or {"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 0]]]}
    return {"type": "Feature", "properties": {"slug": slug, "name": name}, "geometry": outline}


def write_collection(path: Path, features: list[dict[str, Any]]) -> Path:
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}), encoding="utf-8")
    return path


def test_an_operator_loads_the_shipped_demo_counties_with_readable_slugs() -> None:
    output = load(SACRAMENTO_FILE, "--set-name", "Greater Sacramento")
    load(BAY_AREA_FILE, "--set-name", "SF Bay Area")

    assert "4 created" in output
    sacramento_area = RegionSet.objects.get(slug="greater-sacramento")
    assert sacramento_area.name == "Greater Sacramento"
    assert set(sacramento_area.regions.values_list("slug", flat=True)) == {"sacramento", "yolo", "placer", "el-dorado"}
    assert Region.objects.get(slug="el-dorado").name == "El Dorado"
    bay_area = set(RegionSet.objects.get(slug="sf-bay-area").regions.values_list("slug", flat=True))
    assert bay_area == {"san-francisco", "alameda", "san-mateo", "santa-clara", "contra-costa"}
    for region in Region.objects.all():
        assert region.geometry is not None
        assert region.geometry["type"] in {"Polygon", "MultiPolygon"}
        assert region.geometry["coordinates"]


def test_loading_the_same_file_again_puts_names_and_outlines_back_in_place() -> None:
    load(SACRAMENTO_FILE)
    before = dict(Region.objects.values_list("slug", "pk"))
    Region.objects.filter(slug="yolo").update(name="Yolo (renamed by mistake)", geometry=None)

    output = load(SACRAMENTO_FILE)

    assert "0 created, 1 updated, 3 unchanged" in output
    assert dict(Region.objects.values_list("slug", "pk")) == before
    yolo = Region.objects.get(slug="yolo")
    assert yolo.name == "Yolo"
    assert yolo.geometry is not None
    assert RegionSet.objects.count() == 1


def test_a_region_an_administrator_made_by_hand_gets_its_outline_and_keeps_its_reports(sacramento: Region) -> None:
    assert sacramento.geometry is None

    load(SACRAMENTO_FILE)

    sacramento.refresh_from_db()
    assert sacramento.geometry is not None
    assert sacramento.region_set.name == "Greater Sacramento"  # kept: no --set-name was given


def test_regions_not_in_the_file_are_left_alone() -> None:
    load(SACRAMENTO_FILE)
    region_set = RegionSet.objects.get(slug="greater-sacramento")
    Region.objects.create(region_set=region_set, slug="sutter", name="Sutter")

    load(SACRAMENTO_FILE)

    assert Region.objects.filter(slug="sutter", geometry__isnull=True).exists()


def test_a_gzipped_census_style_file_loads_with_its_own_property_names(tmp_path: Path) -> None:
    features = [
        {"type": "Feature", "id": "06067", "properties": {"NAME": "Sacramento", "GEO_ID": "0500000US06067"}},
        {"type": "Feature", "id": "06017", "properties": {"NAME": "El Dorado", "GEO_ID": "0500000US06017"}},
    ]
    for feature in features:
        feature["geometry"] = {"type": "MultiPolygon", "coordinates": [[[[0, 0], [1, 0], [1, 1], [0, 0]]]]}
    path = tmp_path / "counties.json.gz"
    path.write_bytes(gzip.compress(json.dumps({"type": "FeatureCollection", "features": features}).encode()))

    out = StringIO()
    call_command(
        "load_regions",
        str(path),
        "--slug-property=NAME",
        "--name-property=NAME",
        "--set=ca-counties",
        "--set-name=California counties",
        stdout=out,
    )

    assert RegionSet.objects.get(slug="ca-counties").name == "California counties"
    assert set(Region.objects.values_list("slug", "name")) == {("sacramento", "Sacramento"), ("el-dorado", "El Dorado")}


def test_the_set_slug_defaults_to_the_file_name(tmp_path: Path) -> None:
    path = write_collection(tmp_path / "city-wards.geojson", [a_feature("Ward 1", "Ward 1")])

    load(path)

    assert RegionSet.objects.get().slug == "city-wards"
    assert Region.objects.get().slug == "ward-1"


def test_a_region_may_come_without_an_outline() -> None:
    feature = a_feature("downtown", "Downtown")
    feature["geometry"] = None

    result = region_set_load(slug="wards", name="Wards", features=[feature], slug_property="slug", name_property="name")

    assert result.created == ("downtown",)
    assert Region.objects.get().geometry is None


@pytest.mark.parametrize(
    ("make_file", "message"),
    [
        (lambda tmp: tmp / "missing.geojson", r"No such file: .*missing\.geojson"),
        (lambda tmp: _text(tmp / "broken.geojson", '{"type": "FeatureCollection", '), r"not valid JSON \(line 1"),
        (lambda tmp: _text(tmp / "list.geojson", "[1, 2]"), "not a GeoJSON FeatureCollection"),
        (lambda tmp: write_collection(tmp / "empty.geojson", []), "no features"),
        (
            lambda tmp: write_collection(tmp / "nameless.geojson", [{"type": "Feature", "properties": {"slug": "x"}}]),
            r"Feature 1 has no 'name' property \(its properties are: slug\)",
        ),
        (
            lambda tmp: write_collection(
                tmp / "twice.geojson", [a_feature("El Dorado", "El Dorado"), a_feature("el dorado", "El Dorado 2")]
            ),
            r"Feature 2: duplicate slug 'el-dorado'",
        ),
        (
            lambda tmp: write_collection(
                tmp / "points.geojson", [a_feature("a", "A", {"type": "Point", "coordinates": [0, 0]})]
            ),
            "Polygon or MultiPolygon, not Point",
        ),
        (lambda tmp: write_collection(tmp / "blank.geojson", [a_feature("!!!", "Bangs")]), "gives an empty slug"),
    ],
    ids=[
        "missing-file",
        "bad-json",
        "not-a-collection",
        "no-features",
        "missing-property",
        "duplicate",
        "point",
        "blank",
    ],
)
def test_bad_input_is_refused_with_a_message_naming_the_problem(tmp_path: Path, make_file: Any, message: str) -> None:
    path = make_file(tmp_path)

    with pytest.raises(CommandError, match=message):
        load(path)

    assert not RegionSet.objects.exists()
    assert not Region.objects.exists()


def test_a_slug_already_used_by_another_region_set_is_refused_not_moved(tmp_path: Path) -> None:
    load(SACRAMENTO_FILE)
    path = write_collection(tmp_path / "other.geojson", [a_feature("placer", "Placer"), a_feature("nevada", "Nevada")])

    with pytest.raises(CommandError, match=r"already belong to another region set: placer \(greater-sacramento\)"):
        load(path)

    assert Region.objects.get(slug="placer").region_set.slug == "greater-sacramento"
    assert not Region.objects.filter(slug="nevada").exists()
    assert not RegionSet.objects.filter(slug="other").exists()


def test_the_shipped_region_files_are_small_and_rounded() -> None:
    for path in (SACRAMENTO_FILE, BAY_AREA_FILE):
        text = path.read_text(encoding="utf-8")
        assert len(text.encode()) < 200_000
        assert not re.search(r"\d\.\d{5,}", text), f"{path.name} has coordinates with more than 4 decimals"
        features = json.loads(text)["features"]
        assert all(set(feature["properties"]) == {"slug", "name"} for feature in features)


def _text(path: Path, content: str) -> Path:
    path.write_text(content, encoding="utf-8")
    return path
