"""Reads for cases, every one scoped to what the person asking may see.

A coalition administrator sees every case; an intake coordinator the cases of
their organisation and those they opened; a caseworker the cases of their
organisation and those assigned to them; everyone else none. A case outside
someone's scope is simply not returned, so the page, the API, the search and
the export all answer as if it did not exist.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Q, QuerySet
from django.utils import timezone

from safecommunity.accounts.models import Organisation, User
from safecommunity.core.models import Region
from safecommunity.core.roles import Capability, Role, has_capability, role_of
from safecommunity.directory.models import Service, ServiceKind
from safecommunity.directory.selectors import ServiceMatch, services_matching
from safecommunity.reports.models import Report

from .models import Case, CaseReport, CaseTask, NeedsAssessment, Referral

# The kinds of help a service answers (taxonomy.HELP_WANTED codes) for each domain of a needs assessment.
HELP_FOR_DOMAIN: dict[str, str] = {
    NeedsAssessment.Domain.SAFETY: "safety_planning",
    NeedsAssessment.Domain.MENTAL_HEALTH: "mental_health",
    NeedsAssessment.Domain.LEGAL: "legal",
    NeedsAssessment.Domain.MEDICAL: "medical",
    NeedsAssessment.Domain.FINANCIAL: "financial",
    NeedsAssessment.Domain.LANGUAGE: "language",
    # No kind of help on the report form answers these; the directory takes a kind of service as a need too.
    NeedsAssessment.Domain.HOUSING: ServiceKind.HOUSING,
    NeedsAssessment.Domain.PRACTICAL: ServiceKind.ESCORT,
}


def _organisation_id(user: object) -> int | None:
    return getattr(user, "organisation_id", None)


def cases_for_user(*, user: object) -> QuerySet[Case]:
    """Every case ``user`` may see (coded fields; personal fields are decided per page)."""
    base = Case.objects.select_related("organisation", "caseworker")
    role = role_of(user)
    if not has_capability(user, Capability.WORK_CASES):
        return base.none()
    if has_capability(user, Capability.ALL_CASES):
        return base.all()
    organisation_id = _organisation_id(user)
    pk = getattr(user, "pk", None)
    if role == Role.INTAKE_COORDINATOR:
        scope = Q(opened_by_id=pk)
    elif role == Role.CASEWORKER:
        scope = Q(caseworker_id=pk)
    else:
        return base.none()
    if organisation_id is not None:
        scope |= Q(organisation_id=organisation_id)
    return base.filter(scope)


def case_for_user(*, user: object, public_id: uuid.UUID | str) -> Case | None:
    try:
        key = uuid.UUID(str(public_id))
    except ValueError:
        return None
    return cases_for_user(user=user).filter(public_id=key).first()


def reference_prefix(text: str) -> str | None:
    """A case or report reference (the first 8 hex digits of its public id), in the database's form."""
    cleaned = text.strip().replace("-", "").lower()
    if len(cleaned) < 4 or any(char not in "0123456789abcdef" for char in cleaned):
        return None
    if len(cleaned) > 8:
        try:
            return str(uuid.UUID(cleaned))
        except ValueError:
            return None
    return cleaned


def case_for_reference(*, user: object, reference: str) -> Case | None:
    """The case with this short reference (or full public id) among those ``user`` may see."""
    prefix = reference_prefix(reference)
    if prefix is None:
        return None
    return cases_for_user(user=user).filter(public_id__startswith=prefix).first()


def cases_search(
    *,
    user: object,
    query: str = "",
    status: str = "",
    caseworker_id: int | None = None,
    unassigned: bool = False,
) -> QuerySet[Case]:
    """Cases ``user`` may see, found by case or report reference, status or caseworker."""
    cases = cases_for_user(user=user)
    if query.strip():
        prefix = reference_prefix(query)
        if prefix is None:
            return cases.none()
        report_ids = Report.objects.filter(public_id__startswith=prefix).values("pk")
        in_reports = CaseReport.objects.filter(report_id__in=report_ids).values("case_id")
        cases = cases.filter(Q(public_id__startswith=prefix) | Q(pk__in=in_reports))
    if status:
        cases = cases.filter(status=status)
    if unassigned:
        cases = cases.filter(caseworker__isnull=True)
    elif caseworker_id is not None:
        cases = cases.filter(caseworker_id=caseworker_id)
    return cases


