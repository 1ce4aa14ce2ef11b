"""Writes for open calls: applying, reviewing and deciding. Calls themselves are edited in ``services_calls``."""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from safecommunity.accounts.models import User
from safecommunity.core.audit import audit_record
from safecommunity.core.tasks import enqueue_on_commit
from safecommunity.programs.opencalls.attachments import CleanFile, decrypt_content, encrypt_content
from safecommunity.programs.opencalls.models import (
    Application,
    Attachment,
    Call,
    ConflictDeclaration,
    Criterion,
    Decision,
    ReviewerAssignment,
    Score,
)
from safecommunity.programs.opencalls.selectors import call_accepts_applications

RECEIPT_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


class CallNotOpen(Exception):
    """The call does not take applications (its deadline passed, it was closed, or it has not opened yet)."""


class ReviewRefused(Exception):
    """A reviewer may not score this application (no declaration, a declared conflict, or the call is decided)."""


def new_receipt_code() -> str:
    raw = "".join(secrets.choice(RECEIPT_ALPHABET) for _ in range(12))
    return "-".join(raw[i : i + 4] for i in range(0, 12, 4))


def normalise_receipt_code(entered: str) -> str:
    cleaned = "".join(ch for ch in entered.upper() if ch.isalnum()).translate(str.maketrans("OIL", "011"))
    return "-".join(cleaned[i : i + 4] for i in range(0, len(cleaned), 4))


def receipt_hash(code: str) -> str:
    key = hashlib.sha256(("opencalls-receipt:" + settings.SECRET_KEY).encode()).digest()
    return hmac.new(key, normalise_receipt_code(code).encode(), hashlib.sha256).hexdigest()


@dataclass(frozen=True)
class SubmittedApplication:
    application: Application
    receipt_code: str


def application_submit(
    *,
    call: Call,
    organisation_name: str,
    contact_name: str,
    contact_email: str,
    contact_phone: str,
    language: str,
    answers: dict[str, str],
    files: list[CleanFile],
    now: datetime | None = None,
) -> SubmittedApplication:
    """Save an application with its files (encrypted) and e-mail the receipt code in the applicant's language.

    Refused with ``CallNotOpen`` (and nothing saved) once the deadline has passed or the call is not open.
    """
    from safecommunity.programs.opencalls.tasks import send_application_receipt

    now = now or timezone.now()
    with transaction.atomic():
        locked = Call.objects.select_for_update().get(pk=call.pk)
        if not call_accepts_applications(call=locked, now=now):
            raise CallNotOpen
        code = new_receipt_code()
        application = Application.objects.create(
            call=locked,
            organisation_name=organisation_name,
            contact_name=contact_name,
            contact_email=contact_email,
            contact_phone=contact_phone,
            language=language,
            answers=json.dumps(answers, ensure_ascii=False),
            submitted_at=now,
            receipt_code=code,
            receipt_hash=receipt_hash(code),
        )
        Attachment.objects.bulk_create(
            Attachment(
                application=application,
                filename=clean.name,
                kind=clean.kind,
                content_type=clean.content_type,
                size=len(clean.content),
                sha256=clean.sha256,
                encrypted_content=encrypt_content(clean.content),
            )
            for clean in files
        )
        enqueue_on_commit(send_application_receipt, application_id=application.pk)
    return SubmittedApplication(application, code)


def application_withdraw(*, entered_code: str, call: Call, now: datetime | None = None) -> Application | None:
    """The applicant withdraws with their receipt code (before a decision); None when the code matches nothing."""
    with transaction.atomic():
        application = (
            Application.objects.select_for_update()
            .filter(call=call, receipt_hash=receipt_hash(entered_code))
            .exclude(status__in=[Application.Status.AWARDED, Application.Status.DECLINED])
            .first()
        )
        if application is None:
            return None
        if application.status != Application.Status.WITHDRAWN:
            application.status = Application.Status.WITHDRAWN
            application.withdrawn_at = now or timezone.now()
            application.save(update_fields=["status", "withdrawn_at"])
            audit_record(actor=None, action="opencalls.application_withdrawn", target=application)
    return application


def answers_of(application: Application) -> dict[str, str]:
    try:
        loaded = json.loads(application.answers or "{}")
    except ValueError:
        return {}
    return {str(key): str(value) for key, value in loaded.items()} if isinstance(loaded, dict) else {}


@dataclass(frozen=True)
class Contact:
    name: str
    email: str
    phone: str


def application_contact_open(*, actor: User, application: Application) -> Contact:
    """The applicant's contact details for an organiser of the call; every opening is recorded."""
    audit_record(actor=actor, action="opencalls.contact_viewed", target=application)
    return Contact(application.contact_name, application.contact_email, application.contact_phone)


@dataclass(frozen=True)
class OpenedFile:
    filename: str
    content_type: str
    content: bytes


def attachment_open(*, actor: User, attachment: Attachment) -> OpenedFile:
    audit_record(
        actor=actor,
        action="opencalls.attachment_opened",
        target=attachment,
        details={"application": str(attachment.application.public_id)},
    )
    content = decrypt_content(bytes(attachment.encrypted_content))
    return OpenedFile(attachment.filename, attachment.content_type, content)


# ---------------------------------------------------------------- review


@transaction.atomic
def reviewer_assign(*, actor: User, call: Call, reviewer: User) -> ReviewerAssignment:
    assignment, _created = ReviewerAssignment.objects.get_or_create(
        call=call, reviewer=reviewer, defaults={"assigned_by": actor}
    )
    audit_record(actor=actor, action="opencalls.reviewer_assigned", target=call, details={"reviewer": reviewer.pk})
    return assignment


