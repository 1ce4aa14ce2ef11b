"""Writes of the directory: partners propose changes to their services; a coalition administrator decides.

A partner never edits a published service directly: every change is a
ServiceChange that is applied only when approved. Decisions are recorded in
the audit trail and the partner organisation is emailed once they are committed.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone

from safecommunity.core.audit import audit_record
from safecommunity.core.models import Region
from safecommunity.core.tasks import enqueue_on_commit
from safecommunity.directory.models import Service, ServiceChange
from safecommunity.directory.tasks import send_service_change_decision

# Fields copied as they are from a proposal onto the service (regions are set separately, by slug).
_PLAIN_FIELDS = (
    "name",
    "kind",
    "description",
    "languages",
    "cost",
    "eligibility",
    "hours",
    "phone",
    "email",
    "url",
    "address",
    "accessibility",
    "capacity",
    "accepts_referrals",
    "is_published",
)


class ChangeAlreadyDecided(Exception):
    """The change was approved or rejected (perhaps by another administrator) in the meantime."""


def service_change_propose(
    *, actor: Any, service: Service | None, proposed: dict[str, Any], note: str = ""
) -> ServiceChange:
    """Record a partner's proposed new service (``service`` None) or change to one of their organisation's
    services. The caller has already checked that ``service`` belongs to the actor's organisation."""
    organisation_id = service.organisation_id if service is not None else actor.organisation_id
    if organisation_id is None or organisation_id != actor.organisation_id:
        raise ValueError("A change can only be proposed for one's own organisation's services.")
    with transaction.atomic():
        change = ServiceChange.objects.create(
            organisation_id=organisation_id,
            service=service,
            proposed=proposed,
            proposer_note=note,
            proposed_by=actor,
        )
        audit_record(
            actor=actor,
            action="directory.change.propose",
            target=change,
            details={"service": service.pk if service is not None else None},
        )
    return change


def _locked_pending(change: ServiceChange) -> ServiceChange:
    locked = ServiceChange.objects.select_for_update().get(pk=change.pk)
    if locked.state != ServiceChange.State.PENDING:
        raise ChangeAlreadyDecided
    return locked


def service_change_approve(*, actor: Any, change: ServiceChange, note: str = "") -> Service:
    """Apply a pending change to its service (or create the proposed service) and publish it as proposed."""
    with transaction.atomic():
        change = _locked_pending(change)
        service = change.service or Service(organisation_id=change.organisation_id)
        created = service.pk is None
        for name in _PLAIN_FIELDS:
            if name in change.proposed:
                setattr(service, name, change.proposed[name])
        service.updated_at = timezone.now()
        service.full_clean(exclude=["organisation", "regions", "translations"])
        service.save()
        if "regions" in change.proposed:
            service.regions.set(Region.objects.filter(slug__in=change.proposed["regions"]))
        change.service = service
        change.state = ServiceChange.State.APPROVED
        change.reviewed_by = actor
        change.reviewed_at = timezone.now()
        change.review_note = note
        change.save(update_fields=["service", "state", "reviewed_by", "reviewed_at", "review_note"])
        audit_record(
            actor=actor,
            action="directory.change.approve",
            target=change,
            details={"service": service.pk, "created": created},
        )
        enqueue_on_commit(send_service_change_decision, change_id=change.pk)
    return service


def service_change_reject(*, actor: Any, change: ServiceChange, note: str) -> ServiceChange:
    """Decline a pending change with a note to the partner; the service stays as it was."""
    with transaction.atomic():
        change = _locked_pending(change)
        change.state = ServiceChange.State.REJECTED
        change.reviewed_by = actor
        change.reviewed_at = timezone.now()
        change.review_note = note
        change.save(update_fields=["state", "reviewed_by", "reviewed_at", "review_note"])
        audit_record(actor=actor, action="directory.change.reject", target=change, details={})
        enqueue_on_commit(send_service_change_decision, change_id=change.pk)
    return change
