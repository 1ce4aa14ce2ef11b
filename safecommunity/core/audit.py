"""The audit trail: an append-only, hash-chained record of who did what to personal data.

Every entry stores the hash of the entry before it. Writers take a lock for the
length of their transaction so that two entries never claim the same
predecessor. ``audit_chain_verify`` recomputes the chain and names the first
entry that no longer matches.
"""

from __future__ import annotations

import contextvars
import hashlib
import ipaddress
import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from django.db import connection, models, transaction
from django.http import HttpRequest

from safecommunity.core.models import AuditEvent
from safecommunity.core.ratelimits import client_key

# The request being served, set by ``core.middleware.audit_context`` so entries can say where it came from.
_request: contextvars.ContextVar[HttpRequest | None] = contextvars.ContextVar("audit_request", default=None)

# Any constant: the key of the PostgreSQL advisory lock that serialises writers of the chain.
_CHAIN_LOCK_KEY = 7_214_003


@contextmanager
def request_context(request: HttpRequest) -> Iterator[None]:
    token = _request.set(request)
    try:
        yield
    finally:
        _request.reset(token)


def _client_ip() -> str | None:
    request = _request.get()
    if request is None:
        return None
    address = client_key(request)
    try:
        ipaddress.ip_address(address)
    except ValueError:
        return None
    return address


def _entry_digest(event: AuditEvent) -> str:
    payload = json.dumps(
        [
            event.previous_hash,
            event.created_at.isoformat(),
            event.actor_label,
            event.action,
            event.target_type,
            event.target_id,
            event.details,
            event.ip_address,
        ],
        sort_keys=True,
        ensure_ascii=True,
        separators=(",", ":"),
        default=str,
    )
    return hashlib.sha256(payload.encode()).hexdigest()


def _lock_chain() -> None:
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_CHAIN_LOCK_KEY])
    # SQLite: transactions begin IMMEDIATE (see settings), so writers are already one at a time.


def audit_record(
    *,
    actor: Any,
    action: str,
    target: models.Model | None = None,
    target_type: str = "",
    target_id: str = "",
    details: dict[str, Any] | None = None,
) -> AuditEvent:
    """Record an action on a target; ``details`` must hold codes and identifiers only."""
    authenticated = getattr(actor, "is_authenticated", False)
    if target is not None:
        target_type, target_id = target._meta.label_lower, str(target.pk)
    with transaction.atomic():
        _lock_chain()
        last = AuditEvent.objects.order_by("-pk").values_list("entry_hash", flat=True).first()
        event = AuditEvent(
            actor=actor if authenticated else None,
            actor_label=actor.get_username() if authenticated else "",
            action=action,
            target_type=target_type,
            target_id=target_id[:64],
            # A JSON round trip now, so the hash is computed on exactly what the database gives back.
            details=json.loads(json.dumps(details or {}, default=str)),
            ip_address=_client_ip(),
            previous_hash=last or "",
        )
        event.entry_hash = _entry_digest(event)
        event.save(force_insert=True)
    return event


@dataclass(frozen=True)
class ChainCheck:
    entries: int
    first_broken_id: int | None
    reason: str

    @property
    def intact(self) -> bool:
        return self.first_broken_id is None


def audit_chain_verify() -> ChainCheck:
    """Recompute every entry's hash in order; the first that does not match (or does not
    follow the one before) is where the trail was edited or an entry removed."""
    previous = ""
    count = 0
    for event in AuditEvent.objects.order_by("pk").iterator(chunk_size=2000):
        count += 1
        if event.previous_hash != previous:
            return ChainCheck(count, event.pk, "previous_hash does not match the entry before it")
        if _entry_digest(event) != event.entry_hash:
            return ChainCheck(count, event.pk, "the entry's content does not match its hash")
        previous = event.entry_hash
    return ChainCheck(count, None, "")
