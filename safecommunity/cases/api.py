"""Cases over JSON for signed-in staff: coded fields only, scoped like the pages (a case outside one's scope is a 404)."""

from __future__ import annotations

import csv
import datetime as dt
import io

from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Router, Schema
from ninja.errors import HttpError
from ninja.security import django_auth

from safecommunity.core.access import require_api_capability
from safecommunity.core.audit import audit_record
from safecommunity.core.roles import Capability

from .models import Case
from .selectors import case_for_reference, cases_search

router = Router(tags=["cases"])


class CaseOut(Schema):
    reference: str
    status: str
    outcome: str
    organisation: str
    caseworker: str | None
    opened_at: dt.datetime
    closed_at: dt.datetime | None
    preferred_language: str
    interpreter_needed: bool
    consent_contact: bool
    consent_share: bool
    consent_statistics: bool
    first_contact_due_at: dt.datetime | None
    first_contact_at: dt.datetime | None
    next_follow_up_on: dt.date | None


def _out(case: Case) -> CaseOut:
    return CaseOut(
        reference=case.reference,
        status=case.status,
        outcome=case.outcome,
        organisation=case.organisation.slug,
        caseworker=case.caseworker.username if case.caseworker else None,
        opened_at=case.opened_at,
        closed_at=case.closed_at,
        preferred_language=case.preferred_language,
        interpreter_needed=case.interpreter_needed,
        consent_contact=case.consent_contact,
        consent_share=case.consent_share,
        consent_statistics=case.consent_statistics,
        first_contact_due_at=case.first_contact_due_at,
        first_contact_at=case.first_contact_at,
        next_follow_up_on=case.next_follow_up_on,
    )


# The coded fields of the CSV export, in order; nothing encrypted is loaded, let alone written.
EXPORT_COLUMNS = (
    "reference", "status", "outcome", "organisation", "opened_at", "closed_at", "preferred_language",
    "interpreter_needed", "consent_contact", "consent_share", "consent_statistics", "first_contact_due_at",
    "first_contact_at", "next_follow_up_on",
)  # fmt: skip
_CODED_FIELDS = (
    "public_id", "status", "outcome", "organisation__slug", "caseworker__username", "opened_at", "closed_at",
    "preferred_language", "interpreter_needed", "consent_contact", "consent_share", "consent_statistics",
    "first_contact_due_at", "first_contact_at", "next_follow_up_on",
)  # fmt: skip


@router.get("/cases", response=list[CaseOut], auth=django_auth)
def list_cases(request: HttpRequest, status: str = "", q: str = "", limit: int = 100, offset: int = 0) -> list[CaseOut]:
    """The cases the signed-in member of staff may see, newest first; ``q`` finds a case or report reference."""
    require_api_capability(request, Capability.WORK_CASES)
    limit = max(1, min(limit, 500))
    offset = max(0, offset)
    cases = cases_search(user=request.user, query=q, status=status).only(*_CODED_FIELDS)
    return [_out(case) for case in cases.order_by("-opened_at", "-pk")[offset : offset + limit]]


@router.get("/cases/export.csv", auth=django_auth)
def export_cases(request: HttpRequest, status: str = "") -> HttpResponse:
    """A CSV of the coded fields of every case the member of staff may see (each export is recorded)."""
    require_api_capability(request, Capability.WORK_CASES)
    cases = cases_search(user=request.user, status=status).only(*_CODED_FIELDS).order_by("opened_at", "pk")
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(EXPORT_COLUMNS)
    count = 0
    for case in cases.iterator(chunk_size=500):
        count += 1
        writer.writerow(
            [
                case.reference, case.status, case.outcome, case.organisation.slug, case.opened_at.isoformat(),
                case.closed_at.isoformat() if case.closed_at else "", case.preferred_language,
                int(case.interpreter_needed), int(case.consent_contact), int(case.consent_share),
                int(case.consent_statistics),
                case.first_contact_due_at.isoformat() if case.first_contact_due_at else "",
                case.first_contact_at.isoformat() if case.first_contact_at else "",
                case.next_follow_up_on.isoformat() if case.next_follow_up_on else "",
            ]
        )  # fmt: skip
    audit_record(
        actor=request.user, action="case.export", target_type="cases.case", details={"rows": count, "status": status}
    )
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="cases-{stamp}.csv"'
    response["Cache-Control"] = "no-store"
    return response


@router.get("/cases/{reference}", response=CaseOut, auth=django_auth)
def get_case(request: HttpRequest, reference: str) -> CaseOut:
    """One case by its reference; 404 when it does not exist or is outside the caller's scope."""
    require_api_capability(request, Capability.WORK_CASES)
    case = case_for_reference(user=request.user, reference=reference)
    if case is None:
        raise HttpError(404, _("There is no case with this reference."))
    return _out(case)
