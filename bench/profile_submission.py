"""Where a report submission spends its time, in one process (no network, no concurrency).

Run from the repository root: ``.venv/bin/python bench/profile_submission.py [-n 300] [--env KEY=VALUE ...]``.

Sets up the same throw-away SQLite database as ``submission_throughput.py``, then drives the Django test client
(CSRF checks on) through GET /healthz, GET /en/report/ and POST /en/report/ with a unique submission_key each time,
and prints: mean time per request of each kind, SQL statements per submission (grouped by table and kind), and the
top functions of a cProfile of the submission loop.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import re
import shutil
import sys
import tempfile
import time
import uuid
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_server import REGIONS_SCRIPT, bench_env  # noqa: E402
from report_form import DESCRIPTION  # noqa: E402


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-n", type=int, default=300, help="submissions to time and profile (default 300)")
    parser.add_argument("--env", action="append", default=[], metavar="KEY=VALUE", help="extra setting")
    parser.add_argument("--top", type=int, default=25, help="functions to show from the profile")
    parser.add_argument(
        "--profile", choices=["submit", "form", "healthz"], default="submit", help="which request to profile"
    )
    parser.add_argument("--dump", type=Path, help="also write the raw profile there (for pstats or snakeviz)")
    return parser.parse_args(argv)


def timed(label: str, count: int, call: Callable[[], Any]) -> float:
    """Wall and CPU time per call; CPU time is what to compare when other work shares the machine."""
    wall, cpu = time.perf_counter(), time.process_time()
    for _ in range(count):
        call()
    wall_ms = (time.perf_counter() - wall) / count * 1000
    cpu_ms = (time.process_time() - cpu) / count * 1000
    print(f"  {label:32} {cpu_ms:7.2f} ms CPU  {wall_ms:7.2f} ms wall  per request")
    return cpu_ms


def statement_kind(sql: str) -> str:
    words = sql.split()
    verb = words[0].upper() if words else "?"
    match = re.search(r'(?:FROM|INTO|UPDATE)\s+"?(\w+)"?', sql, re.IGNORECASE)
    return f"{verb:9} {match.group(1) if match else ''}"


def main(argv: Sequence[str]) -> int:
    args = parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="sc-profile-"))
    extra = dict(item.split("=", 1) for item in args.env)
    os.environ.update(bench_env(work, extra))
    try:
        import django

        django.setup()
        from django.core.management import call_command
        from django.db import connection
        from django.test import Client
        from django.test.utils import CaptureQueriesContext

        call_command("migrate", "--noinput", verbosity=0)
        call_command("createcachetable")
        namespace: dict[str, Any] = {}
        exec(REGIONS_SCRIPT.replace("print(", "result = ("), namespace)  # noqa: S102
        region = namespace["regions"][0].pk

        client = Client(enforce_csrf_checks=True, HTTP_ACCEPT_LANGUAGE="en")
        page = client.get("/en/report/")
        token_match = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', page.content)
        assert token_match, "no csrfmiddlewaretoken on the form"
        fields = {
            "csrfmiddlewaretoken": token_match.group(1).decode(),
            "incident_types": "verbal_harassment",
            "description": DESCRIPTION,
            "occurred_on": "2024-03-21",
            "where": str(region),
            "location_type": "business",
            "consent_statistics": "on",
            "website": "",
        }

        def submit() -> None:
            # URL-encoded like the load test's (and a browser's, without files), not the test client's multipart.
            body = urlencode({**fields, "submission_key": str(uuid.uuid4())})
            response = client.post("/en/report/", body, content_type="application/x-www-form-urlencoded")
            assert response.status_code == 200, response.status_code

        for _ in range(20):  # warm caches
            submit()
            client.get("/en/report/")
            client.get("/healthz")

        print(f"\nIn-process timings (test client, one thread, {args.n} requests each; extra env {extra or 'none'})")
        trivial = timed("GET /healthz", args.n, lambda: client.get("/healthz"))
        timed("GET /en/report/ (form)", args.n, lambda: client.get("/en/report/"))
        post = timed("POST /en/report/ (submission)", args.n, submit)
        print(f"  submission costs {post / trivial:.1f}x the trivial page")

        with CaptureQueriesContext(connection) as queries:
            submit()
        kinds = Counter(statement_kind(query["sql"]) for query in queries.captured_queries)
        print(f"\nSQL statements for one submission: {len(queries.captured_queries)}")
        for kind, count in sorted(kinds.items()):
            print(f"  {count:3}  {kind}")

        calls: dict[str, Callable[[], Any]] = {
            "submit": submit,
            "form": lambda: client.get("/en/report/"),
            "healthz": lambda: client.get("/healthz"),
        }
        profiler = cProfile.Profile(time.process_time)
        profiler.enable()
        for _ in range(args.n):
            calls[args.profile]()
        profiler.disable()
        if args.dump:
            profiler.dump_stats(args.dump)
        out = io.StringIO()
        stats = pstats.Stats(profiler, stream=out).strip_dirs().sort_stats("cumulative")
        stats.print_stats(args.top)
        print(f"\ncProfile (CPU time) of {args.n} x {args.profile}, by cumulative time")
        print(out.getvalue().split("\n", 6)[-1])
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