@transaction.atomic
def reviewer_unassign(*, actor: User, assignment: ReviewerAssignment) -> None:
    """Take a reviewer off a call; allowed only before they scored anything (their scores stay on record)."""
    if Score.objects.filter(reviewer=assignment.reviewer, application__call=assignment.call).exists():
        raise ReviewRefused
    audit_record(
        actor=actor,
        action="opencalls.reviewer_unassigned",
        target=assignment.call,
        details={"reviewer": assignment.reviewer_id},
    )
    assignment.delete()


def conflict_declare(
    *, reviewer: User, application: Application, has_conflict: bool, now: datetime | None = None
) -> ConflictDeclaration:
    """Record a reviewer's declaration about one application. A declared conflict is final; a declaration of no
    conflict may later become a conflict (then the reviewer's scores of it stop counting)."""
    with transaction.atomic():
        assignment = ReviewerAssignment.objects.filter(call=application.call, reviewer=reviewer).first()
        if assignment is None or application.call.status == Call.Status.DECIDED:
            raise ReviewRefused
        existing = ConflictDeclaration.objects.select_for_update().filter(
            assignment=assignment, application=application
        )
        declaration = existing.first()
        if declaration is not None:
            if declaration.has_conflict or not has_conflict:
                return declaration
            declaration.has_conflict = True
            declaration.declared_at = now or timezone.now()
            declaration.save(update_fields=["has_conflict", "declared_at"])
        else:
            try:
                with transaction.atomic():
                    declaration = ConflictDeclaration.objects.create(
                        assignment=assignment,
                        application=application,
                        has_conflict=has_conflict,
                        declared_at=now or timezone.now(),
                    )
            except IntegrityError:  # the same declaration sent twice at once
                return ConflictDeclaration.objects.get(assignment=assignment, application=application)
        audit_record(
            actor=reviewer,
            action="opencalls.conflict_declared",
            target=application,
            details={"conflict": has_conflict},
        )
    return declaration


@dataclass(frozen=True)
class ScoreEntry:
    criterion: Criterion
    score: int | None
    comment: str


@transaction.atomic
def scores_save(*, reviewer: User, application: Application, entries: list[ScoreEntry]) -> int:
    """Save a reviewer's scores (a criterion left empty removes its score); allowed after a declaration of no
    conflict, until the call is decided. Scores above a criterion's maximum are refused by the form and here."""
    call = Call.objects.select_for_update().get(pk=application.call_id)
    declaration = ConflictDeclaration.objects.filter(assignment__reviewer=reviewer, application=application).first()
    if call.status == Call.Status.DECIDED or declaration is None or declaration.has_conflict:
        raise ReviewRefused
    saved = 0
    for entry in entries:
        if entry.criterion.call_id != call.pk:
            raise ReviewRefused
        if entry.score is None:
            Score.objects.filter(application=application, reviewer=reviewer, criterion=entry.criterion).delete()
            continue
        if not 0 <= entry.score <= entry.criterion.max_score:
            raise ValueError("score out of range")
        Score.objects.update_or_create(
            application=application,
            reviewer=reviewer,
            criterion=entry.criterion,
            defaults={"score": entry.score, "comment": entry.comment},
        )
        saved += 1
    return saved


# ---------------------------------------------------------------- decisions


def application_shortlist(*, actor: User, application: Application, shortlisted: bool) -> Application:
    with transaction.atomic():
        if application.status in {Application.Status.SUBMITTED, Application.Status.SHORTLISTED}:
            application.status = Application.Status.SHORTLISTED if shortlisted else Application.Status.SUBMITTED
            application.save(update_fields=["status"])
            audit_record(
                actor=actor, action="opencalls.shortlisted", target=application, details={"shortlisted": shortlisted}
            )
    return application


def application_decide(
    *, actor: User, application: Application, outcome: str, message: str, now: datetime | None = None
) -> Decision:
    """Award or decline an application; the applicant is e-mailed in their language once this commits.
    A decision may be changed until the call is marked decided; each change is recorded and e-mailed."""
    from safecommunity.programs.opencalls.tasks import send_decision

    with transaction.atomic():
        call = Call.objects.select_for_update().get(pk=application.call_id)
        if call.status == Call.Status.DECIDED or application.status == Application.Status.WITHDRAWN:
            raise ReviewRefused
        decision, _created = Decision.objects.update_or_create(
            application=application,
            defaults={
                "outcome": outcome,
                "message": message,
                "decided_by": actor,
                "decided_at": now or timezone.now(),
                "email_sent_at": None,
            },
        )
        application.status = (
            Application.Status.AWARDED if outcome == Decision.Outcome.AWARD else Application.Status.DECLINED
        )
        application.save(update_fields=["status"])
        audit_record(actor=actor, action="opencalls.decided", target=application, details={"outcome": outcome})
        enqueue_on_commit(send_decision, decision_id=decision.pk)
    return decision


def decision_context(decision: Decision) -> dict[str, Any]:
    from safecommunity.core.multilingual import text_in

    application = decision.application
    return {
        "call_title": text_in(application.call.title),
        "organisation_name": application.organisation_name,
        "contact_name": application.contact_name,
        "awarded": decision.outcome == Decision.Outcome.AWARD,
        "message": decision.message,
        "coalition_name": application.call.coalition.name,
        "site_url": settings.SITE_URL,
    }
