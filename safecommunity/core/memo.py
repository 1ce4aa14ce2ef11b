"""A small in-process memory for values that change rarely and are read on every page.

Help lines and regions are edited a few times a year but shown on every public
page; remembering them for a minute in each worker saves a query and the
rendering each time. Edits show within ``seconds`` everywhere, at once in the
worker that made them (the admin clears its own memory after a change).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Hashable
from functools import wraps
from typing import Any, Generic, ParamSpec, TypeVar

P = ParamSpec("P")
T = TypeVar("T")
_ALL: list[Memo[Any, Any]] = []


class Memo(Generic[P, T]):
    def __init__(self, function: Callable[P, T], seconds: float, max_entries: int) -> None:
        self.function = function
        self.seconds = seconds
        self.max_entries = max_entries
        self.values: dict[Hashable, tuple[float, T]] = {}
        self.lock = threading.Lock()
        wraps(function)(self)

    def __call__(self, *args: P.args, **kwargs: P.kwargs) -> T:
        key = (args, tuple(sorted(kwargs.items())))
        now = time.monotonic()
        found = self.values.get(key)
        if found is not None and now - found[0] < self.seconds:
            return found[1]
        value = self.function(*args, **kwargs)
        with self.lock:
            if len(self.values) >= self.max_entries:
                self.values.clear()  # bounded: keys may come from request paths
            self.values[key] = (now, value)
        return value

    def clear(self) -> None:
        with self.lock:
            self.values.clear()


def remembered(seconds: float, max_entries: int = 1000) -> Callable[[Callable[P, T]], Memo[P, T]]:
    def decorator(function: Callable[P, T]) -> Memo[P, T]:
        memo = Memo(function, seconds, max_entries)
        _ALL.append(memo)
        return memo

    return decorator


def forget_all() -> None:
    """Clear every memo: after an edit in the admin, and between tests."""
    for memo in _ALL:
        memo.clear()
