"""Writes for cases: opening, working and closing a case. Referrals are in ``services_referrals``.

Every function is atomic and audited; callers pass a case they found through
``selectors`` (so already in the actor's scope). A refusal is a
``CaseActionRefused`` carrying a translated sentence for the person.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from safecommunity.accounts.models import Organisation
from safecommunity.core.audit import audit_record
from safecommunity.reports.models import Report
from safecommunity.reports.services import reports_set_consent_statistics, reports_set_status

from .models import (
    Case,
    CaseNote,
    CaseReport,
    CaseTask,
    CaseTransfer,
    ConsentRecord,
    ContactLogEntry,
    NeedsAssessment,
)


class CaseActionRefused(Exception):
    """The action is not allowed as things stand; ``message`` says why, in the person's language."""

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


def _report_ids(case: Case) -> list[int]:
    return list(CaseReport.objects.filter(case=case).values_list("report_id", flat=True))


def _same_organisation(user: Any, organisation: Organisation) -> bool:
    return user is not None and getattr(user, "organisation_id", None) == organisation.pk


def _ensure_open(case: Case) -> None:
    if case.is_closed:
        raise CaseActionRefused(_("This case is closed. Reopen it before changing it."))


@transaction.atomic
def case_open(
    *,
    actor: Any,
    reports: Sequence[Report],
    organisation: Organisation,
    caseworker: Any = None,
    preferred_language: str = "",
    interpreter_needed: bool = False,
    consents: Mapping[str, bool] | None = None,
    consent_how: str = ConsentRecord.How.VERBAL_PHONE,
) -> Case:
    """Open a case for the survivor behind ``reports``; the reports move to "in review"."""
    if not reports:
        raise CaseActionRefused(_("Choose at least one report to open a case from."), field="reports")
    if caseworker is not None and not _same_organisation(caseworker, organisation):
        raise CaseActionRefused(
            _("The caseworker must work for the organisation that runs the case."), field="caseworker"
        )
    report_ids = [report.pk for report in reports]
    if CaseReport.objects.filter(report_id__in=report_ids).exists():
        raise CaseActionRefused(_("One of these reports already belongs to a case."), field="reports")
    now = timezone.now()
    case = Case.objects.create(
        organisation=organisation,
        caseworker=caseworker,
        opened_at=now,
        opened_by=actor if getattr(actor, "is_authenticated", False) else None,
        preferred_language=preferred_language,
        interpreter_needed=interpreter_needed,
        first_contact_due_at=now + dt.timedelta(hours=settings.CASE_FIRST_CONTACT_HOURS),
    )
    CaseReport.objects.bulk_create([CaseReport(case=case, report_id=report_id) for report_id in report_ids])
    audit_record(
        actor=actor,
        action="case.open",
        target=case,
        details={"reports": report_ids, "organisation": organisation.pk, "caseworker": getattr(caseworker, "pk", None)},
    )
    for kind, given in (consents or {}).items():
        consent_record(actor=actor, case=case, kind=kind, given=given, how=consent_how)
    reports_set_status(report_ids=report_ids, status="in_review", actor=actor)
    return case


@transaction.atomic
def case_set_status(*, actor: Any, case: Case, status: str) -> Case:
    """Move an open case along (new, in contact, in support, referred, follow-up); closing is ``case_close``."""
    if status not in Case.Status.values or status == Case.Status.CLOSED:
        raise CaseActionRefused(
            _("Choose one of the listed statuses. To close a case, give its outcome."), field="status"
        )
    if case.is_closed:
        # Reopening: the case is worked again, the reports are back in review.
        case.closed_at = None
        case.outcome = ""
        reports_set_status(report_ids=_report_ids(case), status="in_review", actor=actor)
    previous = case.status
    case.status = status
    case.save(update_fields=["status", "closed_at", "outcome"])
    audit_record(actor=actor, action="case.status", target=case, details={"from": previous, "to": status})
    return case


