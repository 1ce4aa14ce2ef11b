"""Keeping personal data no longer than needed, and erasing it when a survivor asks.

What is erased: a case's notes, contact-log notes, safety plan, assessment
notes and the summaries its referrals shared, and everything personal in its
reports (``reports.erasure.report_erase_personal_data``). What stays: the
coded fields (status, outcome, dates, needs levels, consent flags, the reports'
taxonomy codes and region), so anonymised statistics keep their counts.

When, in ``cases_erase_expired``:
- a case closed more than ``PERSONAL_DATA_RETENTION_DAYS`` ago;
- a case all of whose reports were withdrawn by their reporters (at once, through
  the task the follow-up page enqueues, and again by the daily run as a safety net);
- a report in no case that was closed or withdrawn, and not changed since, more than
  ``PERSONAL_DATA_RETENTION_DAYS`` ago (a report never closed stays until triage closes it).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import Exists, OuterRef, QuerySet
from django.utils import timezone

from safecommunity.cases.models import (
    Case,
    CaseNote,
    CaseReport,
    ConsentRecord,
    ContactLogEntry,
    NeedsAssessment,
    Referral,
)
from safecommunity.cases.services import consent_record
from safecommunity.core.audit import audit_record
from safecommunity.reports.erasure import report_erase_personal_data
from safecommunity.reports.models import Report

WITHDRAWN = "withdrawn"


def case_erase_personal_data(*, case: Case, reason: str, actor: Any = None) -> Case:
    """Erase the personal data of ``case`` and of its reports; ``reason`` is a code for the audit trail."""
    now = timezone.now()
    with transaction.atomic():
        CaseNote.objects.filter(case=case).update(text="")
        ContactLogEntry.objects.filter(case=case).update(note="")
        NeedsAssessment.objects.filter(case=case).update(notes="")
        Referral.objects.filter(case=case).update(shared_summary="")
        Case.objects.filter(pk=case.pk).update(safety_plan="", personal_data_erased_at=now)
        report_ids = list(CaseReport.objects.filter(case=case).values_list("report_id", flat=True))
        for report in Report.objects.filter(pk__in=report_ids, personal_data_erased_at__isnull=True):
            report_erase_personal_data(report=report, reason=reason, actor=actor)
        audit_record(
            actor=actor,
            action="case.personal_data_erased",
            target=case,
            details={"reason": reason, "reports": report_ids},
        )
    case.refresh_from_db()
    return case


def _cutoff(now: dt.datetime | None) -> dt.datetime:
    return (now or timezone.now()) - dt.timedelta(days=settings.PERSONAL_DATA_RETENTION_DAYS)


def cases_past_retention(*, now: dt.datetime | None = None) -> QuerySet[Case]:
    return Case.objects.filter(
        status=Case.Status.CLOSED, closed_at__lte=_cutoff(now), personal_data_erased_at__isnull=True
    )


def cases_fully_withdrawn() -> QuerySet[Case]:
    """Cases not yet erased with at least one report, every one of them withdrawn."""
    in_case = CaseReport.objects.filter(case=OuterRef("pk"))
    return Case.objects.filter(personal_data_erased_at__isnull=True).filter(
        Exists(in_case), ~Exists(in_case.exclude(report__status=WITHDRAWN))
    )


def reports_outside_cases_past_retention(*, now: dt.datetime | None = None) -> QuerySet[Report]:
    return Report.objects.filter(
        status__in=["closed", WITHDRAWN], updated_at__lte=_cutoff(now), personal_data_erased_at__isnull=True
    ).exclude(pk__in=CaseReport.objects.values("report_id"))


@dataclass(frozen=True)
class ErasureRun:
    expired_cases: int
    withdrawn_cases: int
    reports: int
    dry_run: bool


def _close_withdrawn(case: Case) -> None:
    if case.status != Case.Status.CLOSED:
        Case.objects.filter(pk=case.pk).update(
            status=Case.Status.CLOSED, outcome=Case.Outcome.WITHDRAWN, closed_at=timezone.now()
        )


def cases_erase_expired(*, now: dt.datetime | None = None, dry_run: bool = False) -> ErasureRun:
    """Erase what the retention rules (see the module's description) say is due; each case in its own
    transaction, so one failure leaves the others done. ``dry_run`` only counts."""
    expired = list(cases_past_retention(now=now))
    expired_ids = {case.pk for case in expired}
    withdrawn = [case for case in cases_fully_withdrawn() if case.pk not in expired_ids]
    reports = list(reports_outside_cases_past_retention(now=now).only("pk"))
    if not dry_run:
        for case in expired:
            case_erase_personal_data(case=case, reason="retention")
        for case in withdrawn:
            with transaction.atomic():
                _close_withdrawn(case)
                case_erase_personal_data(case=case, reason="reporter_request")
        for report in reports:
            report_erase_personal_data(report=report, reason="retention")
    return ErasureRun(expired_cases=len(expired), withdrawn_cases=len(withdrawn), reports=len(reports), dry_run=dry_run)


def case_follow_reporter_request(*, report_id: int, statistics: bool, contact: bool, erased: bool) -> Case | None:
    """A reporter withdrew consent or their report on the follow-up page: the case holding that report
    records the withdrawn consent (as given "in a message through the follow-up page") and, once every
    report of the case is withdrawn, is closed and its personal data erased."""
    link = CaseReport.objects.select_related("case").filter(report_id=report_id).first()
    if link is None:
        return None
    case = link.case
    with transaction.atomic():
        for kind, withdrawn in ((ConsentRecord.Kind.STATISTICS, statistics), (ConsentRecord.Kind.CONTACT, contact)):
            if withdrawn and getattr(case, f"consent_{kind}"):
                consent_record(actor=None, case=case, kind=kind, given=False, how=ConsentRecord.How.MESSAGE)
        if erased and cases_fully_withdrawn().filter(pk=case.pk).exists():
            _close_withdrawn(case)
            case_erase_personal_data(case=case, reason="reporter_request")
    case.refresh_from_db()
    return case
