"""Import an agency's hate-crime CSV with a mapping file (see docs/police-data.md)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from safecommunity.policedata.management.importing import run_import


class Command(BaseCommand):
    help = (
        "Import a police department's hate-crime CSV (or a zip holding it) into the dataset its mapping names. "
        "Rows with the same incident id are merged; importing the same file again updates instead of duplicating."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path, help="The CSV or zip file.")
        parser.add_argument("--mapping", type=Path, required=True, help="The mapping file (TOML).")
        parser.add_argument(
            "--replace", action="store_true", help="Remove the dataset's incidents that are not in this file."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        run_import(self, path=options["file"], mapping_path=options["mapping"], replace=options["replace"])
