"""The outreach stories run their e-mail tasks when the request's transaction commits, as in production."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from django.test import Client


@pytest.fixture
def client(django_capture_on_commit_callbacks: Callable[..., Any]) -> Iterator[Client]:
    """A browser whose every request runs the work queued for after its commit (the e-mails) before returning."""

    class CommittingClient(Client):
        def request(self, **request: Any) -> Any:
            with django_capture_on_commit_callbacks(execute=True):
                return super().request(**request)

    yield CommittingClient()
