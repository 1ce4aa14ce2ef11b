"""Load agency → region rules (TOML) and place the police incidents already imported accordingly."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from safecommunity.policedata.importer import PoliceImportError
from safecommunity.policedata.services import police_agency_regions_load, police_regions_assign

DEMO_AGENCY_REGIONS = Path(__file__).resolve().parents[2] / "data" / "agency_regions_demo.toml"


class Command(BaseCommand):
    help = (
        "Load which agencies belong to which region from a TOML file of [[agency]] entries (by default the demo "
        "coalition's California counties), then place the imported police incidents in their regions."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path, nargs="?", default=DEMO_AGENCY_REGIONS, help="The TOML file.")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            loaded = police_agency_regions_load(path=options["file"])
        except PoliceImportError as error:
            raise CommandError(str(error)) from error
        if loaded.unknown_regions:
            self.stderr.write(
                "Left out the rules for regions that do not exist (run seed_demo or create them first): "
                + ", ".join(sorted(set(loaded.unknown_regions)))
            )
        assigned = police_regions_assign()
        self.stdout.write(
            f"{loaded.created} rules added, {loaded.updated} updated; "
            f"{assigned.incidents} incidents of {assigned.agencies} agencies were placed in another region."
        )
