"""Statistics breakdown latency as reports grow, against DuckDB running the same GROUP BY on the same rows.

Run from the repository root: ``.venv/bin/python bench/stats_breakdown.py`` (``make bench`` does this too).

For each database (``--databases sqlite,postgres``; PostgreSQL through ``scripts/with-postgres``, a throw-away
server) a child process of this script gets a throw-away database (never the development one), migrates it, loads
the demo regions and then, for each size (``--sizes 10000,100000,1000000``), grows the reports table to that size
with deterministic, realistic coded rows (bulk inserts of the coded fields only; encrypted fields empty), runs
``statistics_rebuild()`` and times breakdowns through the real engine (``engine.breakdown``): median of
``--repeat`` runs after a warm-up. The same rows go into an in-memory DuckDB table and the equivalent GROUP BY is
timed the same way; both answers are compared, count for count. The parent prints engine/DuckDB ratios and
latency(largest)/latency(smallest) per database against the targets, and writes
``bench/results/stats_breakdown.json``. Exit status 0 when the measurement is valid (targets are information),
1 when it is not (different answers, a failed child). See ``bench/README.md``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import pickle
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from random import Random
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results" / "stats_breakdown.json"
PYTHON = ROOT / ".venv" / "bin" / "python"

TARGET_VS_DUCKDB = 2.0  # at the largest size a breakdown takes at most 2x DuckDB's time
TARGET_GROWTH = 1.5  # latency at the largest size at most 1.5x latency at the smallest

FIRST_DAY = dt.date(2021, 1, 1)
LAST_DAY = dt.date(2025, 12, 31)
DEMO_REGIONS = {  # slug: weight (as the demo data: safecommunity/demo/stories.py REGION_WEIGHTS)
    "sacramento": 18,
    "yolo": 5,
    "placer": 5,
    "el-dorado": 2,
    "san-francisco": 20,
    "alameda": 16,
    "san-mateo": 8,
    "santa-clara": 18,
    "contra-costa": 8,
}
ONLINE_SHARE = 0.12
NO_REGION_SHARE = 0.03
INCIDENT_TYPES = {
    "verbal_harassment": 40,
    "shunning": 8,
    "physical_assault": 8,
    "coughed_spat_on": 6,
    "threat": 10,
    "vandalism": 6,
    "online_harassment": 12,
    "civil_rights_violation": 8,
    "other": 2,
}
BIAS_MOTIVATIONS = {
    "race": 40,
    "ethnicity": 20,
    "national_origin": 10,
    "religion": 6,
    "gender": 5,
    "gender_identity": 3,
    "sexual_orientation": 3,
    "disability": 1,
    "age": 2,
    "immigration_status": 3,
    "language": 4,
    "other": 1,
    "unknown": 2,
}
ETHNICITIES = {
    "chinese": 20,
    "taiwanese": 2,
    "filipino": 10,
    "hmong": 5,
    "vietnamese": 10,
    "korean": 8,
    "japanese": 6,
    "south_asian": 12,
    "cambodian": 2,
    "lao": 2,
    "thai": 2,
    "other_asian": 3,
    "native_hawaiian_pacific_islander": 2,
    "multiracial": 3,
    "prefer_not_to_say": 3,
}
LOCATIONS = {
    "business": 25,
    "street": 25,
    "public_transit": 12,
    "school": 6,
    "workplace": 8,
    "residence": 8,
    "park": 6,
    "place_of_worship": 1,
    "healthcare": 2,
    "government": 2,
    "other": 2,
    "": 3,
}
AGE_GROUPS = {"under_18": 6, "18_25": 15, "26_35": 22, "36_45": 18, "46_60": 17, "over_60": 12, "unknown": 6, "": 4}
GENDERS = {"female": 55, "male": 38, "nonbinary": 3, "another": 1, "prefer_not_to_say": 2, "": 1}
CHANNELS = {"web": 70, "phone": 10, "in_person": 6, "event": 3, "email": 5, "text_message": 3, "partner": 3}
STATUSES = {"received": 15, "in_review": 15, "referred": 20, "closed": 50}


@dataclass(frozen=True)
class Query:
    name: str
    dimension: str
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    bias_motivation: str = ""
    incident_type: str = ""
    # Selections the engine answers partly from the reports themselves (not only from the cells).
    from_reports: bool = False


QUERIES = (
    Query("incident types, 2025", "incident_types", dt.date(2025, 1, 1), dt.date(2025, 12, 31)),
    Query("region, all time", "region"),
    Query("gender, bias motivation race", "gender", bias_motivation="race"),
    Query("month, 2023-2025", "month", dt.date(2023, 1, 1), dt.date(2025, 12, 31)),
    Query(
        "ethnicity, 2024-03-15..2025-03-14",
        "targeted_ethnicities",
        dt.date(2024, 3, 15),
        dt.date(2025, 3, 14),
        from_reports=True,
    ),
    Query(
        "age, race and physical assault",
        "age_group",
        bias_motivation="race",
        incident_type="physical_assault",
        from_reports=True,
    ),
)


# --- generating reports -------------------------------------------------------------------------------------------


@dataclass
class Rows:
    """Coded fields of reports 1..n, column by column (the same for every database and DuckDB)."""

    occurred_on: list[dt.date] = field(default_factory=list)
    region: list[str] = field(default_factory=list)  # slug, or "" (online or not given)
    location_type: list[str] = field(default_factory=list)
    channel: list[str] = field(default_factory=list)
    age_group: list[str] = field(default_factory=list)
    gender: list[str] = field(default_factory=list)
    incident_types: list[list[str]] = field(default_factory=list)
    bias_motivations: list[list[str]] = field(default_factory=list)
    targeted_ethnicities: list[list[str]] = field(default_factory=list)
    consent: list[bool] = field(default_factory=list)
    verification: list[str] = field(default_factory=list)
    merged_into: list[int | None] = field(default_factory=list)
    status: list[str] = field(default_factory=list)
    submitted_at: list[dt.datetime] = field(default_factory=list)
    public_id: list[uuid.UUID] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.occurred_on)


def _draw(rng: Random, weights: dict[str, int], k: int) -> list[str]:
    return rng.choices(list(weights), weights=list(weights.values()), k=k)


def _some(rng: Random, weights: dict[str, int], counts: list[int]) -> list[list[str]]:
    """For each count, that many different codes (drawn by weight)."""
    population, cumulative = list(weights), list(weights.values())
    out: list[list[str]] = []
    for count in counts:
        picked: list[str] = []
        while len(picked) < count:
            code = rng.choices(population, weights=cumulative)[0]
            if code not in picked:
                picked.append(code)
        out.append(picked)
    return out


def generate(n: int, seed: int) -> Rows:
    """n reports over five years: more each year, fewer in winter, as the demo's regions and vocabularies."""
    rng = Random(seed)
    days = [FIRST_DAY + dt.timedelta(days=i) for i in range((LAST_DAY - FIRST_DAY).days + 1)]
    day_weights = [(1 + 0.25 * (day.year - FIRST_DAY.year)) * (0.8 if day.month in (12, 1, 2) else 1.0) for day in days]
    rows = Rows()
    rows.occurred_on = rng.choices(days, weights=day_weights, k=n)
    places = rng.choices(
        ("region", "online", "none"), weights=(1 - ONLINE_SHARE - NO_REGION_SHARE, ONLINE_SHARE, NO_REGION_SHARE), k=n
    )
    regions = _draw(rng, DEMO_REGIONS, n)
    locations = _draw(rng, LOCATIONS, n)
    rows.region = [region if place == "region" else "" for place, region in zip(places, regions, strict=True)]
    rows.location_type = [
        "online" if place == "online" else location for place, location in zip(places, locations, strict=True)
    ]
    rows.channel = _draw(rng, CHANNELS, n)
    rows.age_group = _draw(rng, AGE_GROUPS, n)
    rows.gender = _draw(rng, GENDERS, n)
    rows.incident_types = _some(rng, INCIDENT_TYPES, rng.choices((1, 2), weights=(75, 25), k=n))
    for place, types in zip(places, rows.incident_types, strict=True):
        if place == "online" and "online_harassment" not in types:
            types[0] = "online_harassment"
    rows.bias_motivations = _some(rng, BIAS_MOTIVATIONS, rng.choices((1, 2), weights=(80, 20), k=n))
    rows.targeted_ethnicities = _some(rng, ETHNICITIES, rng.choices((0, 1, 2), weights=(20, 70, 10), k=n))
    rows.consent = [rng.random() >= 0.03 for _ in range(n)]
    kinds = rng.choices(("ok", "spam", "merged"), weights=(96, 2, 2), k=n)
    rows.verification = []
    rows.merged_into = []
    for index, kind in enumerate(kinds):
        if kind == "merged" and index > 0:
            rows.verification.append("duplicate")
            rows.merged_into.append(rng.randrange(1, index + 1))  # an earlier report (ids start at 1)
        else:
            rows.verification.append("spam" if kind == "spam" else rng.choice(("unverified", "verified", "verified")))
            rows.merged_into.append(None)
    rows.status = _draw(rng, STATUSES, n)
    rows.submitted_at = [
        dt.datetime.combine(day, dt.time(12), tzinfo=dt.UTC) + dt.timedelta(minutes=rng.randrange(0, 30 * 24 * 60))
        for day in rows.occurred_on
    ]
    rows.public_id = [uuid.UUID(int=rng.getrandbits(128), version=4) for _ in range(n)]
    return rows


