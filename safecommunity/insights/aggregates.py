"""Keeping ``ReportCell`` in step with the reports.

Which reports count: those with consent to statistics that are not spam, not
withdrawn and not merged into another report (the report they were merged into
stands for the incident and counts once).

Reports know nothing of statistics, so they cannot tell us when they change.
Instead every report carries ``updated_at``, and before cells are read
``statistics_catch_up`` looks at the reports changed since it last ran (an
indexed range, usually empty) and applies the difference between what each of
them counted as before and what it counts as now. It looks back a little further
than its last run so that a transaction that committed late is not missed; as
differences are computed against the stored contribution, looking at a report
twice changes nothing.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from django.db import connection, models, transaction
from django.db.models import F, Q, QuerySet
from django.utils import timezone

from safecommunity.insights.models import AggregationState, ReportCell, ReportContribution
from safecommunity.reports.models import Report

# The coded fields statistics may read; nothing else of a report is ever loaded here.
CODED_FIELDS = (
    "pk",
    "occurred_on",
    "region_id",
    "location_type",
    "channel",
    "age_group",
    "gender",
    "incident_types",
    "bias_motivations",
    "targeted_ethnicities",
    "consent_statistics",
    "verification",
    "merged_into_id",
    "withdrawn_at",
    "status",
    "updated_at",
)
NOT_STATED = "not_stated"
TOTAL = "total"
# Dimensions kept as cells (region, year and month are read from the "total" cells).
CELL_DIMENSIONS = ("channel", "location_type", "age_group", "gender")
MULTI_CELL_DIMENSIONS = ("incident_types", "bias_motivations", "targeted_ethnicities")
SCOPE_DIMENSIONS = ("bias_motivations", "incident_types")
LOOK_BACK = dt.timedelta(minutes=2)

CellKey = tuple[str, str, dt.date, int, str]  # scope, dimension, month, region_key, code
Signature = list[Any]  # [day ISO, region_key, channel, location, age, gender, [types], [biases], [ethnicities]]
# Cells of single days (in ``ReportCell.month``) for the reports not narrowed by a bias or incident type: they answer
# the days at either end of a period that does not start or end on a month boundary.
DAY_SCOPE = "day"


def counted_reports() -> QuerySet[Report]:
    """The reports statistics count, as a queryset (for checks and the edges of a period)."""
    return Report.objects.filter(consent_statistics=True, merged_into__isnull=True, withdrawn_at__isnull=True).exclude(
        Q(verification__in=("spam", "duplicate")) | Q(status="withdrawn")
    )


def region_key_of(row: Mapping[str, Any]) -> int:
    if row["region_id"]:
        return int(row["region_id"])
    return ReportCell.ONLINE if row["location_type"] == "online" else ReportCell.NO_REGION


def signature_of(row: Mapping[str, Any]) -> Signature | None:
    """What a report (as a row of ``CODED_FIELDS``) contributes, or None when it does not count."""
    if (
        not row["consent_statistics"]
        or row["merged_into_id"] is not None
        or row["withdrawn_at"] is not None
        or row["status"] == "withdrawn"
        or row["verification"] in ("spam", "duplicate")
    ):
        return None
    occurred: dt.date = row["occurred_on"]
    return [
        occurred.isoformat(),
        region_key_of(row),
        row["channel"] or NOT_STATED,
        row["location_type"] or NOT_STATED,
        row["age_group"] or NOT_STATED,
        row["gender"] or NOT_STATED,
        sorted(set(row["incident_types"] or [])),
        sorted(set(row["bias_motivations"] or [])),
        sorted(set(row["targeted_ethnicities"] or [])),
    ]


def cells_of(signature: Signature) -> Iterator[CellKey]:
    """Every cell a signature adds one to: each scope it belongs to, times each dimension's codes."""
    day_iso, region_key, channel, location, age, gender, types, biases, ethnicities = signature
    day = dt.date.fromisoformat(day_iso)
    month = day.replace(day=1)
    codes: list[tuple[str, str]] = [
        (TOTAL, ""),
        ("channel", channel),
        ("location_type", location),
        ("age_group", age),
        ("gender", gender),
    ]
    for dimension, values in (
        ("incident_types", types),
        ("bias_motivations", biases),
        ("targeted_ethnicities", ethnicities),
    ):
        codes.extend((dimension, value) for value in (values or [NOT_STATED]))
    scopes = [""] + [f"bias_motivations:{code}" for code in biases] + [f"incident_types:{code}" for code in types]
    scopes += [pair_scope(bias, kind) for bias in biases for kind in types]
    for scope in scopes:
        for dimension, code in codes:
            yield scope, dimension, month, region_key, code
            yield scope, dimension, month, ReportCell.ALL_REGIONS, code
    for dimension, code in codes:
        yield DAY_SCOPE, dimension, day, region_key, code
        yield DAY_SCOPE, dimension, day, ReportCell.ALL_REGIONS, code


def pair_scope(bias_motivation: str, incident_type: str) -> str:
    """The scope of reports with both this bias motivation and this incident type."""
    return f"bias_motivations:{bias_motivation}|incident_types:{incident_type}"


def count_cells(signatures: Iterable[Signature | None]) -> Counter[CellKey]:
    """The cells of many reports at once (identical signatures are expanded once)."""
    grouped: Counter[tuple[Any, ...]] = Counter()
    for signature in signatures:
        if signature is not None:
            grouped[_hashable(signature)] += 1
    cells: Counter[CellKey] = Counter()
    for frozen, times in grouped.items():
        for key in cells_of(_unhashable(frozen)):
            cells[key] += times
    return cells


