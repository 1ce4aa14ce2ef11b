from __future__ import annotations

from typing import Any

from django.db import transaction


def enqueue_on_commit(task: Any, **kwargs: Any) -> None:
    """Queue a background task so that it runs only if the current transaction commits.

    With the database queue the task row is written inside the transaction (an
    outbox: it commits or vanishes with the data it is about, at no extra
    commit); any other backend is asked only after the commit.
    """
    from django_tasks_db import DatabaseBackend

    if isinstance(task.get_backend(), DatabaseBackend) and transaction.get_connection().in_atomic_block:
        task.enqueue(**kwargs)
    else:
        transaction.on_commit(lambda: task.enqueue(**kwargs))