# --- the database under test (child process, Django set up) -------------------------------------------------------


def insert_reports(rows: Rows, start: int, stop: int, region_ids: dict[str, int], *, batch: int = 5000) -> None:
    """Reports start+1..stop (ids fixed so merges point at earlier reports), coded fields only, in one transaction.

    Measured on the 2-core machine: ``Report.objects.bulk_create`` manages ~12,000 rows/s (a model instance and
    ~45 prepared values per row); executemany (SQLite) or COPY (PostgreSQL) of prepared tuples ~5-10x that.
    """
    from django.db import connection, transaction
    from django.db.models import JSONField

    from safecommunity.reports.models import Report

    generated = {
        "id",
        "public_id",
        "status",
        "submitted_at",
        "updated_at",
        "channel",
        "occurred_on",
        "region_id",
        "location_type",
        "incident_types",
        "bias_motivations",
        "targeted_ethnicities",
        "age_group",
        "gender",
        "consent_statistics",
        "verification",
        "merged_into_id",
    }
    postgres = connection.vendor == "postgresql"
    constants: dict[str, Any] = {}
    for model_field in Report._meta.concrete_fields:
        if model_field.attname in generated:
            continue
        default = model_field.get_default()
        column = str(model_field.column)
        if isinstance(model_field, JSONField):
            constants[column] = json.dumps(default)
        else:
            constants[column] = model_field.get_db_prep_save(default, connection)
    columns = list(generated) + list(constants)
    table = Report._meta.db_table

    def stamp(moment: dt.datetime) -> Any:
        return moment if postgres else moment.replace(tzinfo=None).isoformat(" ")

    def row(i: int) -> tuple[Any, ...]:
        when = stamp(rows.submitted_at[i])
        values = {
            "id": i + 1,
            "public_id": rows.public_id[i] if postgres else rows.public_id[i].hex,
            "status": rows.status[i],
            "submitted_at": when,
            "updated_at": when,
            "channel": rows.channel[i],
            "occurred_on": rows.occurred_on[i] if postgres else rows.occurred_on[i].isoformat(),
            "region_id": region_ids[rows.region[i]] if rows.region[i] else None,
            "location_type": rows.location_type[i],
            "incident_types": json.dumps(rows.incident_types[i]),
            "bias_motivations": json.dumps(rows.bias_motivations[i]),
            "targeted_ethnicities": json.dumps(rows.targeted_ethnicities[i]),
            "age_group": rows.age_group[i],
            "gender": rows.gender[i],
            "consent_statistics": rows.consent[i],
            "verification": rows.verification[i],
            "merged_into_id": rows.merged_into[i],
        }
        return tuple(values[name] for name in generated_order) + constant_values

    generated_order = [name for name in columns if name in generated]
    constant_values = tuple(constants[name] for name in columns if name not in generated)
    names = ", ".join(connection.ops.quote_name(name) for name in columns)
    with transaction.atomic():
        raw = connection.connection
        assert raw is not None
        if postgres:
            with raw.cursor() as cursor, cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
                for i in range(start, stop):
                    copy.write_row(row(i))
            with connection.cursor() as cursor:
                cursor.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), %s)", [stop])
        else:
            marks = ", ".join("?" for _ in columns)
            for first in range(start, stop, batch):
                raw.executemany(
                    f"INSERT INTO {table} ({names}) VALUES ({marks})",  # noqa: S608 (names from the model)
                    [row(i) for i in range(first, min(first + batch, stop))],
                )


