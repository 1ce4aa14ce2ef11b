"""Queue the reminder e-mail for everyone with a place at an event starting within a day (run it from cron, e.g.
every 15 minutes; each person is reminded once)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from safecommunity.programs.events.services import registrations_remind


class Command(BaseCommand):
    help = "Send the reminder e-mail to people registered for an event that starts within the next 24 hours."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--hours", type=int, default=24, help="How long before the start to remind people.")

    def handle(self, *args: Any, **options: Any) -> None:
        queued = registrations_remind(ahead=dt.timedelta(hours=options["hours"]))
        self.stdout.write(f"Queued {queued} event reminder(s).")
