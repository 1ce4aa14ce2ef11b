"""Load with wrk: the Lua scripts, running wrk against the server, parsing its summary and the CPU accounting."""

from __future__ import annotations

import json
import os
import re
import resource
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

from bench_server import HOST, BenchError, Server

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


def lua_string(value: str) -> str:
    if not value.isascii():
        raise BenchError(f"Only ASCII goes into the wrk script: {value!r}")
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


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