def caseworkers_visible_to(*, user: object) -> QuerySet[User]:
    """Staff a list of cases may be filtered by: those who own a case ``user`` may see."""
    ids = cases_for_user(user=user).exclude(caseworker__isnull=True).values("caseworker_id")
    return User.objects.filter(pk__in=ids).order_by("first_name", "username")


def assignable_caseworkers(*, organisation: Organisation) -> QuerySet[User]:
    """Who may own a case of ``organisation``: its active caseworkers and intake coordinators."""
    return User.objects.filter(
        organisation=organisation, is_active=True, role__in=[Role.CASEWORKER, Role.INTAKE_COORDINATOR]
    ).order_by("first_name", "username")


def organisations_for_cases() -> QuerySet[Organisation]:
    return Organisation.objects.filter(is_active=True).order_by("name")


def case_reports(*, case: Case) -> list[Report]:
    """The reports a case was opened from, oldest first (with personal fields; show them only when allowed)."""
    ids = CaseReport.objects.filter(case=case).values("report_id")
    return list(Report.objects.filter(pk__in=ids).select_related("region").order_by("submitted_at"))


def reports_available_for_case(*, user: object, public_ids: Sequence[str]) -> list[Report]:
    """Reports ``user`` may open a case from: ones they triage, not withdrawn and not in a case yet."""
    from safecommunity.reports.selectors import reports_for_staff

    keys = []
    for value in public_ids:
        try:
            keys.append(uuid.UUID(str(value)))
        except ValueError:
            continue
    in_cases = CaseReport.objects.values("report_id")
    return list(
        reports_for_staff(user=user)
        .filter(public_id__in=keys, withdrawn_at__isnull=True)
        .exclude(pk__in=in_cases)
        .order_by("submitted_at")
    )


def latest_assessment(*, case: Case) -> NeedsAssessment | None:
    return case.assessments.order_by("-assessed_at", "-pk").first()


def needs_for_matching(*, case: Case) -> list[str]:
    """Kinds of help (HELP_WANTED codes) to look for: the latest assessment's needs, then what the reports asked for."""
    needs: list[str] = []
    assessment = latest_assessment(case=case)
    if assessment is not None:
        for domain, level in sorted(
            (assessment.levels or {}).items(), key=lambda item: 0 if item[1] == NeedsAssessment.Level.URGENT else 1
        ):
            code = HELP_FOR_DOMAIN.get(domain)
            if level in (NeedsAssessment.Level.SOME, NeedsAssessment.Level.URGENT) and code and code not in needs:
                needs.append(code)
    report_ids = CaseReport.objects.filter(case=case).values("report_id")
    for wanted in Report.objects.filter(pk__in=report_ids).values_list("help_wanted", flat=True):
        for code in wanted or []:
            if code not in needs:
                needs.append(code)
    return needs


def case_region(*, case: Case) -> Region | None:
    """Where the incident happened (the first report with a region), to find services nearby."""
    report_ids = CaseReport.objects.filter(case=case).values("report_id")
    report = (
        Report.objects.filter(pk__in=report_ids, region__isnull=False)
        .select_related("region")
        .order_by("submitted_at")
        .first()
    )
    return report.region if report else None


def referral_suggestions(*, case: Case, limit: int = 5) -> list[ServiceMatch]:
    """The directory's best-matching services that take referrals, for the case's needs, language and region,
    each with the reasons it was suggested. Nothing is suggested before a need is known."""
    needs = needs_for_matching(case=case)
    if not needs:
        return []
    matches = services_matching(
        needs=needs,
        language=case.preferred_language or settings.LANGUAGE_CODE,
        region=case_region(case=case),
        limit=limit * 2,
    )
    return [match for match in matches if match.service.accepts_referrals][:limit]