@transaction.atomic
def case_close(*, actor: Any, case: Case, outcome: str) -> Case:
    """Close the case with its outcome; the reports it came from are closed too."""
    if outcome not in Case.Outcome.values:
        raise CaseActionRefused(_("Choose the outcome of the case."), field="outcome")
    _ensure_open(case)
    case.status = Case.Status.CLOSED
    case.outcome = outcome
    case.closed_at = timezone.now()
    case.save(update_fields=["status", "outcome", "closed_at"])
    reports_set_status(report_ids=_report_ids(case), status="closed", actor=actor)
    audit_record(actor=actor, action="case.close", target=case, details={"outcome": outcome})
    return case


@transaction.atomic
def case_assign(*, actor: Any, case: Case, caseworker: Any) -> Case:
    """Give the case to another caseworker of the same organisation (None leaves it unassigned)."""
    if caseworker is not None and not _same_organisation(caseworker, case.organisation):
        raise CaseActionRefused(
            _("A case can only be assigned within its organisation. To move it to another organisation, transfer it."),
            field="caseworker",
        )
    previous = case.caseworker_id
    case.caseworker = caseworker
    case.save(update_fields=["caseworker"])
    audit_record(
        actor=actor,
        action="case.assign",
        target=case,
        details={"from": previous, "to": getattr(caseworker, "pk", None)},
    )
    return case


def _current_consent(case: Case, kind: str) -> ConsentRecord | None:
    return ConsentRecord.objects.filter(case=case, kind=kind).order_by("-recorded_at", "-pk").first()


