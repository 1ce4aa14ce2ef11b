"""Demo data for a laptop or a staging site: two region sets, help lines, a demo
admin and a few hundred realistic reports, all made through the same services
as real ones (so descriptions and contact details are encrypted the same way).

The reports are invented but written to sound like what people actually send:
short first-person or witness accounts in the languages the coalitions serve.
A seeded ``random.Random`` makes the same data each time for the same day.
"""

from __future__ import annotations

import time
from collections import Counter
from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction
from django.utils import timezone

from safecommunity.core.models import Region
from safecommunity.core.services import RegionLoadError
from safecommunity.demo.cases import seed_cases
from safecommunity.demo.management.commands.demo_login import ensure_demo_admin, refuse_in_production
from safecommunity.demo.programs import seed_programmes
from safecommunity.demo.services import (
    DEMO_REGION_SETS,
    ensure_help_lines,
    ensure_partners,
    load_demo_regions,
    seed_reports,
)
from safecommunity.demo.statistics import ensure_demo_briefs, ensure_police_data, seed_statistics
from safecommunity.policedata.models import PoliceDataset
from safecommunity.reports.models import Report

DEFAULT_SEED = 2024


class Command(BaseCommand):
    help = (
        "Fill a development database with demo data: the Greater Sacramento and SF Bay Area region sets, help lines, "
        "the demo-admin superuser and realistic reports in many languages. Never run it in production."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--if-empty", action="store_true", help="Do nothing (except ensure the demo admin) if reports exist."
        )
        parser.add_argument("--reports", type=int, default=500, help="How many reports to make (default 500).")
        parser.add_argument(
            "--history",
            type=int,
            default=150,
            help="How many reports of 2019-2020 to make, beside the FBI's data of those years (default 150).",
        )
        parser.add_argument(
            "--no-police-data", action="store_true", help="Do not import the FBI hate-crime file (about 30 s)."
        )
        parser.add_argument(
            "--seed", type=int, default=DEFAULT_SEED, help="Random seed: the same seed gives the same reports."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        refuse_in_production("seed_demo")
        count: int = options["reports"]
        if count < 0:
            raise CommandError("--reports must be zero or more.")
        existing = Report.objects.count()
        if options["if_empty"] and existing:
            self.stdout.write(f"The database already has {existing} reports; no demo reports added.")
            partners = ensure_partners(
                region_ids=dict(Region.objects.values_list("slug", "id")), password=ensure_demo_admin()[1]
            )
            if not options["no_police_data"] and not PoliceDataset.objects.filter(slug="fbi").exists():
                self.stdout.write(f"{ensure_police_data()} police-recorded hate crimes imported from the FBI file.")
            ensure_demo_briefs(analyst=partners["staff"]["demo-analyst"])
            with transaction.atomic():
                seed_programmes(coalitions=partners["coalitions"], now=timezone.now(), password=ensure_demo_admin()[1])
            call_command("demo_login", stdout=self.stdout, stderr=self.stderr)
            return
        started = time.monotonic()
        staff, password = ensure_demo_admin()
        try:
            with transaction.atomic():
                region_ids = load_demo_regions()
                help_lines = ensure_help_lines()
                partners = ensure_partners(region_ids=region_ids, password=password)
                made = seed_reports(count=count, seed=options["seed"], region_ids=region_ids, staff=staff)
                cases = seed_cases(partners=partners, seed=options["seed"], admin=staff)
                programmes = seed_programmes(coalitions=partners["coalitions"], now=timezone.now(), password=password)
        except RegionLoadError as exc:
            raise CommandError(f"The shipped demo regions cannot be loaded: {exc}") from exc
        if not options["no_police_data"]:
            self.stdout.write("Importing the FBI hate-crime file (about half a minute the first time)…")
        statistics = seed_statistics(
            seed=options["seed"],
            region_ids=region_ids,
            analyst=partners["staff"]["demo-analyst"],
            history=options["history"],
            police_data=not options["no_police_data"],
        )
        elapsed = time.monotonic() - started
        languages = Counter(demo.draft.description_language or "none" for demo in made)
        summary = ", ".join(f"{code} {number}" for code, number in languages.most_common())
        self.stdout.write(
            f"Demo data: {len(region_ids)} regions in {len(DEMO_REGION_SETS)} region sets, {help_lines} help lines, "
            f"{len(partners['organisations'])} partner organisations with {len(partners['services'])} services, "
            f"{len(made)} reports (and {statistics.history_reports} of 2019-2020), {len(cases)} cases, "
            f"{statistics.police_incidents} police-recorded hate crimes and {statistics.briefs} published briefs "
            f"in {elapsed:.1f} s" + (f" ({existing} were already there)." if existing else ".")
        )
        if made:
            self.stdout.write(f"Report languages: {summary}.")
        self.stdout.write(
            f"Programmes in {len(partners['coalitions'])} cities: "
            + ", ".join(f"{number} {what.replace('_', ' ')}" for what, number in programmes.items())
            + "."
        )
        call_command("demo_login", stdout=self.stdout, stderr=self.stderr)