def engine_answer(query: Query) -> tuple[int, dict[str, int]]:
    from safecommunity.insights import engine

    selection = engine.Selection(
        date_from=query.date_from,
        date_to=query.date_to,
        bias_motivation=query.bias_motivation,
        incident_type=query.incident_type,
    )
    result = engine.breakdown(selection, query.dimension)
    return result.total, {row.code: row.count for row in result.rows if row.count}


# --- the DuckDB reference -----------------------------------------------------------------------------------------

COUNTED = "consent AND merged_into IS NULL AND verification NOT IN ('spam', 'duplicate') AND status <> 'withdrawn'"
CODE_EXPRESSIONS = {
    "region": "CASE WHEN region <> '' THEN region WHEN location_type = 'online' THEN 'online' ELSE 'not_stated' END",
    "month": "strftime(occurred_on, '%Y-%m')",
    "year": "strftime(occurred_on, '%Y')",
}
LIST_DIMENSIONS = ("incident_types", "bias_motivations", "targeted_ethnicities")


def write_reports_csv(rows: Rows, path: Path) -> None:
    """The coded fields DuckDB reads (lists joined with "|")."""
    import csv

    with path.open("w", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(
            ["id", "occurred_on", "region", "location_type", "channel", "age_group", "gender", "incident_types"]
            + ["bias_motivations", "targeted_ethnicities", "consent", "verification", "merged_into", "status"]
        )
        for i in range(len(rows)):
            writer.writerow(
                [
                    i + 1,
                    rows.occurred_on[i].isoformat(),
                    rows.region[i],
                    rows.location_type[i],
                    rows.channel[i],
                    rows.age_group[i],
                    rows.gender[i],
                    "|".join(rows.incident_types[i]),
                    "|".join(rows.bias_motivations[i]),
                    "|".join(rows.targeted_ethnicities[i]),
                    "true" if rows.consent[i] else "false",
                    rows.verification[i],
                    "" if rows.merged_into[i] is None else rows.merged_into[i],
                    rows.status[i],
                ]
            )


def duckdb_load(path: Path) -> Any:
    """An in-memory DuckDB with all generated reports (lists as VARCHAR[]), loaded from ``write_reports_csv``."""
    import duckdb

    db = duckdb.connect(":memory:")
    columns = {
        "id": "BIGINT",
        "occurred_on": "DATE",
        "region": "VARCHAR",
        "location_type": "VARCHAR",
        "channel": "VARCHAR",
        "age_group": "VARCHAR",
        "gender": "VARCHAR",
        "incident_types": "VARCHAR",
        "bias_motivations": "VARCHAR",
        "targeted_ethnicities": "VARCHAR",
        "consent": "BOOLEAN",
        "verification": "VARCHAR",
        "merged_into": "BIGINT",
        "status": "VARCHAR",
    }
    spec = ", ".join(f"'{name}': '{kind}'" for name, kind in columns.items())
    lists = ", ".join(
        f"CASE WHEN {name} IS NULL OR {name} = '' THEN []::VARCHAR[] ELSE string_split({name}, '|') END AS {name}"
        for name in LIST_DIMENSIONS
    )
    db.execute(
        f"CREATE TABLE all_reports AS SELECT * EXCLUDE ({', '.join(LIST_DIMENSIONS)}), {lists} "  # noqa: S608
        f"FROM read_csv('{path}', header = true, columns = {{{spec}}}, nullstr = '')"
    )
    return db


def duckdb_resize(db: Any, size: int) -> None:
    db.execute("DROP TABLE IF EXISTS reports")
    db.execute(f"CREATE TABLE reports AS SELECT * FROM all_reports WHERE id <= {int(size)}")  # noqa: S608


def duckdb_answer(db: Any, query: Query) -> tuple[int, dict[str, int]]:
    """The same question as ``engine.breakdown``: the selection's total, and counts per code."""
    where = [COUNTED]
    if query.date_from:
        where.append(f"occurred_on >= DATE '{query.date_from.isoformat()}'")
    if query.date_to:
        where.append(f"occurred_on <= DATE '{query.date_to.isoformat()}'")
    if query.bias_motivation:
        where.append(f"list_contains(bias_motivations, '{query.bias_motivation}')")
    if query.incident_type:
        where.append(f"list_contains(incident_types, '{query.incident_type}')")
    condition = " AND ".join(where)
    total = db.execute(f"SELECT count(*) FROM reports WHERE {condition}").fetchone()[0]  # noqa: S608 (our constants)
    if query.dimension in LIST_DIMENSIONS:
        name = query.dimension
        sql = (
            f"SELECT code, count(*) FROM (SELECT unnest(CASE WHEN len({name}) = 0 THEN ['not_stated'] "  # noqa: S608
            f"ELSE list_distinct({name}) END) AS code FROM reports WHERE {condition}) GROUP BY code"
        )
    else:
        code = CODE_EXPRESSIONS.get(query.dimension, f"coalesce(nullif({query.dimension}, ''), 'not_stated')")
        sql = f"SELECT {code} AS code, count(*) FROM reports WHERE {condition} GROUP BY code"  # noqa: S608
    return int(total), {str(code): int(n) for code, n in db.execute(sql).fetchall()}


# --- timing -------------------------------------------------------------------------------------------------------


def median_ms(run: Callable[[], object], repeat: int, *, budget_s: float = 4.0) -> tuple[float, list[float]]:
    """Median wall time of ``repeat`` runs after a warm-up; fewer runs (at least one) when one takes seconds."""
    started = time.perf_counter()
    run()  # warm-up
    warm_up = time.perf_counter() - started
    if warm_up > budget_s:  # one run takes seconds: the warm-up is the measurement (caches hardly matter then)
        return warm_up * 1000, [warm_up * 1000]
    if warm_up * repeat > budget_s:
        repeat = max(1, min(repeat, int(budget_s / warm_up)))
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        run()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), times


