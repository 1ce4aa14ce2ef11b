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
import gzip
import http.client
import json
import os
import platform
import re
import resource
import secrets
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import zlib
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime, timedelta
from html.parser import HTMLParser
from http.cookies import SimpleCookie
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urljoin, urlsplit

ROOT = Path(__file__).resolve().parent.parent
PYTHON = ROOT / ".venv" / "bin" / "python"
GUNICORN = ROOT / ".venv" / "bin" / "gunicorn"
RESULTS = ROOT / "bench" / "results" / "latest.json"
HOST = "127.0.0.1"  # Load is only ever sent to loopback.
FORM_PATH = "/en/report/"
TRIVIAL_PATH = "/healthz"

TARGET_RATIO = 0.40  # submissions/s at least 40% of the trivial page's req/s
TARGET_P99_MS = 50.0  # submission p99 at 16 concurrent clients, SQLite
TARGET_PAGE_KB = 60.0  # report form page + its CSS and JS, compressed, on the wire

# Settings that change what is measured: never inherited from the caller's shell (use --env to experiment).
CONTROLLED_ENV = (
    "DJANGO_SETTINGS_MODULE",
    "SAFECOMMUNITY_ENV",
    "SAFECOMMUNITY_VAR_DIR",
    "DEBUG",
    "DATABASE_URL",
    "CONN_MAX_AGE",
    "CACHE_BACKEND",
    "CACHE_LOCATION",
    "TASKS_BACKEND",
    "RATELIMIT_ENABLE",
    "REPORT_SUBMIT_RATE",
    "CLIENT_IP_HEADER",
    "SECRET_KEY",
    "FIELD_ENCRYPTION_KEYS",
    "PRIVATE_STORAGE_ROOT",
    "ALLOWED_HOSTS",
)

WORKER_CONFIGS: dict[str, list[str]] = {
    "sync": ["--workers", "2", "--worker-class", "sync"],
    "gthread": ["--workers", "2", "--worker-class", "gthread", "--threads", "4"],
}

REGIONS_SCRIPT = """
import json
from safecommunity.core.models import Region, RegionSet
region_set, _ = RegionSet.objects.get_or_create(slug="bench-counties", defaults={"name": "Bench counties"})
names = ["Alder", "Birch", "Cedar", "Douglas", "Elm"]
regions = [
    Region.objects.get_or_create(slug="bench-" + name.lower(), defaults={"name": name + " County", "region_set": region_set})[0]
    for name in names
]
print("REGIONS " + json.dumps([region.pk for region in regions]))
"""

DESCRIPTION = (
    "I was waiting for the bus outside the grocery store on Main Street when a man walked up to me and started "
    "shouting insults about my family and where we come from. He told me to go back to my own country and kept "
    "following me for about a block. Two other people saw it happen but did not say anything. I felt unsafe."
)

LUA_COMMON = """
threads = {}
counter = 0
thread_id = 0

function setup(thread)
  table.insert(threads, thread)
  thread:set("thread_id", #threads)
end

function done(summary, latency, requests)
  local sent = 0
  for _, t in ipairs(threads) do sent = sent + (t:get("counter") or 0) end
  local e = summary.errors
  io.write(string.format(
    'BENCH_JSON {"requests": %d, "duration_us": %d, "bytes": %d, "sent": %d, ' ..
    '"connect": %d, "read": %d, "write": %d, "status": %d, "timeout": %d, ' ..
    '"p50_us": %.1f, "p90_us": %.1f, "p99_us": %.1f, "mean_us": %.1f, "max_us": %.1f}\\n',
    summary.requests, summary.duration, summary.bytes, sent,
    e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.mean, latency.max))
end
"""