@transaction.atomic
def case_transfer(*, actor: Any, case: Case, to_organisation: Organisation, caseworker: Any = None) -> CaseTransfer:
    """Move the case to another organisation, only with the survivor's current consent to share."""
    _ensure_open(case)
    if to_organisation.pk == case.organisation_id:
        raise CaseActionRefused(_("The case already belongs to this organisation."), field="to_organisation")
    if not to_organisation.is_active:
        raise CaseActionRefused(_("This organisation is no longer active."), field="to_organisation")
    consent = _current_consent(case, ConsentRecord.Kind.SHARE)
    if not case.consent_share or consent is None or not consent.given:
        raise CaseActionRefused(
            _(
                "The survivor has not agreed to share their case with partner organisations. Record their consent before transferring the case."
            )
        )
    if caseworker is not None and not _same_organisation(caseworker, to_organisation):
        raise CaseActionRefused(
            _("The caseworker must work for the organisation that receives the case."), field="caseworker"
        )
    transfer = CaseTransfer.objects.create(
        case=case,
        from_organisation_id=case.organisation_id,
        to_organisation=to_organisation,
        consent=consent,
        transferred_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    case.organisation = to_organisation
    case.caseworker = caseworker
    case.save(update_fields=["organisation", "caseworker"])
    audit_record(
        actor=actor,
        action="case.transfer",
        target=case,
        details={"from": transfer.from_organisation_id, "to": to_organisation.pk, "consent": consent.pk},
    )
    return transfer


@transaction.atomic
def consent_record(*, actor: Any, case: Case, kind: str, given: bool, how: str) -> ConsentRecord:
    """Record the survivor's consent (or its withdrawal) and how it was given; the case shows the latest."""
    if kind not in ConsentRecord.Kind.values:
        raise CaseActionRefused(_("Choose what the consent is about."), field="kind")
    if how not in ConsentRecord.How.values:
        raise CaseActionRefused(_("Choose how the survivor gave their answer."), field="how")
    record = ConsentRecord.objects.create(
        case=case,
        kind=kind,
        given=given,
        how=how,
        recorded_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    setattr(case, f"consent_{kind}", given)
    case.save(update_fields=[f"consent_{kind}"])
    if kind == ConsentRecord.Kind.STATISTICS:
        reports_set_consent_statistics(report_ids=_report_ids(case), given=given, actor=actor)
    audit_record(actor=actor, action="case.consent", target=case, details={"kind": kind, "given": given, "how": how})
    return record


@transaction.atomic
def assessment_record(*, actor: Any, case: Case, levels: Mapping[str, str], notes: str = "") -> NeedsAssessment:
    """A new needs assessment; the latest one is the case's current picture."""
    unknown = [
        domain
        for domain, level in levels.items()
        if domain not in NeedsAssessment.Domain.values or level not in NeedsAssessment.Level.values
    ]
    if unknown:
        raise CaseActionRefused(_("Give a level of need for each area."))
    complete = {domain: levels.get(domain, NeedsAssessment.Level.NONE) for domain in NeedsAssessment.Domain.values}
    assessment = NeedsAssessment.objects.create(
        case=case,
        assessed_by=actor if getattr(actor, "is_authenticated", False) else None,
        levels=complete,
        notes=notes,
    )
    audit_record(actor=actor, action="case.assessment", target=case, details={"assessment": assessment.pk})
    return assessment


@transaction.atomic
def safety_plan_update(*, actor: Any, case: Case, text: str) -> Case:
    case.safety_plan = text
    case.save(update_fields=["safety_plan"])
    audit_record(actor=actor, action="case.safety_plan", target=case)
    return case


@transaction.atomic
def note_add(*, actor: Any, case: Case, text: str) -> CaseNote:
    if not text.strip():
        raise CaseActionRefused(_("Write the note before saving it."), field="text")
    note = CaseNote.objects.create(
        case=case, author=actor if getattr(actor, "is_authenticated", False) else None, text=text.strip()
    )
    audit_record(actor=actor, action="case.note", target=case, details={"note": note.pk})
    return note


@transaction.atomic
def task_add(*, actor: Any, case: Case, title: str, due_on: dt.date, assigned_to: Any = None) -> CaseTask:
    if assigned_to is not None and not _same_organisation(assigned_to, case.organisation):
        raise CaseActionRefused(_("Tasks can only be given to staff of the case's organisation."), field="assigned_to")
    task = CaseTask.objects.create(case=case, title=title.strip(), due_on=due_on, assigned_to=assigned_to)
    audit_record(actor=actor, action="case.task_add", target=case, details={"task": task.pk})
    return task


@transaction.atomic
def task_complete(*, actor: Any, case: Case, task_id: int) -> CaseTask:
    task = CaseTask.objects.select_for_update().filter(case=case, pk=task_id).first()
    if task is None:
        raise CaseActionRefused(_("This task is not part of the case."))
    if task.done_at is None:
        task.done_at = timezone.now()
        task.save(update_fields=["done_at"])
        audit_record(actor=actor, action="case.task_done", target=case, details={"task": task.pk})
    return task


@transaction.atomic
def contact_log_add(
    *,
    actor: Any,
    case: Case,
    method: str,
    result: str,
    contacted_at: dt.datetime | None = None,
    interpreter_language: str = "",
    note: str = "",
) -> ContactLogEntry:
    """Log a contact attempt. The first time the survivor is reached is the case's first contact;
    every contact sets the next follow-up."""
    contacted_at = contacted_at or timezone.now()
    if contacted_at > timezone.now() + dt.timedelta(minutes=5):
        raise CaseActionRefused(_("A contact cannot be in the future."), field="contacted_at")
    entry = ContactLogEntry.objects.create(
        case=case,
        method=method,
        result=result,
        contacted_at=contacted_at,
        by=actor if getattr(actor, "is_authenticated", False) else None,
        interpreter_language=interpreter_language,
        note=note,
    )
    fields = ["next_follow_up_on"]
    if result == ContactLogEntry.Result.REACHED and case.first_contact_at is None:
        case.first_contact_at = contacted_at
        fields.append("first_contact_at")
        if case.status == Case.Status.NEW:
            case.status = Case.Status.IN_CONTACT
            fields.append("status")
    follow_up = timezone.localdate(contacted_at) + dt.timedelta(days=settings.CASE_FOLLOW_UP_DAYS)
    if case.next_follow_up_on is None or follow_up > case.next_follow_up_on:
        case.next_follow_up_on = follow_up
    case.save(update_fields=fields)
    audit_record(
        actor=actor, action="case.contact", target=case, details={"entry": entry.pk, "method": method, "result": result}
    )
    return entry


@transaction.atomic
def follow_up_set(*, actor: Any, case: Case, on: dt.date | None) -> Case:
    """Set (or clear) the date of the next follow-up."""
    case.next_follow_up_on = on
    case.save(update_fields=["next_follow_up_on"])
    audit_record(actor=actor, action="case.follow_up", target=case, details={"on": on.isoformat() if on else None})
    return case