def prepare_data(size: int, seed: int, directory: Path) -> float:
    """Generate the reports once for every database: a pickle for the inserts and a CSV for DuckDB."""
    started = time.perf_counter()
    rows = generate(size, seed)
    with (directory / "rows.pickle").open("wb") as out:
        pickle.dump(rows, out, protocol=pickle.HIGHEST_PROTOCOL)
    write_reports_csv(rows, directory / "reports.csv")
    return time.perf_counter() - started


def child(args: argparse.Namespace) -> int:
    """One database: grow it size by size and measure (Django is set up here, from the environment)."""
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from safecommunity.demo.services import load_demo_regions
    from safecommunity.insights.aggregates import statistics_catch_up, statistics_rebuild
    from safecommunity.insights.models import ReportCell

    sizes = sorted(args.sizes)
    work = Path(os.environ["SAFECOMMUNITY_VAR_DIR"])
    started = time.perf_counter()
    call_command("migrate", verbosity=0, interactive=False)
    region_ids = load_demo_regions()
    print(
        f"[{connection.vendor}] migrated and loaded {len(region_ids)} regions in {time.perf_counter() - started:.1f} s"
    )
    t = time.perf_counter()
    data = Path(args.data_dir) if args.data_dir else work
    if not args.data_dir:
        prepare_data(sizes[-1], args.seed, data)
    with (data / "rows.pickle").open("rb") as stored:
        rows: Rows = pickle.load(stored)  # noqa: S301 (written by this script a moment ago)
    generate_s = time.perf_counter() - t
    t = time.perf_counter()
    duck = duckdb_load(data / "reports.csv")
    duck_load_s = time.perf_counter() - t
    print(
        f"[{connection.vendor}] read {len(rows):,} generated reports in {generate_s:.1f} s, "
        f"DuckDB loaded them in {duck_load_s:.1f} s"
    )
    result: dict[str, Any] = {"database": connection.vendor, "server_version": _server_version(connection), "sizes": []}
    have = 0
    for size in sizes:
        t = time.perf_counter()
        insert_reports(rows, have, size, region_ids)
        insert_s = time.perf_counter() - t
        have = size
        t = time.perf_counter()
        counted = statistics_rebuild()
        rebuild_s = time.perf_counter() - t
        with connection.cursor() as cursor:
            # PostgreSQL's autovacuum would do the same a little later: fresh statistics for the planner and a
            # visibility map, without which an index-only scan still visits the table for every row.
            cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")
        duckdb_resize(duck, size)
        catch_up_ms, _ = median_ms(statistics_catch_up, args.repeat)
        measured: dict[str, Any] = {
            "size": size,
            "insert_s": round(insert_s, 2),
            "rebuild_s": round(rebuild_s, 2),
            "counted": counted,
            "cells": ReportCell.objects.count(),
            "catch_up_ms": round(catch_up_ms, 3),
            "queries": [],
        }
        print(
            f"[{connection.vendor}] {size:>9,} reports: inserted in {insert_s:.1f} s, statistics_rebuild() "
            f"{rebuild_s:.1f} s ({counted:,} counted, {measured['cells']:,} cells); catch-up check {catch_up_ms:.2f} ms"
        )
        for query in QUERIES:
            engine_ms, engine_runs = median_ms(partial(engine_answer, query), args.repeat)
            duck_ms, duck_runs = median_ms(partial(duckdb_answer, duck, query), args.repeat)
            mine, theirs = engine_answer(query), duckdb_answer(duck, query)
            measured["queries"].append(
                {
                    "name": query.name,
                    "from_reports": query.from_reports,
                    "engine_ms": round(engine_ms, 3),
                    "duckdb_ms": round(duck_ms, 3),
                    "engine_runs_ms": [round(x, 3) for x in engine_runs],
                    "duckdb_runs_ms": [round(x, 3) for x in duck_runs],
                    "same_answer": mine == theirs,
                    "difference": None if mine == theirs else _difference(mine, theirs),
                    "total": mine[0],
                }
            )
            print(
                f"    {query.name:36} engine {engine_ms:9.2f} ms   duckdb {duck_ms:8.2f} ms"
                + ("" if mine == theirs else "   DIFFERENT ANSWERS")
            )
        result["sizes"].append(measured)
    result["read_generated_s"] = round(generate_s, 2)
    result["duckdb_load_s"] = round(duck_load_s, 2)
    result["explain"] = _explain_catch_up(connection)
    Path(args.child_output).write_text(json.dumps(result, indent=2))
    return 0


