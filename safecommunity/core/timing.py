from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def no_sooner_than(seconds: float) -> Iterator[None]:
    """Make the enclosed work take at least ``seconds``, so its duration reveals nothing."""
    started = time.monotonic()
    try:
        yield
    finally:
        remaining = seconds - (time.monotonic() - started)
        if remaining > 0:
            time.sleep(remaining)