def statistics_catch_up() -> int:
    """Bring the cells up to date with reports changed since the last run; returns how many reports changed."""
    state = AggregationState.objects.filter(pk=1).only("caught_up_to").first()
    if state is None or state.caught_up_to is None:
        statistics_rebuild()
        return 0
    since = state.caught_up_to - LOOK_BACK
    if not Report.objects.filter(updated_at__gte=since).exists():
        return 0
    with transaction.atomic():
        # The first write serialises catch-ups (a row lock on PostgreSQL, the write lock on SQLite).
        AggregationState.objects.filter(pk=1).update(lock_version=F("lock_version") + 1)
        state = AggregationState.objects.get(pk=1)
        assert state.caught_up_to is not None
        rows = list(Report.objects.filter(updated_at__gte=state.caught_up_to - LOOK_BACK).values(*CODED_FIELDS))
        stored = dict(
            ReportContribution.objects.filter(report_id__in=[row["pk"] for row in rows]).values_list(
                "report_id", "signature"
            )
        )
        delta: Counter[CellKey] = Counter()
        changed: list[ReportContribution] = []
        for row in rows:
            new = signature_of(row)
            old = stored.get(row["pk"])
            if new == old and row["pk"] in stored:
                continue
            if old is not None:
                delta.subtract(cells_of(old))
            if new is not None:
                delta.update(cells_of(new))
            changed.append(ReportContribution(report_id=row["pk"], signature=new))
        _apply(delta)
        ReportContribution.objects.bulk_create(
            changed, update_conflicts=True, unique_fields=["report_id"], update_fields=["signature"]
        )
        newest = max((row["updated_at"] for row in rows), default=state.caught_up_to)
        AggregationState.objects.filter(pk=1).update(caught_up_to=max(newest, state.caught_up_to))
    return len(changed)


def statistics_rebuild(*, batch_size: int = 10000) -> int:
    """Recompute every cell from the reports (after an import, or to check the cells); returns reports counted.

    Rows are written with plain multi-row inserts: building a million model instances would take minutes.
    """
    started = timezone.now()
    signature_field = ReportContribution._meta.get_field("signature")
    with transaction.atomic():
        AggregationState.objects.update_or_create(pk=1, defaults={"lock_version": 0})
        ReportCell.objects.all().delete()
        ReportContribution.objects.all().delete()
        signatures: list[Signature] = []
        contributions: list[tuple[Any, ...]] = []
        for row in Report.objects.order_by().values(*CODED_FIELDS).iterator(chunk_size=batch_size):
            signature = signature_of(row)
            if signature is None:
                continue  # a report that does not count needs no record of what it adds
            signatures.append(signature)
            contributions.append((row["pk"], signature_field.get_db_prep_value(signature, connection)))
            if len(contributions) >= batch_size:
                _insert(ReportContribution, ("report_id", "signature"), contributions)
                contributions = []
        _insert(ReportContribution, ("report_id", "signature"), contributions)
        cells = count_cells(signatures)
        rows = [(*key, count) for key, count in cells.items()]
        columns = ("scope", "dimension", "month", "region_key", "code", "count")
        for start in range(0, len(rows), batch_size):
            _insert(ReportCell, columns, rows[start : start + batch_size])
        # Changes made while the rebuild ran are picked up by the next catch-up (it looks back from here).
        AggregationState.objects.filter(pk=1).update(caught_up_to=started, rebuilt_at=timezone.now())
    return len(signatures)


def _insert(model: type[models.Model], columns: tuple[str, ...], rows: list[tuple[Any, ...]]) -> None:
    """Insert rows 500 at a time, each batch one statement (one round trip on PostgreSQL, not one per row)."""
    quote = connection.ops.quote_name
    table, names = quote(model._meta.db_table), ", ".join(quote(column) for column in columns)
    row_placeholders = "(" + ", ".join(["%s"] * len(columns)) + ")"
    with connection.cursor() as cursor:
        for start in range(0, len(rows), 500):
            batch = rows[start : start + 500]
            values = ", ".join([row_placeholders] * len(batch))
            sql = f"INSERT INTO {table} ({names}) VALUES {values}"  # noqa: S608 (names from the model, quoted)
            cursor.execute(sql, [value for row in batch for value in row])


def _apply(delta: Counter[CellKey]) -> None:
    """Add a difference to the cells: one read and one write per month and region touched."""
    by_place: dict[tuple[dt.date, int], dict[CellKey, int]] = defaultdict(dict)
    for key, change in delta.items():
        if change:
            by_place[(key[2], key[3])][key] = change
    for (month, region_key), changes in by_place.items():
        scopes = {key[0] for key in changes}
        existing = {
            (cell.scope, cell.dimension, cell.month, cell.region_key, cell.code): cell
            for cell in ReportCell.objects.filter(month=month, region_key=region_key, scope__in=scopes)
        }
        updated: list[ReportCell] = []
        created: list[ReportCell] = []
        for key, change in changes.items():
            cell = existing.get(key)
            if cell is None:
                scope, dimension, _month, _region, code = key
                created.append(
                    ReportCell(
                        scope=scope, dimension=dimension, month=month, region_key=region_key, code=code, count=change
                    )
                )
            else:
                cell.count += change
                updated.append(cell)
        ReportCell.objects.bulk_update(updated, ["count"])
        ReportCell.objects.bulk_create(created)


def _hashable(signature: Signature) -> tuple[Any, ...]:
    return tuple(tuple(part) if isinstance(part, list) else part for part in signature)


def _unhashable(frozen: tuple[Any, ...]) -> Signature:
    return [list(part) if isinstance(part, tuple) else part for part in frozen]