def _server_version(connection: Any) -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT version()" if connection.vendor == "postgresql" else "SELECT sqlite_version()")
        return str(cursor.fetchone()[0]).split(" on ")[0]


def _difference(mine: tuple[int, dict[str, int]], theirs: tuple[int, dict[str, int]]) -> dict[str, Any]:
    codes = sorted(set(mine[1]) | set(theirs[1]))
    return {
        "total": [mine[0], theirs[0]],
        "codes": {
            code: [mine[1].get(code, 0), theirs[1].get(code, 0)]
            for code in codes
            if mine[1].get(code, 0) != theirs[1].get(code, 0)
        },
    }


def _explain_catch_up(connection: Any) -> list[str]:
    """The plan of the query every breakdown starts with (are there reports changed since the last catch-up?)."""
    from django.utils import timezone

    from safecommunity.reports.models import Report

    queryset = Report.objects.filter(updated_at__gte=timezone.now()).order_by().values("pk")[:1]  # as .exists()
    sql, params = queryset.query.sql_with_params()
    prefix = "EXPLAIN QUERY PLAN " if connection.vendor == "sqlite" else "EXPLAIN ANALYZE "
    with connection.cursor() as cursor:
        cursor.execute(prefix + sql, params)
        return [" ".join(str(part) for part in line) for line in cursor.fetchall()]