def services_for_referral() -> QuerySet[Service]:
    """Every service a case may be referred to (the caseworker may pick one that was not suggested)."""
    return (
        Service.objects.filter(is_published=True, accepts_referrals=True, organisation__is_active=True)
        .select_related("organisation")
        .order_by("organisation__name", "name")
    )


@dataclass(frozen=True)
class ReceivedReferral:
    """What the receiving organisation sees of a referral: never the case, only what was shared."""

    id: int
    service_name: str
    state: str
    state_label: str
    shared_fields: list[str]
    shared_summary: str
    decline_reason: str
    created_at: dt.datetime
    responded_at: dt.datetime | None
    completed_at: dt.datetime | None


def _received(referral: Referral) -> ReceivedReferral:
    return ReceivedReferral(
        id=referral.pk,
        service_name=referral.service.name,
        state=referral.state,
        state_label=str(referral.get_state_display()),
        shared_fields=list(referral.shared_fields or []),
        shared_summary=referral.shared_summary,
        decline_reason=referral.decline_reason,
        created_at=referral.created_at,
        responded_at=referral.responded_at,
        completed_at=referral.completed_at,
    )


RECEIVED_FIELDS = (
    "pk", "service__name", "state", "shared_fields", "shared_summary", "decline_reason",
    "created_at", "responded_at", "completed_at", "to_organisation",
)  # fmt: skip


def _received_queryset(*, user: object) -> QuerySet[Referral]:
    organisation_id = _organisation_id(user)
    if organisation_id is None or not has_capability(user, Capability.WORK_CASES):
        return Referral.objects.none()
    # Nothing of the case is loaded, so nothing of it can be shown.
    fields = RECEIVED_FIELDS
    return (
        Referral.objects.filter(to_organisation_id=organisation_id)
        .exclude(state=Referral.State.WITHDRAWN)
        .select_related("service")
        .only(*fields)
    )


def referrals_received_for_user(*, user: object, state: str = "") -> list[ReceivedReferral]:
    """Referrals sent to ``user``'s organisation, as that organisation may see them."""
    referrals = _received_queryset(user=user)
    if state:
        referrals = referrals.filter(state=state)
    return [_received(referral) for referral in referrals]


def referral_received_for_user(*, user: object, referral_id: int) -> Referral | None:
    """A referral ``user``'s organisation received (for answering it), or None."""
    return _received_queryset(user=user).filter(pk=referral_id).first()


@dataclass
class Overdue:
    """What is late for one person: first contacts, follow-ups and tasks."""

    first_contacts: list[Case] = field(default_factory=list)
    follow_ups: list[Case] = field(default_factory=list)
    tasks: list[CaseTask] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.first_contacts) + len(self.follow_ups) + len(self.tasks)


def overdue_for_user(*, user: object, now: dt.datetime | None = None) -> Overdue:
    """Overdue items of the cases ``user`` owns, and tasks assigned to them, among the cases they may see."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    pk = getattr(user, "pk", None)
    open_cases = cases_for_user(user=user).exclude(status=Case.Status.CLOSED)
    mine = open_cases.filter(caseworker_id=pk)
    first_contacts = mine.filter(first_contact_at__isnull=True, first_contact_due_at__lt=now).order_by(
        "first_contact_due_at"
    )
    follow_ups = mine.filter(next_follow_up_on__lt=today).order_by("next_follow_up_on")
    tasks = (
        CaseTask.objects.filter(case__in=open_cases, done_at__isnull=True, due_on__lt=today)
        .filter(Q(assigned_to_id=pk) | Q(assigned_to__isnull=True, case__caseworker_id=pk))
        .select_related("case")
        .order_by("due_on", "pk")
    )
    return Overdue(first_contacts=list(first_contacts), follow_ups=list(follow_ups), tasks=list(tasks))


def digest_recipients() -> QuerySet[User]:
    """Staff who may own cases and have an email address: each gets a digest when something is overdue."""
    return User.objects.filter(
        is_active=True, role__in=[Role.CASEWORKER, Role.INTAKE_COORDINATOR, Role.COALITION_ADMIN]
    ).exclude(email="")
