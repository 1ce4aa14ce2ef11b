"""What the import commands share: running an import and telling the operator how it went."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from safecommunity.policedata.importer import PoliceImportError
from safecommunity.policedata.mapping import Mapping, MappingError, load_mapping
from safecommunity.policedata.services import ImportResult, police_dataset_import

UNMAPPED_LISTED = 20


def run_import(command: BaseCommand, *, path: Path, mapping_path: Path, replace: bool) -> ImportResult:
    try:
        mapping: Mapping = load_mapping(mapping_path)
        result = police_dataset_import(path=path, mapping=mapping, replace=replace)
    except (MappingError, PoliceImportError) as error:
        raise CommandError(str(error)) from error
    for problem in result.problems:
        command.stderr.write(str(problem))
    if result.problem_count > len(result.problems):
        command.stderr.write(f"… and {result.problem_count - len(result.problems)} more problem(s).")
    for table, counts in result.unmapped.items():
        command.stderr.write(
            f"{len(counts)} label(s) have no code in [codes.{table}] of {mapping_path.name}; "
            "they are kept, with no project code:"
        )
        for label, count in counts.most_common(UNMAPPED_LISTED):
            command.stderr.write(f"  {label!r}: {count} incident(s)")
    command.stdout.write(
        f"Imported {result.created + result.updated} incidents into the dataset {result.dataset!r} "
        f"in {result.seconds:.1f} s: {result.created} new, {result.updated} updated; "
        f"{result.rows_read} rows read, {result.rows_merged} merged into an incident with the same id, "
        f"{result.rows_skipped} skipped, {result.rows_with_warnings} imported with a value left out. "
        f"The dataset now has {result.incidents} incidents."
    )
    return result
