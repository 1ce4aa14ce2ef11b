from __future__ import annotations

from argparse import ArgumentParser
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand

from safecommunity.cases.retention import cases_erase_expired


class Command(BaseCommand):
    help = (
        "Erase the personal data of cases closed more than PERSONAL_DATA_RETENTION_DAYS ago, of cases whose "
        "reports were all withdrawn, and of closed or withdrawn reports in no case (run daily from cron)."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--dry-run", action="store_true", help="Only count what would be erased.")

    def handle(self, *args: Any, **options: Any) -> None:
        run = cases_erase_expired(dry_run=options["dry_run"])
        verb = "Would erase" if run.dry_run else "Erased"
        self.stdout.write(
            f"{verb} the personal data of {run.expired_cases} case(s) closed more than "
            f"{settings.PERSONAL_DATA_RETENTION_DAYS} days ago, {run.withdrawn_cases} case(s) whose reports were "
            f"all withdrawn and {run.reports} report(s) in no case."
        )