# --- the parent: one child per database, then the table -----------------------------------------------------------


def child_env(var_dir: Path, database: str) -> dict[str, str]:
    sys.path.insert(0, str(ROOT / "bench"))
    from bench_server import bench_env

    env = bench_env(var_dir, {})
    if database == "postgres":
        del env["DATABASE_URL"]  # scripts/with-postgres sets it
    return env


def run_child(database: str, args: argparse.Namespace, data: Path) -> dict[str, Any]:
    work = Path(tempfile.mkdtemp(prefix="sc-statsbench-"))
    output = work / "result.json"
    command = [str(PYTHON), str(Path(__file__).resolve()), "--child", "--child-output", str(output)]
    command += ["--data-dir", str(data)]
    command += [
        "--sizes",
        ",".join(str(size) for size in args.sizes),
        "--repeat",
        str(args.repeat),
        "--seed",
        str(args.seed),
    ]
    if database == "postgres":
        command = [str(ROOT / "scripts" / "with-postgres"), *command]
    try:
        done = subprocess.run(command, cwd=ROOT, env=child_env(work, database), check=False)
        if done.returncode != 0 or not output.exists():
            raise SystemExit(f"the {database} run failed (exit status {done.returncode})")
        result: dict[str, Any] = json.loads(output.read_text())
        return result
    finally:
        if args.keep:
            print(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


def summarise(runs: list[dict[str, Any]]) -> tuple[list[str], dict[str, Any], bool]:
    lines: list[str] = []
    verdicts: dict[str, Any] = {}
    valid = True
    lines.append(
        f"{'reports':>9}  {'database':10}  {'query':36}  {'engine ms':>10}  {'duckdb ms':>10}  {'engine/duckdb':>13}"
    )
    for run in runs:
        for size in run["sizes"]:
            for query in size["queries"]:
                ratio = query["engine_ms"] / query["duckdb_ms"] if query["duckdb_ms"] else float("inf")
                flag = "" if query["same_answer"] else "  DIFFERENT ANSWERS"
                valid &= query["same_answer"]
                lines.append(
                    f"{size['size']:>9,}  {run['database']:10}  {query['name'] + ('*' if query['from_reports'] else ''):36}  "
                    f"{query['engine_ms']:10.2f}  {query['duckdb_ms']:10.2f}  {ratio:12.2f}x{flag}"
                )
            lines.append(
                f"{size['size']:>9,}  {run['database']:10}  {'(all queries, sum)':36}  "
                f"{sum(q['engine_ms'] for q in size['queries']):10.2f}  {sum(q['duckdb_ms'] for q in size['queries']):10.2f}"
                f"  {sum(q['engine_ms'] for q in size['queries']) / max(sum(q['duckdb_ms'] for q in size['queries']), 1e-9):12.2f}x"
            )
        lines.append("")
    lines.append(
        "* needs the cells of single days (a period's edge days) or of a bias motivation with an incident type"
    )
    lines.append("")
    for run in runs:
        smallest, largest = run["sizes"][0], run["sizes"][-1]
        lines.append(
            f"== {run['database']} ({run['server_version']}): targets at {largest['size']:,} reports "
            f"(growth against {smallest['size']:,})"
        )
        for index, query in enumerate(largest["queries"]):
            vs_duck = query["engine_ms"] / query["duckdb_ms"]
            growth = query["engine_ms"] / smallest["queries"][index]["engine_ms"]
            ok_duck, ok_growth = vs_duck <= TARGET_VS_DUCKDB, growth <= TARGET_GROWTH
            verdicts[f"{run['database']}: {query['name']}"] = {
                "engine_vs_duckdb": round(vs_duck, 3),
                "pass_vs_duckdb": ok_duck,
                "growth": round(growth, 3),
                "pass_growth": ok_growth,
            }
            lines.append(
                f"  {'PASS' if ok_duck else 'FAIL'} {vs_duck:6.2f}x DuckDB   {'PASS' if ok_growth else 'FAIL'} "
                f"{growth:6.2f}x the {smallest['size']:,} latency   {query['name']}{'*' if query['from_reports'] else ''}"
            )
        rebuilds = ", ".join(f"{size['size']:,} in {size['rebuild_s']:.1f} s" for size in run["sizes"])
        checks = ", ".join(f"{size['catch_up_ms']:.2f} ms" for size in run["sizes"])
        lines.append(f"  statistics_rebuild(): {rebuilds}; catch-up check (nothing changed): {checks}")
        lines.append(f"  catch-up check plan: {' / '.join(run['explain'])}")
    lines.append(f"(targets: engine <= {TARGET_VS_DUCKDB:g}x DuckDB, latency growth <= {TARGET_GROWTH:g}x)")
    return lines, verdicts, valid


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="10000,100000,1000000", help="numbers of reports (default 10k, 100k, 1M)")
    parser.add_argument("--databases", default="sqlite,postgres", help="sqlite, postgres or both (default both)")
    parser.add_argument("--repeat", type=int, default=7, help="timed runs per query after one warm-up (default 7)")
    parser.add_argument("--seed", type=int, default=2026, help="random seed of the generated reports")
    parser.add_argument("--keep", action="store_true", help="keep the temporary directories")
    parser.add_argument("--output", default=str(RESULTS), help=f"where to write the JSON (default {RESULTS})")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--child-output", default="", help=argparse.SUPPRESS)
    parser.add_argument("--data-dir", default="", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    args.sizes = sorted({int(size.replace("_", "")) for size in str(args.sizes).split(",") if size.strip()})
    args.databases = [name.strip() for name in str(args.databases).split(",") if name.strip()]
    unknown = set(args.databases) - {"sqlite", "postgres"}
    if unknown:
        parser.error(f"unknown database {sorted(unknown)[0]}: choose sqlite, postgres or both")
    return args


def main(argv: Sequence[str]) -> int:
    args = parse_args(argv)
    if args.child:
        sys.path.insert(0, str(ROOT))
        return child(args)
    started = time.perf_counter()
    data = Path(tempfile.mkdtemp(prefix="sc-statsbench-data-"))
    try:
        generate_s = prepare_data(args.sizes[-1], args.seed, data)
        print(f"generated {args.sizes[-1]:,} reports (seed {args.seed}) in {generate_s:.1f} s")
        runs = [run_child(database, args, data) for database in args.databases]
    finally:
        shutil.rmtree(data, ignore_errors=True)
    lines, verdicts, valid = summarise(runs)
    print()
    print(
        f"Statistics breakdown benchmark: {', '.join(f'{size:,}' for size in args.sizes)} reports, median of {args.repeat} runs"
    )
    print()
    print("\n".join(lines))
    print(f"\ntotal time {time.perf_counter() - started:.0f} s")
    Path(args.output).parent.mkdir(parents=True, exist_ok=True)
    Path(args.output).write_text(
        json.dumps(
            {
                "when": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
                "machine": {"python": platform.python_version(), "cpus": os.cpu_count()},
                "targets": {"engine_vs_duckdb": TARGET_VS_DUCKDB, "growth": TARGET_GROWTH},
                "runs": runs,
                "verdicts": verdicts,
                "valid": valid,
            },
            indent=2,
        )
    )
    if not valid:
        print("ERRORS: the engine and DuckDB gave different answers (see the JSON); the numbers cannot be trusted.")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
