"""Demo cases in every state, made through the case services like real ones.

Cases are opened from the newest demo reports of people who asked to be
contacted, owned by the partner whose languages fit, and walked through the
steps a caseworker takes: consent, first contact, needs assessment, notes,
tasks, referrals (sent, accepted, declined, completed) and closing with an outcome.
Some first contacts and follow-ups are left overdue so the dashboard has something to show.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from django.utils import timezone

from safecommunity.cases.models import Case, ConsentRecord, NeedsAssessment, Referral
from safecommunity.cases.services import (
    assessment_record,
    case_close,
    case_open,
    case_set_status,
    contact_log_add,
    note_add,
    safety_plan_update,
    task_add,
)
from safecommunity.cases.services_referrals import referral_complete, referral_create, referral_respond
from safecommunity.directory.models import Service
from safecommunity.reports.models import Report

# The path each demo case takes: the last status it reaches, and what happened to its referral if it has one.
PLANS: tuple[tuple[str, str], ...] = (
    ("new", ""),
    ("new", ""),
    ("new", ""),
    ("in_contact", ""),
    ("in_contact", ""),
    ("in_support", ""),
    ("in_support", ""),
    ("referred", "sent"),
    ("referred", "accepted"),
    ("referred", "declined"),
    ("follow_up", "completed"),
    ("follow_up", ""),
    ("closed", "completed"),
    ("closed", ""),
    ("closed", ""),
)
OUTCOMES = ("supported", "referred_on", "declined", "unreachable")
NOTES = (
    "Called with a Vietnamese interpreter. She is still shaken and does not want to take the bus alone for now.",
    "He asked us not to call at home in the evening; his family does not know yet. Text first.",
    "Talked through what happened at the store. She would like to file a civil rights complaint with help.",
    "Grandson translated. Elder is sleeping badly since the attack; agreed to meet a counsellor who speaks Korean.",
    "Checked in after two weeks: feeling safer, walking with the ambassadors on market days.",
)
TASKS = (
    "Send the victim compensation form in Vietnamese",
    "Ask the store manager whether the camera footage is kept",
    "Book an interpreter for the meeting with the police liaison",
    "Check in after the first counselling session",
)
LANGUAGE_TO_ORGANISATION = {
    "ko": "korean-community-counselling",
    "es": "capitol-immigrant-legal-aid",
    "pa": "capitol-immigrant-legal-aid",
    "tl": "capitol-immigrant-legal-aid",
}


def seed_cases(*, partners: dict[str, Any], seed: int, admin: Any) -> list[Case]:
    rng = random.Random(seed)
    organisations = partners["organisations"]
    staff = partners["staff"]
    caseworkers_by_org: dict[int, list[Any]] = {}
    for user in staff.values():
        if user.role in {"caseworker", "intake_coordinator"} and user.organisation_id:
            caseworkers_by_org.setdefault(user.organisation_id, []).append(user)
    coordinator = staff.get("demo-intake", admin)
    taken = set(Case.objects.values_list("case_reports__report_id", flat=True))
    candidates = [
        report
        for report in Report.objects.filter(status__in=["received", "in_review"], merged_into=None)
        .exclude(pk__in=taken)
        .order_by("-may_contact", "-submitted_at")[: len(PLANS)]
    ]
    services = list(Service.objects.filter(accepts_referrals=True).exclude(capacity="full"))
    now = timezone.now()
    made: list[Case] = []
    for (final_status, referral_state), report in zip(PLANS, candidates, strict=False):
        organisation = organisations[LANGUAGE_TO_ORGANISATION.get(report.language, "hmong-vietnamese-community-centre")]
        workers = caseworkers_by_org.get(organisation.pk) or [coordinator]
        worker = rng.choice(workers)
        case = case_open(
            actor=coordinator,
            reports=[report],
            organisation=organisation,
            caseworker=worker,
            preferred_language=report.contact_language or report.language,
            interpreter_needed=(report.contact_language or report.language) not in {"", "en"},
            consents={
                "contact": True,
                "share": final_status in {"referred", "follow_up", "closed"},
                "statistics": True,
            },
            consent_how=rng.choice([ConsentRecord.How.ONLINE_FORM, ConsentRecord.How.VERBAL_PHONE]),
        )
        age_days = rng.randint(1, 120)
        opened = now - dt.timedelta(days=age_days)
        Case.objects.filter(pk=case.pk).update(opened_at=opened, first_contact_due_at=opened + dt.timedelta(hours=48))
        case.refresh_from_db()
        if final_status == "new":
            made.append(case)
            continue
        contact_log_add(
            actor=worker,
            case=case,
            method=rng.choice(["call", "text", "email"]),
            result="reached",
            contacted_at=opened + dt.timedelta(hours=rng.randint(3, 40)),
            interpreter_language=case.preferred_language if case.interpreter_needed else "",
            note=rng.choice(NOTES),
        )
        if final_status == "in_contact":
            made.append(case)
            continue
        levels = {domain: rng.choice(["none", "some", "urgent"]) for domain in NeedsAssessment.Domain.values}
        assessment_record(actor=worker, case=case, levels=levels, notes=rng.choice(NOTES))
        safety_plan_update(
            actor=worker,
            case=case,
            text="Walk to the bus stop with a neighbour; keep the hotline number saved; call 911 if he comes back.",
        )
        note_add(actor=worker, case=case, text=rng.choice(NOTES))
        task_add(
            actor=worker,
            case=case,
            title=rng.choice(TASKS),
            due_on=(now + dt.timedelta(days=rng.randint(-5, 10))).date(),
            assigned_to=worker,
        )
        if referral_state:
            _refer(case=case, worker=worker, state=referral_state, services=services, staff=staff, rng=rng)
            case.refresh_from_db()
        if final_status in {"in_support", "follow_up", "closed"} and case.status != final_status:
            if final_status == "closed":
                case_close(actor=worker, case=case, outcome=rng.choice(OUTCOMES))
            else:
                case_set_status(actor=worker, case=case, status=final_status)
        made.append(case)
    return made


def _refer(
    *, case: Case, worker: Any, state: str, services: list[Service], staff: dict[str, Any], rng: random.Random
) -> None:
    receivers = {
        user.organisation_id: user for user in staff.values() if user.role in {"caseworker", "intake_coordinator"}
    }
    elsewhere = [
        service
        for service in services
        if service.organisation_id != case.organisation_id and (state == "sent" or service.organisation_id in receivers)
    ]
    if not elsewhere:
        return
    service = rng.choice(elsewhere)
    referral = referral_create(
        actor=worker,
        case=case,
        service=service,
        shared_fields=["contact_name", "preferred_language", "needs"],
    )
    if state == "sent":
        return
    receiver = receivers[service.organisation_id]
    referral_respond(
        actor=receiver,
        referral=referral,
        accept=state != "declined",
        reason=(
            "We have no counsellor free for eight weeks; please try the Korean Community Counselling Center."
            if state == "declined"
            else ""
        ),
    )
    if state == "completed":
        referral = Referral.objects.get(pk=referral.pk)
        referral_complete(actor=receiver, referral=referral)
