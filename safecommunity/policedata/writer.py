"""Writing a file's incidents and their code rows quickly (a national file has about a million rows).

The ORM's bulk_create spends most of its time building model instances and, with SQLite, rewriting
each statement's placeholders; here SQLite gets ``executemany`` and PostgreSQL ``COPY``, both on the
database driver's own cursor, inside the caller's transaction.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from django.db import connection

from safecommunity.policedata.agencies import RegionResolver
from safecommunity.policedata.importer import IncidentDraft
from safecommunity.policedata.mapping import Mapping
from safecommunity.policedata.models import PoliceIncident, PoliceIncidentCode

DELETE_CHUNK = 500

INCIDENT_COLUMNS = (
    "dataset_id", "external_id", "year", "date", "state", "agency_id", "agency_name", "region_id",
    "bias_labels", "bias_motivations", "targeted_ethnicities", "offense_labels", "incident_types",
    "location_labels", "location_types", "victim_count",
)  # fmt: skip
CODE_COLUMNS = ("incident_id", "dataset_id", "year", "state", "region_id", "kind", "label", "code", "ethnicity")


class _Labels:
    """The project codes of a list of labels and the JSON of both, computed once per distinct list
    (a national file repeats a few hundred lists of labels a million times)."""

    def __init__(self, mapping: Mapping, table: str, second_table: str = "") -> None:
        self.table = mapping.codes[table]
        self.second = mapping.codes[second_table] if second_table else None
        self.seen: dict[tuple[str, ...], tuple[list[str], list[str], str, str, str]] = {}
        self.encode = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode

    def of(self, labels: list[str]) -> tuple[list[str], list[str], str, str, str]:
        """(codes, second codes, labels as JSON, codes as JSON, second codes as JSON)."""
        key = tuple(labels)
        found = self.seen.get(key)
        if found is None:
            codes = [self.table.code_for(label) or "" for label in labels]
            second = [self.second.code_for(label) or "" for label in labels] if self.second else [""] * len(labels)
            found = self.seen[key] = (codes, second, self.encode(labels), self.encode(codes), self.encode(second))
        return found


def write_incidents(
    *, dataset_id: int, drafts: Iterable[IncidentDraft], mapping: Mapping, resolver: RegionResolver
) -> None:
    biases = _Labels(mapping, "bias_motivations", "targeted_ethnicities")
    offenses = _Labels(mapping, "incident_types")
    locations = _Labels(mapping, "location_types")
    prepared: list[tuple[IncidentDraft, int | None, tuple, tuple, tuple]] = []
    rows: list[tuple[Any, ...]] = []
    for draft in drafts:
        region_id = resolver.region_for(state=draft.state, agency_id=draft.agency_id, agency_name=draft.agency_name)
        bias, offense, location = biases.of(draft.bias), offenses.of(draft.offense), locations.of(draft.location)
        prepared.append((draft, region_id, bias, offense, location))
        rows.append(
            (
                dataset_id, draft.external_id, draft.year, draft.date.isoformat() if draft.date else None,
                draft.state, draft.agency_id, draft.agency_name, region_id, bias[2], bias[3], bias[4],
                offense[2], offense[3], location[2], location[3], draft.victim_count,
            )
        )  # fmt: skip
    insert_rows(PoliceIncident._meta.db_table, INCIDENT_COLUMNS, rows)
    del rows
    ids = dict(PoliceIncident.objects.filter(dataset_id=dataset_id).values_list("external_id", "pk"))
    codes: list[tuple[Any, ...]] = []
    append = codes.append
    for draft, region_id, bias, offense, location in prepared:
        common = (ids[draft.external_id], dataset_id, draft.year, draft.state, region_id)
        for label, code, ethnicity in zip(draft.bias, bias[0], bias[1], strict=True):
            append((*common, "bias", label, code, ethnicity))
        for label, code in zip(draft.offense, offense[0], strict=True):
            append((*common, "offense", label, code, ""))
        for label, code in zip(draft.location, location[0], strict=True):
            append((*common, "location", label, code, ""))
    insert_rows(PoliceIncidentCode._meta.db_table, CODE_COLUMNS, codes)


def insert_rows(table: str, columns: tuple[str, ...], rows: list[tuple[Any, ...]]) -> None:
    connection.ensure_connection()
    names = ", ".join(columns)
    raw = connection.connection
    if connection.vendor == "sqlite":
        marks = ", ".join(["?"] * len(columns))
        raw.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})", rows)  # noqa: S608
        return
    if connection.vendor == "postgresql":
        with raw.cursor() as cursor, cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
        return
    per_statement = max(1, min(1000, 30000 // len(columns)))
    row_marks = "(" + ", ".join(["%s"] * len(columns)) + ")"
    with connection.cursor() as cursor:
        for start in range(0, len(rows), per_statement):
            chunk = rows[start : start + per_statement]
            sql = f"INSERT INTO {table} ({names}) VALUES " + ", ".join([row_marks] * len(chunk))  # noqa: S608
            cursor.execute(sql, [value for row in chunk for value in row])


def delete_incidents(*, dataset_id: int, incident_ids: list[int] | None = None) -> None:
    """Delete a dataset's incidents (all of them, or those of ``incident_ids``) and their code rows in plain
    SQL: nothing else points at them, and the ORM would load every row first."""
    incidents, codes = PoliceIncident._meta.db_table, PoliceIncidentCode._meta.db_table
    with connection.cursor() as cursor:
        if incident_ids is None:
            cursor.execute(f"DELETE FROM {codes} WHERE dataset_id = %s", [dataset_id])  # noqa: S608
            cursor.execute(f"DELETE FROM {incidents} WHERE dataset_id = %s", [dataset_id])  # noqa: S608
            return
        for start in range(0, len(incident_ids), DELETE_CHUNK):
            chunk = incident_ids[start : start + DELETE_CHUNK]
            marks = ", ".join(["%s"] * len(chunk))
            cursor.execute(f"DELETE FROM {codes} WHERE incident_id IN ({marks})", chunk)  # noqa: S608
            cursor.execute(f"DELETE FROM {incidents} WHERE id IN ({marks})", chunk)  # noqa: S608


@contextmanager
def sqlite_cache(*, megabytes: int) -> Iterator[None]:
    """A bigger page cache for SQLite while writing (its default 2 MB makes index inserts re-read pages)."""
    if connection.vendor != "sqlite":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA cache_size")
        previous = int(cursor.fetchone()[0])
        cursor.execute(f"PRAGMA cache_size = {-1024 * int(megabytes)}")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f"PRAGMA cache_size = {previous}")
