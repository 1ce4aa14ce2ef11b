from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand

from safecommunity.insights.services import statistics_refresh_all


class Command(BaseCommand):
    help = (
        "Recompute every statistic from the reports. Not needed in normal use (statistics follow changes to reports "
        "by themselves); run it after loading reports straight into the database, or to check the aggregates."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        started = time.perf_counter()
        counted = statistics_refresh_all()
        self.stdout.write(f"{counted} reports counted in the statistics ({time.perf_counter() - started:.1f} s).")