# Every request carries a new submission_key: run nonce, thread, random bits and a per-thread counter,
# so keys are unique within the run and across runs on the same database.
LUA_SUBMIT = """
local body_prefix = {body_prefix}
local path = {path}
local headers = {{
  ["Content-Type"] = "application/x-www-form-urlencoded",
  ["Cookie"] = {cookie},
  ["Accept-Language"] = "en",
}}
local run_nonce = {nonce}

function init(args)
  math.randomseed(os.time() + thread_id * 7919 + math.floor(os.clock() * 1000000))
end

function request()
  counter = counter + 1
  local key = string.format("%08x-%04x-4%03x-%04x-%012x",
    run_nonce, thread_id, math.random(0, 4095), 32768 + math.random(0, 16383), counter)
  return wrk.format("POST", path, headers, body_prefix .. key)
end
"""


class BenchError(Exception):
    """Something went wrong: the numbers of this run cannot be trusted."""


@dataclass
class LoadResult:
    path: str
    requests: int
    duration_s: float
    requests_per_s: float
    p50_ms: float
    p90_ms: float
    p99_ms: float
    mean_ms: float
    max_ms: float
    sent: int
    errors: dict[str, int]
    server_cpu_ms_per_request: float
    wrk_cpu_s: float
    # Share of the machine's CPU time used by anything other than this server and wrk during the run.
    other_cpu_share: float
    wrk_output: str = field(repr=False)


@dataclass
class ConfigResult:
    name: str
    gunicorn_args: list[str]
    trivial: LoadResult
    submit: LoadResult
    reports_created: int
    tasks_enqueued: int
    ratio: float
    # Trivial-page CPU per request / submission CPU per request: what the ratio would be if the server were the
    # only thing using the CPUs. Less sensitive than ``ratio`` to other work on a shared machine.
    cpu_ratio: float


@dataclass
class PageAsset:
    url: str
    kind: str
    status: int
    wire_bytes: int
    uncompressed_bytes: int
    content_encoding: str
    gzip9_bytes: int


def lua_string(value: str) -> str:
    if not value.isascii():
        raise BenchError(f"Only ASCII goes into the wrk script: {value!r}")
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


def bench_env(var_dir: Path, extra: dict[str, str]) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if key not in CONTROLLED_ENV}
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "config.settings",
            "SAFECOMMUNITY_ENV": "development",
            "DEBUG": "false",
            "SAFECOMMUNITY_VAR_DIR": str(var_dir),
            "DATABASE_URL": f"sqlite:///{var_dir / 'db.sqlite3'}",
            "REPORT_SUBMIT_RATE": "1000000/m",
            "PYTHONUNBUFFERED": "1",
            "PYTHONWARNINGS": "ignore",
        }
    )
    env.update(extra)
    return env


def manage(env: dict[str, str], *args: str, timeout: float = 60) -> str:
    command = [str(PYTHON), "manage.py", *args]
    try:
        done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired as exc:
        raise BenchError(f"manage.py {args[0]} took more than {timeout:.0f} s") from exc
    if done.returncode != 0:
        raise BenchError(f"manage.py {args[0]} failed ({done.returncode}):\n{done.stdout}\n{done.stderr}")
    return done.stdout


def prepare_database(env: dict[str, str]) -> list[int]:
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "createcachetable")
    out = manage(env, "shell", "-c", REGIONS_SCRIPT)
    match = re.search(r"^REGIONS (\[.*\])$", out, re.MULTILINE)
    if not match:
        raise BenchError(f"Could not create the regions:\n{out}")
    pks: list[int] = json.loads(match.group(1))
    return pks


