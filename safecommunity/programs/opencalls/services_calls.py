"""Writes for organisers: a call, its questions and its rubric, and its status."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.db.models import Max

from safecommunity.accounts.models import Coalition, User
from safecommunity.core.audit import audit_record
from safecommunity.programs.opencalls.models import Call, Criterion, Question

CALL_FIELDS = (
    "slug",
    "kind",
    "title",
    "summary",
    "criteria",
    "eligibility",
    "amount",
    "opens_at",
    "deadline",
    "time_zone",
    "allowed_file_types",
    "max_file_mb",
    "max_files",
)


@transaction.atomic
def call_create(*, actor: User, coalition: Coalition, values: dict[str, Any]) -> Call:
    call = Call.objects.create(
        coalition=coalition, created_by=actor, **{name: values[name] for name in CALL_FIELDS if name in values}
    )
    audit_record(actor=actor, action="opencalls.call_created", target=call)
    return call


@transaction.atomic
def call_update(*, actor: User, call: Call, values: dict[str, Any]) -> Call:
    for name in CALL_FIELDS:
        if name in values:
            setattr(call, name, values[name])
    call.save()
    audit_record(actor=actor, action="opencalls.call_updated", target=call)
    return call


@transaction.atomic
def call_set_status(*, actor: User, call: Call, status: str) -> Call:
    """Open, close or mark the call decided (which ends scoring and changes of decision)."""
    call.status = status
    call.save(update_fields=["status", "updated_at"])
    audit_record(actor=actor, action="opencalls.call_status", target=call, details={"status": status})
    return call


def _next_position(queryset: Any) -> int:
    return int(queryset.aggregate(top=Max("position"))["top"] or 0) + 1


@transaction.atomic
def question_add(*, actor: User, call: Call, text: dict[str, str], kind: str, required: bool) -> Question:
    question = Question.objects.create(
        call=call, position=_next_position(call.questions), text=text, kind=kind, required=required
    )
    audit_record(actor=actor, action="opencalls.question_added", target=call, details={"question": question.pk})
    return question


@transaction.atomic
def question_delete(*, actor: User, question: Question) -> None:
    audit_record(
        actor=actor, action="opencalls.question_deleted", target=question.call, details={"question": question.pk}
    )
    question.delete()


@transaction.atomic
def criterion_add(
    *, actor: User, call: Call, name: dict[str, str], description: dict[str, str], weight: Any, max_score: int
) -> Criterion:
    criterion = Criterion.objects.create(
        call=call,
        position=_next_position(call.rubric),
        name=name,
        description=description,
        weight=weight,
        max_score=max_score,
    )
    audit_record(actor=actor, action="opencalls.criterion_added", target=call, details={"criterion": criterion.pk})
    return criterion


@transaction.atomic
def criterion_delete(*, actor: User, criterion: Criterion) -> bool:
    """Remove a line of the rubric; refused (False) once a reviewer has scored it."""
    if criterion.scores.exists():
        return False
    audit_record(
        actor=actor, action="opencalls.criterion_deleted", target=criterion.call, details={"criterion": criterion.pk}
    )
    criterion.delete()
    return True
