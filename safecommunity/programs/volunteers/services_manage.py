"""Organisers' writes: programmes, their required trainings and their shifts."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from safecommunity.accounts.models import Coalition, User
from safecommunity.core.audit import audit_record

from .models import Programme, Shift, ShiftSignup, TrainingRequirement


class CannotDelete(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


PROGRAMME_FIELDS = ("kind", "name", "description", "organisation", "is_active")
SHIFT_FIELDS = ("place", "meeting_point", "region", "time_zone", "starts_at", "ends_at", "size", "lead", "notes")


@transaction.atomic
def programme_create(*, actor: User, coalition: Coalition, data: dict[str, Any]) -> Programme:
    programme = Programme.objects.create(
        coalition=coalition, created_by=actor, **{name: data[name] for name in PROGRAMME_FIELDS}
    )
    audit_record(actor=actor, action="volunteers.programme_created", target=programme)
    return programme


@transaction.atomic
def programme_update(*, actor: User, programme: Programme, data: dict[str, Any]) -> Programme:
    for name in PROGRAMME_FIELDS:
        setattr(programme, name, data[name])
    programme.save()
    audit_record(actor=actor, action="volunteers.programme_updated", target=programme)
    return programme


@transaction.atomic
def requirement_create(*, actor: User, programme: Programme, data: dict[str, Any]) -> TrainingRequirement:
    requirement = TrainingRequirement.objects.create(programme=programme, name=data["name"])
    requirement.sessions.set(data["sessions"])
    audit_record(actor=actor, action="volunteers.training_required", target=requirement)
    return requirement


@transaction.atomic
def requirement_update(*, actor: User, requirement: TrainingRequirement, data: dict[str, Any]) -> TrainingRequirement:
    requirement.name = data["name"]
    requirement.save(update_fields=["name"])
    requirement.sessions.set(data["sessions"])
    audit_record(actor=actor, action="volunteers.training_updated", target=requirement)
    return requirement


@transaction.atomic
def requirement_delete(*, actor: User, requirement: TrainingRequirement) -> None:
    audit_record(actor=actor, action="volunteers.training_no_longer_required", target=requirement)
    requirement.delete()


@transaction.atomic
def shift_create(*, actor: User, programme: Programme, data: dict[str, Any]) -> Shift:
    shift = Shift.objects.create(programme=programme, **{name: data[name] for name in SHIFT_FIELDS})
    audit_record(actor=actor, action="volunteers.shift_created", target=shift)
    return shift


@transaction.atomic
def shift_update(*, actor: User, shift: Shift, data: dict[str, Any]) -> Shift:
    """Change a shift. Its size may go below the people already signed up: nobody is removed, and nobody else
    can sign up until places free up."""
    shift = Shift.objects.select_for_update().get(pk=shift.pk)
    moved = shift.starts_at != data["starts_at"]
    for name in SHIFT_FIELDS:
        setattr(shift, name, data[name])
    if moved:
        # A new start time deserves a new reminder.
        ShiftSignup.objects.filter(shift=shift).update(reminder_sent_at=None)
    shift.save()
    audit_record(actor=actor, action="volunteers.shift_updated", target=shift)
    return shift


@transaction.atomic
def shift_delete(*, actor: User, shift: Shift) -> None:
    """Remove a shift nobody is signed up for (a shift with volunteers or hours is kept: change it instead)."""
    if ShiftSignup.objects.filter(shift=shift).filter(status=ShiftSignup.Status.SIGNED_UP).exists():
        raise CannotDelete(
            _("Volunteers are signed up for this shift, so it cannot be deleted. Change it or ask them to cancel.")
        )
    audit_record(actor=actor, action="volunteers.shift_deleted", target=shift)
    shift.delete()
