"""Import the FBI Crime Data Explorer's hate-crime incident file (hate_crime.csv, or the zip it comes in)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from safecommunity.policedata.management.importing import run_import
from safecommunity.policedata.mapping import FBI_MAPPING


class Command(BaseCommand):
    help = (
        "Import the FBI's hate crime incidents (a zip holding hate_crime.csv, or the CSV itself; old upper-case or "
        "new lower-case column names) into the police dataset 'fbi'. Importing the same file again updates the "
        "incidents instead of adding them twice."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path, help="The zip or CSV file, e.g. data/fbi/hate_crime_1991_2020.zip.")
        parser.add_argument(
            "--replace", action="store_true", help="Remove the dataset's incidents that are not in this file."
        )
        parser.add_argument(
            "--mapping",
            type=Path,
            default=FBI_MAPPING,
            help="Another mapping file (default: the shipped fbi_cde.toml).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        run_import(self, path=options["file"], mapping_path=options["mapping"], replace=options["replace"])