def count_rows(db_path: Path) -> tuple[int, int]:
    """(reports, queued tasks) in the benchmark database."""
    with sqlite3.connect(f"file:{db_path}?mode=ro", uri=True, timeout=20) as db:
        reports = db.execute("SELECT COUNT(*) FROM reports_report").fetchone()[0]
        tables = [row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        task_table = next((name for name in tables if name.endswith("dbtaskresult")), None)
        tasks = db.execute(f"SELECT COUNT(*) FROM {task_table}").fetchone()[0] if task_table else -1  # noqa: S608
    db.close()
    return int(reports), int(tasks)


@dataclass
class Response:
    status: int
    headers: http.client.HTTPMessage
    body: bytes


def fetch(
    port: int, path: str, *, method: str = "GET", headers: dict[str, str] | None = None, body: bytes = b""
) -> Response:
    connection = http.client.HTTPConnection(HOST, port, timeout=10)
    try:
        connection.request(method, path, body=body or None, headers=headers or {})
        response = connection.getresponse()
        return Response(response.status, response.headers, response.read())
    finally:
        connection.close()


@dataclass
class Server:
    port: int
    pid: int


def process_tree_cpu_s(root_pid: int) -> float:
    """User + system CPU seconds used so far by a process and its direct children (gunicorn master + workers)."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0
    for stat_path in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat_path.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        pid, ppid = int(stat_path.parent.name), int(fields[1])
        if root_pid in (pid, ppid):
            total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / ticks


def machine_busy_s() -> float:
    """CPU seconds all CPUs have spent busy since boot (everything in /proc/stat but idle and iowait)."""
    with open("/proc/stat") as stat:
        values = [int(value) for value in stat.readline().split()[1:9]]
    return (sum(values) - values[3] - values[4]) / os.sysconf("SC_CLK_TCK")


@contextmanager
def gunicorn(env: dict[str, str], worker_args: Sequence[str], log_path: Path) -> Iterator[Server]:
    port = free_port()
    command = [
        str(GUNICORN),
        "config.wsgi",
        "--bind",
        f"{HOST}:{port}",
        *worker_args,
        "--timeout",
        "30",
        "--graceful-timeout",
        "5",
        "--log-level",
        "warning",
        "--error-logfile",
        str(log_path),
    ]
    if Path("/dev/shm").is_dir():
        command += ["--worker-tmp-dir", "/dev/shm"]
    with log_path.open("ab") as log:
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=log, start_new_session=True)
    try:
        deadline = time.monotonic() + 20
        while True:
            if process.poll() is not None:
                raise BenchError(f"gunicorn exited with {process.returncode}:\n{tail(log_path)}")
            try:
                if fetch(port, TRIVIAL_PATH).status == 200:
                    break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise BenchError(f"gunicorn did not answer {TRIVIAL_PATH} within 20 s:\n{tail(log_path)}")
            time.sleep(0.1)
        yield Server(port=port, pid=process.pid)
    finally:
        stop(process)


def stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is not None:
        return
    # Our own gunicorn's process group (master and its workers), by id.
    os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=5)


def tail(path: Path, lines: int = 30) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return "(no log)"


def form_session(port: int) -> tuple[str, str]:
    """GET the form once, as a browser would: (Cookie header to send back, csrfmiddlewaretoken)."""
    response = fetch(port, FORM_PATH, headers={"Accept-Language": "en"})
    if response.status != 200:
        raise BenchError(f"GET {FORM_PATH} answered {response.status}")
    cookies: SimpleCookie = SimpleCookie()
    for header in response.headers.get_all("Set-Cookie") or []:
        cookies.load(header)
    if "csrftoken" not in cookies:
        raise BenchError(f"GET {FORM_PATH} set no csrftoken cookie")
    match = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', response.body)
    if not match:
        raise BenchError(f"GET {FORM_PATH} has no csrfmiddlewaretoken field")
    # Keep every cookie the page set (csrftoken, and sc_language from the language middleware).
    cookie_header = "; ".join(f"{name}={morsel.value}" for name, morsel in cookies.items())
    return cookie_header, match.group(1).decode()


def form_body_prefix(token: str, region_pks: Sequence[int]) -> str:
    fields = [
        ("csrfmiddlewaretoken", token),
        ("incident_types", "verbal_harassment"),
        ("description", DESCRIPTION),
        ("occurred_on", (date.today() - timedelta(days=3)).isoformat()),
        ("where", str(region_pks[0])),
        ("location_type", "business"),
        ("consent_statistics", "on"),
        ("website", ""),
    ]
    return urlencode(fields) + "&submission_key="


def check_one_submission(port: int, cookie_header: str, body_prefix: str, db_path: Path) -> None:
    """One POST before the load, so a broken form fails with a readable reason instead of 10 s of 4xx."""
    before, _ = count_rows(db_path)
    body = (body_prefix + "00000000-0000-4000-8000-" + secrets.token_hex(6)).encode()
    headers = {"Content-Type": "application/x-www-form-urlencoded", "Cookie": cookie_header, "Accept-Language": "en"}
    response = fetch(port, FORM_PATH, method="POST", headers=headers, body=body)
    after, _ = count_rows(db_path)
    if response.status != 200 or after != before + 1:
        errors = re.findall(rb'class="[^"]*error[^"]*"[^>]*>([^<]{0,200})', response.body)
        raise BenchError(
            f"A single submission answered {response.status} and stored {after - before} reports; "
            f"form errors: {[error.decode(errors='replace').strip() for error in errors][:5]}"
        )


def run_wrk(
    server: Server, path: str, lua: str, *, work: Path, name: str, duration: int, threads: int, connections: int
) -> LoadResult:
    script = work / f"{name}.lua"
    script.write_text(lua, encoding="ascii")
    command = [
        "wrk",
        f"-t{threads}",
        f"-c{connections}",
        f"-d{duration}s",
        "--timeout",
        "5s",
        "--latency",
        "-s",
        str(script),
        f"http://{HOST}:{server.port}{path}",
    ]
    busy, server_cpu, started = machine_busy_s(), process_tree_cpu_s(server.pid), time.monotonic()
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=duration + 20, check=False)
    except subprocess.TimeoutExpired as exc:
        raise BenchError(f"wrk against {path} did not finish in {duration + 20} s") from exc
    if done.returncode != 0:
        raise BenchError(f"wrk failed ({done.returncode}): {done.stderr}")
    match = re.search(r"^BENCH_JSON (\{.*\})$", done.stdout, re.MULTILINE)
    if not match:
        raise BenchError(f"wrk printed no summary:\n{done.stdout}\n{done.stderr}")
    server_cpu = process_tree_cpu_s(server.pid) - server_cpu
    busy, elapsed = machine_busy_s() - busy, time.monotonic() - started
    children_after = resource.getrusage(resource.RUSAGE_CHILDREN)
    wrk_cpu = children_after.ru_utime + children_after.ru_stime - children.ru_utime - children.ru_stime
    raw: dict[str, float] = json.loads(match.group(1))
    duration_s = raw["duration_us"] / 1e6
    output = done.stdout[: match.start()].rstrip()
    return LoadResult(
        path=path,
        requests=int(raw["requests"]),
        duration_s=round(duration_s, 3),
        requests_per_s=round(raw["requests"] / duration_s, 1),
        p50_ms=round(raw["p50_us"] / 1000, 2),
        p90_ms=round(raw["p90_us"] / 1000, 2),
        p99_ms=round(raw["p99_us"] / 1000, 2),
        mean_ms=round(raw["mean_us"] / 1000, 2),
        max_ms=round(raw["max_us"] / 1000, 2),
        sent=int(raw["sent"]),
        errors={key: int(raw[key]) for key in ("connect", "read", "write", "status", "timeout")},
        # Requests still in flight when wrk stops used CPU too: divide by what was sent when it is known.
        server_cpu_ms_per_request=round(server_cpu * 1000 / max(raw["sent"] or raw["requests"], 1), 3),
        wrk_cpu_s=round(wrk_cpu, 2),
        other_cpu_share=round(max(busy - server_cpu - wrk_cpu, 0) / (elapsed * (os.cpu_count() or 1)), 3),
        wrk_output=output,
    )


def check_load(result: LoadResult) -> list[str]:
    problems = []
    if result.errors["status"]:
        problems.append(f"{result.path}: {result.errors['status']} non-2xx/3xx responses")
    socket_errors = {key: value for key, value in result.errors.items() if key != "status" and value}
    if socket_errors:
        problems.append(f"{result.path}: socket errors {socket_errors}")
    if result.requests == 0:
        problems.append(f"{result.path}: no request completed")
    return problems


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
    created = after - before
    problems = check_load(trivial) + check_load(submit)
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
        ratio=round(submit.requests_per_s / trivial.requests_per_s, 4) if trivial.requests_per_s else 0.0,
        cpu_ratio=round(trivial.server_cpu_ms_per_request / submit.server_cpu_ms_per_request, 4)
        if submit.server_cpu_ms_per_request
        else 0.0,
    )
    return result, page, problems


class AssetFinder(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.assets: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {key: value or "" for key, value in attrs}
        if tag == "link" and "stylesheet" in values.get("rel", "").lower().split() and values.get("href"):
            self.assets.append(("css", values["href"]))
        elif tag == "script" and values.get("src"):
            self.assets.append(("js", values["src"]))


def weigh(port: int, url: str, kind: str, cookie_header: str) -> tuple[PageAsset, bytes]:
    path = urlsplit(url).path or "/"
    compressed = fetch(port, path, headers={"Accept-Encoding": "gzip, br", "Cookie": cookie_header})
    plain = fetch(port, path, headers={"Accept-Encoding": "identity", "Cookie": cookie_header})
    if compressed.status != 200 or plain.status != 200:
        raise BenchError(f"GET {path} answered {compressed.status}/{plain.status}")
    asset = PageAsset(
        url=path,
        kind=kind,
        status=compressed.status,
        wire_bytes=len(compressed.body),
        uncompressed_bytes=len(plain.body),
        content_encoding=compressed.headers.get("Content-Encoding", "identity"),
        gzip9_bytes=len(gzip.compress(plain.body, compresslevel=9)),
    )
    return asset, plain.body


def page_weight(port: int) -> dict[str, Any]:
    """The report form as a first-time visitor downloads it: HTML + every stylesheet and script, bodies only."""
    cookie_header, _ = form_session(port)
    page, html = weigh(port, FORM_PATH, "html", cookie_header)
    finder = AssetFinder()
    finder.feed(html.decode("utf-8", errors="replace"))
    assets = [page]
    base = f"http://{HOST}:{port}{FORM_PATH}"
    for kind, href in finder.assets:
        absolute = urljoin(base, href)
        if urlsplit(absolute).netloc != f"{HOST}:{port}":
            raise BenchError(f"The form page loads {absolute} from another origin")
        assets.append(weigh(port, absolute, kind, cookie_header)[0])
    wire = sum(asset.wire_bytes for asset in assets)
    return {
        "assets": [asdict(asset) for asset in assets],
        "wire_kb": round(wire / 1024, 2),
        "uncompressed_kb": round(sum(asset.uncompressed_bytes for asset in assets) / 1024, 2),
        "gzip9_kb": round(sum(min(asset.gzip9_bytes, asset.uncompressed_bytes) for asset in assets) / 1024, 2),
        "zlib_version": zlib.ZLIB_VERSION,
    }


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
    parser.add_argument("--keep", action="store_true", help="keep the temporary directory (database, logs)")
    parser.add_argument("--output", type=Path, default=RESULTS, help=f"JSON results (default {RESULTS})")
    args = parser.parse_args(argv)
    args.worker_names = [name.strip() for name in args.workers.split(",") if name.strip()]
    unknown = set(args.worker_names) - set(WORKER_CONFIGS)
    if unknown or not args.worker_names:
        parser.error(f"unknown --workers {sorted(unknown)}; choose from {sorted(WORKER_CONFIGS)}")
    if not 1 <= args.duration <= 60:
        parser.error("--duration must be between 1 and 60 seconds")
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
