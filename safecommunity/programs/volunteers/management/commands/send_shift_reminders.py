"""Remind volunteers of their shift the day before: run it from cron (every hour is fine; it never sends twice)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from safecommunity.programs.volunteers.services import shift_reminders_send


class Command(BaseCommand):
    help = "E-mail a reminder to every volunteer whose shift starts within the next 24 hours (once per sign-up)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--hours", type=int, default=24, help="How far ahead to remind (default 24 hours).")

    def handle(self, *args: Any, **options: Any) -> None:
        sent = shift_reminders_send(within=dt.timedelta(hours=options["hours"]))
        self.stdout.write(f"Sent {sent} shift reminder(s).")
