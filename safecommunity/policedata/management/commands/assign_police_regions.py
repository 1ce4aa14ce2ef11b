"""Place police incidents in the coalition's regions again, after the agency → region rules changed."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from safecommunity.policedata.services import police_regions_assign


class Command(BaseCommand):
    help = "Place every police incident in the region its agency belongs to under the current agency rules."

    def handle(self, *args: Any, **options: Any) -> None:
        result = police_regions_assign()
        self.stdout.write(f"{result.incidents} incidents of {result.agencies} agencies were placed in another region.")
