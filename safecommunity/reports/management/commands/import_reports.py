"""Import a coalition partner's spreadsheet of reports (the interchange CSV, see docs/interchange.md)."""

from __future__ import annotations

import csv
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone
from tqdm import tqdm

from safecommunity.reports.interchange import ParseResult, parse_rows
from safecommunity.reports.selectors import region_ids_by_slug
from safecommunity.reports.services import SOURCE_MAX, reports_import

# Above this many rows the progress bar shows even when stderr is not a terminal.
PROGRESS_MIN_ROWS = 1000


class Command(BaseCommand):
    help = (
        "Import reports from a partner's interchange CSV (UTF-8, header row; see docs/interchange.md). "
        "Nothing is imported if any row is invalid, unless --skip-invalid is given. "
        "Importing the same file again changes nothing; rows whose content changed are updated."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path, help="The CSV file to import.")
        parser.add_argument(
            "--source",
            required=True,
            help="A stable name for the partner, e.g. 'api-sacramento'. Rows are known by source and external_id.",
        )
        parser.add_argument("--dry-run", action="store_true", help="Check the file and count, but write nothing.")
        parser.add_argument(
            "--skip-invalid", action="store_true", help="Import the valid rows and list the invalid ones."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        source = options["source"].strip()
        if not source or len(source) > SOURCE_MAX:
            raise CommandError(f"--source must be a name of 1 to {SOURCE_MAX} characters.")
        dry_run, skip_invalid = options["dry_run"], options["skip_invalid"]
        records = self._read(options["file"])
        show_progress = self._wants_progress(data_rows=len(records) - 1)

        checked: Iterable[list[str]] = records
        if show_progress:
            checked = tqdm(records, file=self._stderr(), desc="Checking rows", unit=" rows", leave=False)
        parsed = parse_rows(checked, regions=region_ids_by_slug(), today=timezone.localdate())
        for name in parsed.ignored_columns:
            self.stderr.write(f'Ignoring column "{name}": it is not part of the interchange format.')
        for error in parsed.errors:
            self.stderr.write(str(error))
        if not parsed.header_ok:
            raise CommandError("Nothing was imported: the header row is not right (see above).")
        if parsed.errors and not skip_invalid:
            self._counts(parsed, created=0, updated=0, unchanged=0)
            raise CommandError(
                f"Nothing was imported: {parsed.invalid} invalid row(s). "
                "Fix them and import again, or use --skip-invalid to import only the valid rows."
            )

        if show_progress and not dry_run:
            with tqdm(file=self._stderr(), desc="Writing reports", unit=" reports", leave=False) as bar:
                result = reports_import(rows=parsed.rows, source=source, dry_run=dry_run, on_written=bar.update)
        else:
            result = reports_import(rows=parsed.rows, source=source, dry_run=dry_run)
        if parsed.errors:
            self.stderr.write(f"Skipped {parsed.invalid} invalid row(s), listed above.")
        self._counts(parsed, created=result.created, updated=result.updated, unchanged=result.unchanged)
        if dry_run:
            self.stdout.write("Dry run: nothing was written.")

    def _read(self, path: Path) -> list[list[str]]:
        """Every record of the file (a UTF-8 byte-order mark is allowed)."""
        try:
            with path.open(encoding="utf-8-sig", newline="") as file:
                return list(csv.reader(file))
        except FileNotFoundError as exc:
            raise CommandError(f"There is no file {path}.") from exc
        except UnicodeDecodeError as exc:
            raise CommandError(f"{path} is not UTF-8 text; save the spreadsheet as 'CSV UTF-8'.") from exc
        except (OSError, csv.Error) as exc:
            raise CommandError(f"Could not read {path}: {exc}") from exc

    def _stderr(self) -> Any:
        """The stream under the command's stderr wrapper (tqdm writes to it directly)."""
        return getattr(self.stderr, "_out", sys.stderr)

    def _wants_progress(self, *, data_rows: int) -> bool:
        isatty = getattr(self._stderr(), "isatty", None)
        return bool(isatty and isatty()) or data_rows > PROGRESS_MIN_ROWS

    def _counts(self, parsed: ParseResult, *, created: int, updated: int, unchanged: int) -> None:
        self.stdout.write(f"Created {created}, updated {updated}, unchanged {unchanged}, invalid {parsed.invalid}.")
