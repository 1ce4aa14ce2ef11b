"""Submissions sent at a fixed rate, as reports arrive in life, instead of wrk's back-to-back clients.

wrk's 16 clients each send the next request the moment an answer comes, so their latency is 16 ÷ throughput: it
measures a saturated server. Here requests leave on a schedule (``rate`` per second) whatever the server does, and
each latency is counted from the moment its request was due, so a server that falls behind is charged for the wait
(no "coordinated omission"). The question it answers: how long does a reporter wait when reports arrive at this rate?
"""

from __future__ import annotations

import secrets
import statistics
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from bench_server import fetch


@dataclass
class FixedRateResult:
    rate_per_s: float
    duration_s: float
    sent: int
    answered_ok: int
    p50_ms: float
    p90_ms: float
    p99_ms: float
    max_ms: float
    errors: list[str]


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))] if ordered else 0.0


def submit_at_fixed_rate(
    port: int,
    path: str,
    *,
    headers: dict[str, str],
    body_for: Callable[[int], bytes],
    rate: float,
    duration: float,
    workers: int = 32,
) -> FixedRateResult:
    latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()

    def send(number: int, due: float) -> None:
        try:
            response = fetch(port, path, method="POST", headers=headers, body=body_for(number))
            ok, problem = response.status == 200, f"HTTP {response.status}"
        except OSError as error:
            ok, problem = False, f"{type(error).__name__}: {error}"
        elapsed_ms = (time.perf_counter() - due) * 1000
        with lock:
            if ok:
                latencies.append(elapsed_ms)
            else:
                errors.append(problem)

    count = int(rate * duration)
    start = time.perf_counter() + 0.05
    with ThreadPoolExecutor(max_workers=workers) as pool:
        for number in range(count):
            due = start + number / rate
            time.sleep(max(0.0, due - time.perf_counter()))
            pool.submit(send, number, due)
    return FixedRateResult(
        rate_per_s=rate,
        duration_s=duration,
        sent=count,
        answered_ok=len(latencies),
        p50_ms=round(statistics.median(latencies), 2) if latencies else 0.0,
        p90_ms=round(percentile(latencies, 0.90), 2),
        p99_ms=round(percentile(latencies, 0.99), 2),
        max_ms=round(max(latencies, default=0.0), 2),
        errors=sorted(set(errors))[:5] + ([f"{len(errors)} failed in all"] if errors else []),
    )


def unique_keys(prefix: str) -> Callable[[int], bytes]:
    """A body per request: the form's fields and a submission_key no other request of any run has."""
    nonce = secrets.token_hex(4)

    def body_for(number: int) -> bytes:
        return f"{prefix}{nonce}-0000-4000-8000-{number:012x}".encode()

    return body_for
