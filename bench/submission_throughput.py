"""Report-submission throughput, measured against the trivial page in the same run.

Run from the repository root: ``.venv/bin/python bench/submission_throughput.py`` (``make bench`` does this).

In one run, and in a throw-away directory: migrate a fresh SQLite database, create a few regions, start gunicorn
on 127.0.0.1 (2 sync workers, then 2 gthread workers with 4 threads each), load ``/healthz`` and report
submissions with wrk (``-t2 -c16 -d10s``), check every submission answered 200 and stored exactly one report,
weigh the report form page with its CSS and JS, print the numbers against the targets and write them to
``bench/results/latest.json``. Exits 0 when a target is missed (it is a measurement) and 1 on errors
(non-2xx answers, missing rows, a server that does not start). See ``bench/README.md``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import secrets
import shutil
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bench_server import (
    ROOT,
    STAGE_PATH,
    STAGES,
    TRIVIAL_PATH,
    WORKER_CONFIGS,
    BenchError,
    bench_env,
    count_rows,
    fetch,
    gunicorn,
    prepare_database,
)
from fixed_rate import FixedRateResult, submit_at_fixed_rate, unique_keys
from report_form import FORM_PATH, check_one_submission, form_body_prefix, form_session, page_weight
from wrk_driver import LUA_COMMON, LUA_SUBMIT, LoadResult, check_load, lua_string, run_wrk

RESULTS = ROOT / "bench" / "results" / "latest.json"

TARGET_RATIO = 0.40  # submissions/s at least 40% of the trivial page's req/s
TARGET_P99_MS = 50.0  # submission p99 at 16 concurrent clients, SQLite
TARGET_PAGE_KB = 60.0  # report form page + its CSS and JS, compressed, on the wire


@dataclass
class ConfigResult:
    name: str
    gunicorn_args: list[str]
    trivial: LoadResult
    submit: LoadResult
    reports_created: int
    tasks_enqueued: int
    ratio: float
    fixed_rate: list[FixedRateResult]  # p99 when submissions arrive at a set rate (the judged configuration only)
    # Trivial-page CPU per request / submission CPU per request: what the ratio would be if the server were the
    # only thing using the CPUs. Less sensitive than ``ratio`` to other work on a shared machine.
    cpu_ratio: float


def measure_config(
    name: str,
    env: dict[str, str],
    work: Path,
    db_path: Path,
    region_pks: Sequence[int],
    args: argparse.Namespace,
    *,
    with_page: bool,
) -> tuple[ConfigResult, dict[str, Any] | None, list[str]]:
    worker_args = WORKER_CONFIGS[name]
    page = None
    with gunicorn(env, worker_args, work / f"gunicorn-{name}.log") as server:
        port = server.port
        if with_page:
            page = page_weight(port)
        cookie_header, token = form_session(port)
        body_prefix = form_body_prefix(token, region_pks)
        check_one_submission(port, cookie_header, body_prefix, db_path)
        for _ in range(10):  # warm both workers' template and URL caches
            fetch(port, FORM_PATH, headers={"Cookie": cookie_header})
            fetch(port, TRIVIAL_PATH)
        load = {"duration": args.duration, "threads": 2, "connections": args.connections, "work": work}
        trivial = run_wrk(server, TRIVIAL_PATH, LUA_COMMON, name=f"{name}-trivial", **load)
        submit_lua = LUA_COMMON + LUA_SUBMIT.format(
            body_prefix=lua_string(body_prefix),
            path=lua_string(FORM_PATH),
            cookie=lua_string(cookie_header),
            nonce=secrets.randbelow(2**31),
        )
        before, tasks_before = count_rows(db_path)
        submit = run_wrk(server, FORM_PATH, submit_lua, name=f"{name}-submit", **load)
        time.sleep(0.5)  # let requests still in flight when wrk stopped finish
        after, tasks_after = count_rows(db_path)
        fixed = [
            submit_at_fixed_rate(
                port,
                FORM_PATH,
                headers={
                    "Content-Type": "application/x-www-form-urlencoded",
                    "Cookie": cookie_header,
                    "Accept-Language": "en",
                },
                body_for=unique_keys(body_prefix),
                rate=rate,
                duration=args.rate_duration,
            )
            for rate in (args.rates if with_page else ())
        ]
    created = after - before
    problems = check_load(trivial) + check_load(submit)
    problems += [f"{name}: at {run.rate_per_s:g}/s: {error}" for run in fixed for error in run.errors]
    # wrk counts completed responses; requests still in flight when it stops are processed but not counted.
    if not submit.requests <= created <= submit.sent:
        problems.append(
            f"{name}: wrk counted {submit.requests} submissions ({submit.sent} sent) but {created} reports were stored"
        )
    result = ConfigResult(
        name=name,
        gunicorn_args=worker_args,
        trivial=trivial,
        submit=submit,
        reports_created=created,
        tasks_enqueued=tasks_after - tasks_before,
        fixed_rate=fixed,
        ratio=round(submit.requests_per_s / trivial.requests_per_s, 4) if trivial.requests_per_s else 0.0,
        cpu_ratio=round(trivial.server_cpu_ms_per_request / submit.server_cpu_ms_per_request, 4)
        if submit.server_cpu_ms_per_request
        else 0.0,
    )
    return result, page, problems


@dataclass
class StagesResult:
    """The submission taken apart (``stages.py``), each stage loaded like the submission, in one server."""

    trivial: LoadResult
    stages: dict[str, LoadResult]  # receive, validate, store, render, then "submission" (the real POST)


def measure_stages(
    env: dict[str, str], work: Path, region_pks: Sequence[int], args: argparse.Namespace
) -> StagesResult:
    stage_env = {**env, "DJANGO_SETTINGS_MODULE": "stages_settings", "PYTHONPATH": str(ROOT / "bench")}
    worker_args = WORKER_CONFIGS[args.worker_names[0]]
    with gunicorn(stage_env, worker_args, work / "gunicorn-stages.log") as server:
        cookie_header, token = form_session(server.port)
        body_prefix = form_body_prefix(token, region_pks)
        load = {"duration": args.stage_duration, "threads": 2, "connections": args.connections, "work": work}
        for _ in range(10):
            fetch(server.port, TRIVIAL_PATH)
        trivial = run_wrk(server, TRIVIAL_PATH, LUA_COMMON, name="stages-trivial", **load)
        stages: dict[str, LoadResult] = {}
        for stage, path in [*((stage, STAGE_PATH.format(stage=stage)) for stage in STAGES), ("submission", FORM_PATH)]:
            lua = LUA_COMMON + LUA_SUBMIT.format(
                body_prefix=lua_string(body_prefix),
                path=lua_string(path),
                cookie=lua_string(cookie_header),
                nonce=secrets.randbelow(2**31),
            )
            stages[stage] = run_wrk(server, path, lua, name=f"stages-{stage}", **load)
    return StagesResult(trivial=trivial, stages=stages)


def print_stages(result: StagesResult) -> None:
    trivial = result.trivial
    print()
    print("== the submission taken apart (bench/stages.py; same body, same server, one stage after another)")
    print(f"  {'stage':40} {'req/s':>9} {'of trivial':>11} {'CPU ms/req':>11} {'CPU added':>10}")
    rows: list[tuple[str, LoadResult, float | None]] = [("trivial page GET /healthz", trivial, None)]
    labels = {
        "receive": "receive: CSRF-checked POST, form parsed",
        "validate": "validate: + report form validated",
        "store": "store: + report_submit",
        "submission": "submission: + rate limit, confirmation",
        "render": "render: receive + confirmation only",
    }
    previous = trivial.server_cpu_ms_per_request
    for stage in ("receive", "validate", "store", "submission", "render"):
        load = result.stages[stage]
        added = load.server_cpu_ms_per_request - (
            result.stages["receive"].server_cpu_ms_per_request if stage == "render" else previous
        )
        rows.append((labels[stage], load, added))
        if stage != "render":
            previous = load.server_cpu_ms_per_request
    for label, load, cpu_added in rows:
        share = load.requests_per_s / trivial.requests_per_s if trivial.requests_per_s else 0.0
        added_text = f"{cpu_added:+10.2f}" if cpu_added is not None else f"{'':10}"
        print(
            f"  {label:40} {load.requests_per_s:9.1f} {share:11.1%} {load.server_cpu_ms_per_request:11.2f} {added_text}"
        )


def verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def targets_for(config: ConfigResult, page: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {
        "ratio": {"value": config.ratio, "target": f">= {TARGET_RATIO:.0%}", "pass": config.ratio >= TARGET_RATIO},
        "submit_p99_ms": {
            "value": config.submit.p99_ms,
            "target": f"<= {TARGET_P99_MS:.0f} ms",
            "pass": config.submit.p99_ms <= TARGET_P99_MS,
        },
        "form_page_kb": {
            "value": page["wire_kb"],
            "target": f"<= {TARGET_PAGE_KB:.0f} KB",
            "pass": page["wire_kb"] <= TARGET_PAGE_KB,
        },
    }


def print_report(
    configs: list[ConfigResult], page: dict[str, Any] | None, args: argparse.Namespace, *, valid: bool
) -> None:
    print()
    print(f"Safe Community submission benchmark: wrk -t2 -c{args.connections} -d{args.duration}s, SQLite, 127.0.0.1")
    for config in configs:
        print()
        print(f"== gunicorn {' '.join(config.gunicorn_args)}")
        for label, load in (
            ("trivial page  GET /healthz ", config.trivial),
            ("submissions   POST /en/report/", config.submit),
        ):
            print(
                f"  {label:31} {load.requests_per_s:9.1f} req/s  p50 {load.p50_ms:7.2f} ms  p90 {load.p90_ms:7.2f} ms"
                f"  p99 {load.p99_ms:7.2f} ms  max {load.max_ms:7.2f} ms  ({load.requests} requests)"
            )
            print(
                f"  {'':31} server CPU {load.server_cpu_ms_per_request:6.2f} ms/request, wrk CPU {load.wrk_cpu_s:.1f} s, "
                f"other processes used {load.other_cpu_share:.0%} of the {os.cpu_count()} CPUs"
            )
        print(f"  ratio submissions / trivial  {config.ratio:.1%}  (by server CPU per request: {config.cpu_ratio:.1%})")
        print(
            f"  reports stored {config.reports_created} for {config.submit.requests} completed submissions "
            f"({config.submit.sent} sent); background tasks queued {config.tasks_enqueued}"
        )
        for run in config.fixed_rate:
            print(
                f"  at a fixed {run.rate_per_s:g} submissions/s for {run.duration_s:g} s (latency from when each was due): "
                f"p50 {run.p50_ms:.2f} ms  p90 {run.p90_ms:.2f} ms  p99 {run.p99_ms:.2f} ms  max {run.max_ms:.2f} ms  "
                f"({run.answered_ok} of {run.sent} answered 200)"
            )
    if page:
        print()
        print("== report form page (GET /en/report/ with Accept-Encoding: gzip, br, plus its CSS and JS)")
        for asset in page["assets"]:
            print(
                f"  {asset['kind']:4} {asset['url']:40} wire {asset['wire_bytes'] / 1024:6.2f} KB "
                f"({asset['content_encoding']})  uncompressed {asset['uncompressed_bytes'] / 1024:6.2f} KB"
            )
        print(
            f"  total wire {page['wire_kb']:.2f} KB, uncompressed {page['uncompressed_kb']:.2f} KB "
            f"(if every file were gzip -9: {page['gzip9_kb']:.2f} KB)"
        )
    busy = max((load.other_cpu_share for config in configs for load in (config.trivial, config.submit)), default=0)
    if busy > 0.1:
        print()
        print(
            f"NOTE: other processes used up to {busy:.0%} of the CPUs during the load runs: req/s and latencies are "
            "lower than on a quiet machine, and the ratio drifts; the CPU-per-request ratio is the steadier figure."
        )
    if configs and page and not valid:
        print()
        print("== targets not judged: this run had errors (listed below)")
    elif configs and page:
        print()
        for config in configs:
            print(f"== targets, gunicorn {config.name}" + ("" if config is configs[0] else " (for comparison)"))
            for name, target in targets_for(config, page).items():
                value = target["value"]
                shown = f"{value:.1%}" if name == "ratio" else f"{value:.2f}"
                print(f"  {verdict(target['pass'])}  {name:14} {shown:>9}  (target {target['target']})")


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--duration", type=int, default=10, help="seconds per wrk run (default 10)")
    parser.add_argument("--connections", type=int, default=16, help="concurrent wrk connections (default 16)")
    parser.add_argument(
        "--workers",
        default="sync,gthread",
        help="comma-separated gunicorn configurations from: sync, gthread (default both; the first one is judged)",
    )
    parser.add_argument(
        "--env", action="append", default=[], metavar="KEY=VALUE", help="extra server setting, e.g. CONN_MAX_AGE=0"
    )
    parser.add_argument(
        "--rates",
        default="25,100,150",
        help="fixed arrival rates (submissions/s, comma-separated) to measure latency at, on the first configuration",
    )
    parser.add_argument("--rate-duration", type=float, default=10, help="seconds per fixed rate (default 10)")
    parser.add_argument(
        "--stage-duration",
        type=int,
        default=5,
        help="seconds per wrk run of each submission stage (default 5; 0 skips the stages)",
    )
    parser.add_argument("--keep", action="store_true", help="keep the temporary directory (database, logs)")
    parser.add_argument("--output", type=Path, default=RESULTS, help=f"JSON results (default {RESULTS})")
    args = parser.parse_args(argv)
    args.worker_names = [name.strip() for name in args.workers.split(",") if name.strip()]
    unknown = set(args.worker_names) - set(WORKER_CONFIGS)
    if unknown or not args.worker_names:
        parser.error(f"unknown --workers {sorted(unknown)}; choose from {sorted(WORKER_CONFIGS)}")
    if not 1 <= args.duration <= 60:
        parser.error("--duration must be between 1 and 60 seconds")
    try:
        args.rates = [float(rate) for rate in args.rates.split(",") if rate.strip()]
    except ValueError:
        parser.error(f"--rates takes numbers separated by commas, not {args.rates!r}")
    if any(not 0 < rate <= 1000 for rate in args.rates) or not 1 <= args.rate_duration <= 60:
        parser.error("each rate must be between 0 and 1000 per second and --rate-duration between 1 and 60 s")
    if not 0 <= args.stage_duration <= 60:
        parser.error("--stage-duration must be between 0 and 60 seconds")
    extra: dict[str, str] = {}
    for item in args.env:
        key, sep, value = item.partition("=")
        if not sep or not key:
            parser.error(f"--env takes KEY=VALUE, not {item!r}")
        extra[key] = value
    args.extra_env = extra
    return args


def main(argv: Sequence[str]) -> int:
    args = parse_args(argv)
    started = time.monotonic()
    if shutil.which("wrk") is None:
        print("wrk is not installed: apt-get install -y wrk (or make bench, which installs it)", file=sys.stderr)
        return 2
    work = Path(tempfile.mkdtemp(prefix="sc-bench-"))
    db_path = work / "db.sqlite3"
    env = bench_env(work, args.extra_env)
    configs: list[ConfigResult] = []
    page: dict[str, Any] | None = None
    stages: StagesResult | None = None
    problems: list[str] = []
    try:
        region_pks = prepare_database(env)
        for name in args.worker_names:
            config, config_page, config_problems = measure_config(
                name, env, work, db_path, region_pks, args, with_page=page is None
            )
            configs.append(config)
            page = page or config_page
            problems += config_problems
        if args.stage_duration:
            stages = measure_stages(env, work, region_pks, args)
            problems += [problem for load in (stages.trivial, *stages.stages.values()) for problem in check_load(load)]
    except BenchError as error:
        problems.append(str(error))
    except KeyboardInterrupt:
        problems.append("interrupted")
    finally:
        if args.keep:
            print(f"Kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    print_report(configs, page, args, valid=not problems)
    if stages:
        print_stages(stages)
    elapsed = time.monotonic() - started
    results: dict[str, Any] = {
        "measured_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "elapsed_s": round(elapsed, 1),
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform()},
        "load": {"tool": "wrk", "threads": 2, "connections": args.connections, "duration_s": args.duration},
        "server_env": {
            key: env[key] for key in ("SAFECOMMUNITY_ENV", "DEBUG", "REPORT_SUBMIT_RATE", *sorted(args.extra_env))
        },
        "configs": [asdict(config) for config in configs],
        "page": page,
        "stages": asdict(stages) if stages else None,
        "targets": targets_for(configs[0], page) if configs and page and not problems else None,
        "problems": problems,
    }
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print()
    print(f"Results written to {args.output} ({elapsed:.0f} s).")
    if problems:
        print("\nERRORS (these numbers cannot be trusted):", file=sys.stderr)
        for problem in problems:
            print(f"  - {problem}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
