"""Export reports as an interchange CSV without personal data (see docs/interchange.md)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from safecommunity.reports.interchange_export import write_rows
from safecommunity.reports.selectors import reports_for_export


def _day(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise CommandError(f'--since "{value}" is not a date; use YYYY-MM-DD, for example 2026-01-01.') from exc


class Command(BaseCommand):
    help = (
        "Write reports as an interchange CSV: coded fields only, no description or contact details, "
        "only reports whose reporter agreed to statistics. external_id is each report's public id."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--output", type=Path, help="Write to this file instead of standard output.")
        parser.add_argument(
            "--source", help="Only reports imported from this source (an empty string means our own reports)."
        )
        parser.add_argument("--since", help="Only reports received on or after this day (YYYY-MM-DD).")

    def handle(self, *args: Any, **options: Any) -> None:
        since = _day(options["since"]) if options["since"] else None
        reports = reports_for_export(source=options["source"], since=since).iterator(chunk_size=2000)
        output: Path | None = options["output"]
        if output is None:
            written = write_rows(reports, self.stdout)
        else:
            try:
                with output.open("w", encoding="utf-8", newline="") as file:
                    written = write_rows(reports, file)
            except OSError as exc:
                raise CommandError(f"Could not write {output}: {exc}") from exc
        self.stderr.write(f"Exported {written} report(s).")
