from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from safecommunity.core.services import RegionLoadError, read_geojson_features, region_set_load


def set_slug_from_path(path: Path) -> str:
    """``greater-sacramento.geojson.gz`` -> ``greater-sacramento``."""
    name = path.name
    for suffix in (".gz", ".geojson", ".json"):
        name = name.removesuffix(suffix)
    return name


class Command(BaseCommand):
    help = (
        "Load regions (counties, wards, districts…) from a GeoJSON FeatureCollection, plain or .gz. "
        "Running it again updates names and outlines in place."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path, help="A GeoJSON FeatureCollection (.geojson, .json or .gz).")
        parser.add_argument(
            "--slug-property",
            required=True,
            help="The feature property that names each region in the URL and CSV; it is slugified (El Dorado -> el-dorado).",
        )
        parser.add_argument("--name-property", required=True, help="The feature property shown as the region's name.")
        parser.add_argument("--set", dest="set_slug", help="The region set's slug (default: the file name).")
        parser.add_argument("--set-name", help="The region set's name (default: keep the current one).")

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["file"]
        set_slug = options["set_slug"] or set_slug_from_path(path)
        try:
            features = read_geojson_features(path)
            result = region_set_load(
                slug=set_slug,
                name=options["set_name"],
                features=features,
                slug_property=options["slug_property"],
                name_property=options["name_property"],
            )
        except RegionLoadError as exc:
            raise CommandError(str(exc)) from exc
        region_set = result.region_set
        self.stdout.write(
            f"Region set {region_set.slug} ({region_set.name}): {len(result.created)} created, "
            f"{len(result.updated)} updated, {len(result.unchanged)} unchanged."
        )
        if options["verbosity"] >= 2:
            for label, slugs in (("created", result.created), ("updated", result.updated)):
                for slug in slugs:
                    self.stdout.write(f"  {label}: {slug}")
