"""Triage writes: verification, merging duplicates into one incident (and back), related and dismissed pairs.

Every change is audited with codes and identifiers only. A merged report points
at the report that stands for the incident (``merged_into``) and is marked a
duplicate; statistics count the incident once. Merging is reversible: the audit
entry of a merge keeps the verification state the report had and the reports
that moved with it, and ``report_unmerge`` puts them back.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from safecommunity.core.audit import audit_record
from safecommunity.core.models import AuditEvent
from safecommunity.reports.models import Report, ReportLink

# What a coordinator may set by hand; "duplicate" comes only with a merge.
SETTABLE_VERIFICATION = (
    Report.Verification.UNVERIFIED,
    Report.Verification.VERIFIED,
    Report.Verification.NEEDS_INFO,
    Report.Verification.SPAM,
)


class TriageError(ValueError):
    """A triage change that cannot be made; the message is translated and meant for the coordinator."""


def _locked(report: Report) -> Report:
    return Report.objects.select_for_update().get(pk=report.pk)


@transaction.atomic
def report_set_verification(*, actor: Any, report: Report, verification: str) -> Report:
    if verification not in SETTABLE_VERIFICATION:
        raise TriageError(_("Please choose one of the verification states offered."))
    report = _locked(report)
    if report.merged_into_id is not None:
        raise TriageError(_("This report is merged into another one. Unmerge it first to change its verification."))
    previous = report.verification
    if previous != verification:
        report.verification = verification
        report.save(update_fields=["verification", "updated_at"])
        audit_record(
            actor=actor,
            action="report.verification",
            target=report,
            details={"from": previous, "to": verification},
        )
    return report


@transaction.atomic
def reports_merge(*, actor: Any, canonical: Report, duplicate: Report) -> Report:
    """Make ``duplicate`` part of the incident ``canonical`` stands for; reports merged into the
    duplicate move to ``canonical`` too. Returns the duplicate as stored."""
    canonical, duplicate = _locked(canonical), _locked(duplicate)
    if canonical.pk == duplicate.pk:
        raise TriageError(_("A report cannot be merged into itself."))
    if canonical.merged_into_id is not None:
        raise TriageError(_("The report to merge into is itself merged into another one. Merge into that one instead."))
    if duplicate.merged_into_id is not None:
        raise TriageError(_("This report is already merged into another one. Unmerge it first."))
    moved = list(Report.objects.select_for_update().filter(merged_into=duplicate).values_list("pk", flat=True))
    Report.objects.filter(pk__in=moved).update(merged_into=canonical, updated_at=timezone.now())
    previous = duplicate.verification
    duplicate.merged_into = canonical
    duplicate.verification = Report.Verification.DUPLICATE
    duplicate.save(update_fields=["merged_into", "verification", "updated_at"])
    audit_record(
        actor=actor,
        action="report.merge",
        target=duplicate,
        details={"into": canonical.pk, "previous_verification": previous, "moved": moved},
    )
    return duplicate


def _last_merge(report: Report) -> dict[str, Any]:
    event = (
        AuditEvent.objects.filter(action="report.merge", target_type="reports.report", target_id=str(report.pk))
        .order_by("-pk")
        .first()
    )
    return dict(event.details) if event is not None else {}


@transaction.atomic
def report_unmerge(*, actor: Any, report: Report) -> Report:
    """Undo a merge: the report stands on its own again, with the verification state it had, and the
    reports that moved with it come back to it."""
    report = _locked(report)
    canonical_id = report.merged_into_id
    if canonical_id is None:
        raise TriageError(_("This report is not merged into another one."))
    merge = _last_merge(report)
    previous = merge.get("previous_verification") or Report.Verification.UNVERIFIED
    if previous == Report.Verification.DUPLICATE:
        previous = Report.Verification.UNVERIFIED
    moved_back = list(
        Report.objects.select_for_update()
        .filter(pk__in=merge.get("moved") or [], merged_into_id=canonical_id)
        .values_list("pk", flat=True)
    )
    Report.objects.filter(pk__in=moved_back).update(merged_into=report, updated_at=timezone.now())
    report.merged_into = None
    report.verification = previous
    report.save(update_fields=["merged_into", "verification", "updated_at"])
    audit_record(
        actor=actor,
        action="report.unmerge",
        target=report,
        details={"from": canonical_id, "verification": previous, "moved_back": moved_back},
    )
    return report


def _pair(report: Report, other: Report) -> tuple[Report, Report]:
    if report.pk == other.pk:
        raise TriageError(_("Please choose two different reports."))
    return (report, other) if report.pk < other.pk else (other, report)


def _link(*, actor: Any, report: Report, other: Report, kind: str) -> ReportLink:
    first, second = _pair(report, other)
    link, created = ReportLink.objects.get_or_create(
        report=first, other=second, kind=kind, defaults={"created_by": actor if actor.is_authenticated else None}
    )
    if created:
        audit_record(
            actor=actor, action=f"report.link.{kind}", target=first, details={"other": second.pk, "kind": kind}
        )
    return link


@transaction.atomic
def reports_link_related(*, actor: Any, report: Report, other: Report) -> ReportLink:
    """Two reports of related incidents (not the same one); they are no longer suggested as duplicates."""
    return _link(actor=actor, report=report, other=other, kind=ReportLink.Kind.RELATED)


@transaction.atomic
def reports_mark_not_duplicate(*, actor: Any, report: Report, other: Report) -> ReportLink:
    """A coordinator's "not the same incident": the pair is no longer suggested."""
    return _link(actor=actor, report=report, other=other, kind=ReportLink.Kind.NOT_DUPLICATE)


@transaction.atomic
def reports_unlink(*, actor: Any, report: Report, other: Report, kind: str) -> int:
    """Undo a "related" or "not the same incident" decision."""
    first, second = _pair(report, other)
    deleted, _details = ReportLink.objects.filter(report=first, other=second, kind=kind).delete()
    if deleted:
        audit_record(actor=actor, action="report.unlink", target=first, details={"other": second.pk, "kind": kind})
    return deleted
