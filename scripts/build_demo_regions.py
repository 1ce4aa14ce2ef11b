#!/usr/bin/env python3
"""Build the demo region files shipped in ``safecommunity/core/data/regions/``.

A one-off, run by hand from the repository root when the demo regions change:

    .venv/bin/python scripts/build_demo_regions.py [path/to/us-counties-2010-census-20m.geojson.gz]

It reads the US Census 2010 county outlines (1:20,000,000) from ``../shared``,
keeps the California counties of each demo area, rounds coordinates to four
decimals (about 10 m) and writes one small FeatureCollection per area with the
properties ``slug`` and ``name`` that ``manage.py load_regions`` expects. The
product only ever reads the files written here, never ``../shared``.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
DEFAULT_SOURCE = REPO.parent / "shared" / "data" / "geo" / "us-counties-2010-census-20m.geojson.gz"
OUT_DIR = REPO / "safecommunity" / "core" / "data" / "regions"
CALIFORNIA = "06"
DECIMALS = 4

# Output file stem -> the county names (the Census NAME property) it holds.
AREAS: dict[str, list[str]] = {
    "greater-sacramento": ["Sacramento", "Yolo", "Placer", "El Dorado"],
    "sf-bay-area": ["San Francisco", "Alameda", "San Mateo", "Santa Clara", "Contra Costa"],
}


def slug_for(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def round_ring(ring: list[list[float]]) -> list[list[float]]:
    """Round each position and drop the repeats rounding creates (a ring stays closed)."""
    rounded: list[list[float]] = []
    for position in ring:
        point = [round(position[0], DECIMALS), round(position[1], DECIMALS)]
        if not rounded or rounded[-1] != point:
            rounded.append(point)
    if rounded and rounded[0] != rounded[-1]:
        rounded.append(rounded[0])
    return rounded


def round_geometry(geometry: dict[str, Any]) -> dict[str, Any]:
    if geometry["type"] == "Polygon":
        return {"type": "Polygon", "coordinates": [round_ring(ring) for ring in geometry["coordinates"]]}
    if geometry["type"] == "MultiPolygon":
        polygons = [[round_ring(ring) for ring in polygon] for polygon in geometry["coordinates"]]
        return {"type": "MultiPolygon", "coordinates": polygons}
    raise ValueError(f"Unexpected geometry type {geometry['type']!r}.")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", nargs="?", type=Path, default=DEFAULT_SOURCE)
    args = parser.parse_args()
    if not args.source.exists():
        print(f"Census county file not found: {args.source}", file=sys.stderr)
        return 1
    with gzip.open(args.source, "rt", encoding="utf-8") as handle:
        collection = json.load(handle)
    california = {
        feature["properties"]["NAME"]: feature
        for feature in collection["features"]
        if feature["properties"]["STATE"] == CALIFORNIA
    }
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    for stem, names in AREAS.items():
        features = []
        for name in names:
            county = california[name]
            features.append(
                {
                    "type": "Feature",
                    "id": county.get("id") or county["properties"]["GEO_ID"][-5:],
                    "properties": {"slug": slug_for(name), "name": name},
                    "geometry": round_geometry(county["geometry"]),
                }
            )
        path = OUT_DIR / f"{stem}.geojson"
        body = json.dumps({"type": "FeatureCollection", "features": features}, separators=(",", ":"))
        path.write_text(body + "\n", encoding="utf-8")
        print(f"{path.relative_to(REPO)}: {len(features)} regions, {len(body):,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
