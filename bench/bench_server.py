"""The server under test, for ``submission_throughput.py`` and ``profile_submission.py``.

The environment it runs with (``bench_env``: nothing that changes what is measured is inherited from the shell), a
throw-away SQLite database with a few regions, gunicorn started on loopback and stopped by its process group, and a
minimal HTTP client for it.
"""

from __future__ import annotations

import http.client
import json
import os
import re
import signal
import socket
import sqlite3
import subprocess
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = ROOT / ".venv" / "bin" / "python"
GUNICORN = ROOT / ".venv" / "bin" / "gunicorn"
HOST = "127.0.0.1"  # Load is only ever sent to loopback.
TRIVIAL_PATH = "/healthz"
# The submission's stages served by stages.py (receive, validate, store; render apart), in order.
STAGES = ("receive", "validate", "store", "render")
STAGE_PATH = "/en/bench-stages/{stage}/"

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


class BenchError(Exception):
    """Something went wrong: the numbers of this run cannot be trusted."""


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
