"""The map of reports by region: drawn from the stored boundaries, no tile server, no hidden number."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import Any

import pytest

from safecommunity.insights.maps import PALETTE, choropleth, class_breaks
from safecommunity.insights.suppression import COMPLEMENTARY, SMALL, PublishedBreakdown, PublishedRow

SVG = "{http://www.w3.org/2000/svg}"


def parsed(svg: str) -> ET.Element:
    return ET.fromstring(svg)  # noqa: S314 - an SVG these tests just drew


def square(west: float, south: float, size: float = 0.5) -> dict[str, Any]:
    ring = [[west, south], [west + size, south], [west + size, south + size], [west, south + size], [west, south]]
    return {"type": "Polygon", "coordinates": [ring]}


GEOMETRIES: dict[str, dict[str, Any]] = {
    "sacramento": square(-121.5, 38.3),
    "yolo": square(-122.0, 38.3),
    "placer": {
        "type": "MultiPolygon",
        "coordinates": [square(-121.0, 38.8)["coordinates"], square(-120.3, 39.0)["coordinates"]],
    },
    "el-dorado": square(-120.5, 38.5),
    "broken": {"type": "Point", "coordinates": [-121.0, 38.0]},
}


def regions() -> PublishedBreakdown:
    return PublishedBreakdown(
        dimension="region",
        total=66,
        threshold=5,
        rows=[
            PublishedRow("sacramento", "Sacramento", 44, 66.67),
            PublishedRow("yolo", "Yolo <& Co>", 11, 16.67),
            PublishedRow("placer", "Placer", None, None, COMPLEMENTARY),
            PublishedRow("el-dorado", "El Dorado", None, None, SMALL),
            PublishedRow("online", "Online", 7, 10.6),
            PublishedRow("broken", "Broken", 4, 6.0),
        ],
    )


def paths(svg: str) -> dict[str, ET.Element]:
    root = parsed(svg)
    found = {}
    for path in root.iter(f"{SVG}path"):
        title = path.find(f"{SVG}title")
        assert title is not None and title.text
        found[title.text] = path
    return found


def test_regions_with_a_boundary_are_paths_titled_with_their_count() -> None:
    svg = choropleth(regions(), title="Reports by region", region_geometries=GEOMETRIES)
    root = parsed(svg)
    assert root.get("role") == "img"
    assert root.find(f"{SVG}title") is not None
    drawn = paths(svg)
    assert set(drawn) == {"Sacramento: 44", "Yolo <& Co>: 11", "Placer: hidden", "El Dorado: fewer than 5"}
    # Online and a region whose geometry is not a polygon are only in the table.
    assert not any(name.startswith(("Online", "Broken")) for name in drawn)
    # A MultiPolygon is one path of two rings.
    assert drawn["Placer: hidden"].get("d", "").count("M") == 2
    assert not re.search(r"\sstyle=", svg) and "http://" not in svg.replace("http://www.w3.org/2000/svg", "")


def test_hidden_regions_are_hatched_and_the_legend_says_why() -> None:
    svg = choropleth(regions(), title="Reports by region", region_geometries=GEOMETRIES)
    drawn = paths(svg)
    for name in ("Placer: hidden", "El Dorado: fewer than 5"):
        assert drawn[name].get("fill", "").startswith("url(#")
    assert drawn["Sacramento: 44"].get("fill") == PALETTE[-1]
    legend = " ".join(parsed(svg).itertext())
    assert "fewer than 5" in legend and "hidden" in legend


def test_colours_come_from_published_counts_only() -> None:
    assert class_breaks([None, 0, 5]) == [(5, 5)]
    assert class_breaks([7, 11, 44, None]) == [(7, 14), (15, 22), (23, 30), (31, 38), (39, 44)]
    assert class_breaks([]) == []


def test_points_closer_than_a_pixel_are_dropped() -> None:
    ring = [[-121.5 + i * 1e-6, 38.3] for i in range(500)] + [[-121.0, 38.3], [-121.0, 38.8], [-121.5, 38.3]]
    svg = choropleth(
        PublishedBreakdown("region", 20, 5, [PublishedRow("sacramento", "Sacramento", 20, 100.0)]),
        title="Map",
        region_geometries={"sacramento": {"type": "Polygon", "coordinates": [ring]}},
    )
    assert paths(svg)["Sacramento: 20"].get("d", "").count("L") < 10


def test_without_any_boundary_the_map_says_so() -> None:
    svg = choropleth(regions(), title="Reports by region", region_geometries={})
    assert "None of these regions has a boundary to draw." in " ".join(parsed(svg).itertext())


@pytest.mark.django_db
def test_boundaries_are_read_from_the_regions() -> None:
    from safecommunity.insights.tests.factories import greater_sacramento

    greater_sacramento()
    table = PublishedBreakdown("region", 20, 5, [PublishedRow("sacramento", "Sacramento", 20, 100.0)])
    svg = choropleth(table, title="Reports by region")
    assert set(paths(svg)) == {"Sacramento: 20"}
    assert len(svg) < 20_000
