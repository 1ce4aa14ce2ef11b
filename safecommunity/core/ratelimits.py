"""Per-client rate limits kept in the database, shared by every worker.

One atomic statement per check (an upsert that returns the new count) keeps
counts exact under concurrency, which a get-then-set on a cache cannot, and
costs one write instead of several round trips.
"""

from __future__ import annotations

import random
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps
from typing import Any

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import connection
from django.http import HttpRequest, HttpResponse

from safecommunity.core.models import RateLimitCounter

_RATE = re.compile(r"^(\d+)/(\d*)([smhd])$")
_SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


@dataclass(frozen=True)
class Rate:
    count: int
    period: int

    @classmethod
    def parse(cls, text: str) -> Rate:
        match = _RATE.match(text.strip())
        if not match:
            raise ImproperlyConfigured(f"A rate looks like 10/h or 5/15m, not {text!r}.")
        count, multiple, unit = match.groups()
        return cls(int(count), int(multiple or 1) * _SECONDS[unit])


def client_key(request: HttpRequest) -> str:
    """The client's address, from the header a deployment trusts (first hop only)."""
    raw = request.META.get(settings.CLIENT_IP_HEADER) or request.META.get("REMOTE_ADDR") or "unknown"
    return raw.split(",")[0].strip()


def hit(*, group: str, key: str, rate: Rate, now: float | None = None) -> int:
    """Count one attempt in the current window and return the count so far."""
    window = int((now if now is not None else time.time()) // rate.period)
    table = connection.ops.quote_name(RateLimitCounter._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (bucket, window_start, hits) VALUES (%s, %s, 1) "  # noqa: S608
            f"ON CONFLICT (bucket, window_start) DO UPDATE SET hits = {table}.hits + 1 RETURNING hits",
            [f"{group}:{key}"[:200], window],
        )
        count = int(cursor.fetchone()[0])
    if random.random() < 0.01:
        RateLimitCounter.objects.filter(window_start__lt=window - 2).delete()
    return count


def rate_limit(*, group: str, rate_setting: str, methods: tuple[str, ...] = ("POST",)) -> Callable[[Any], Any]:
    """Refuse a client's request with the "please wait" page once it passes the rate in ``rate_setting``."""

    def decorator(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if settings.RATELIMIT_ENABLE and request.method in methods:
                rate = Rate.parse(getattr(settings, rate_setting))
                if hit(group=group, key=client_key(request), rate=rate) > rate.count:
                    from safecommunity.core.views import rate_limited

                    return rate_limited(request)
            return view(request, *args, **kwargs)

        return wrapped

    return decorator
