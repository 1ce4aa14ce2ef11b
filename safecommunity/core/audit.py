from __future__ import annotations

from typing import Any

from django.db import models

from safecommunity.core.models import AuditEvent


def audit_record(*, actor: Any, action: str, target: models.Model, details: dict[str, Any] | None = None) -> AuditEvent:
    """Record an action on a target; ``details`` must hold codes and identifiers only."""
    return AuditEvent.objects.create(
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        action=action,
        target_type=target._meta.label_lower,
        target_id=str(target.pk),
        details=details or {},
    )
