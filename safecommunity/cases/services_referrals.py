"""Referrals from a case to a partner's service.

Only with the survivor's consent to share; the caseworker ticks what is shared
and exactly that is frozen into the referral's summary, which is all the
receiving organisation ever sees. The receiving organisation is told by an
email that carries no personal data, only a link.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from safecommunity.core.audit import audit_record
from safecommunity.core.tasks import enqueue_on_commit
from safecommunity.directory.languages import language_name
from safecommunity.directory.models import Service

from .models import Case, NeedsAssessment, Referral
from .selectors import case_reports, latest_assessment
from .services import CaseActionRefused, _ensure_open
from .tasks import send_referral_notice

# What a caseworker may choose to share with the receiving organisation, in the order it is written.
SHAREABLE_FIELDS: tuple[tuple[str, Any], ...] = (
    ("contact_name", gettext_lazy("First name or the name they gave")),
    ("contact_phone", gettext_lazy("Phone number")),
    ("contact_email", gettext_lazy("Email address")),
    ("preferred_language", gettext_lazy("Preferred language and interpreter need")),
    ("needs", gettext_lazy("Needs assessment")),
    ("description", gettext_lazy("What happened (the incident as reported)")),
)
SHAREABLE_CODES = tuple(code for code, _label in SHAREABLE_FIELDS)


def _first_given(values: Sequence[str]) -> str:
    return next((value.strip() for value in values if value and value.strip()), "")


def shared_summary_for(*, case: Case, shared_fields: Sequence[str]) -> str:
    """The text the receiving organisation will read: exactly the chosen fields, nothing else."""
    reports = case_reports(case=case)
    lines: list[str] = []
    for code in SHAREABLE_CODES:
        if code not in shared_fields:
            continue
        if code == "contact_name":
            value = _first_given([report.contact_name for report in reports])
            lines.append(_("Name: %(value)s") % {"value": value or _("not given")})
        elif code == "contact_phone":
            value = _first_given([report.contact_phone for report in reports])
            lines.append(_("Phone: %(value)s") % {"value": value or _("not given")})
        elif code == "contact_email":
            value = _first_given([report.contact_email for report in reports])
            lines.append(_("Email: %(value)s") % {"value": value or _("not given")})
        elif code == "preferred_language":
            language = language_name(case.preferred_language) if case.preferred_language else _("not given")
            if case.interpreter_needed:
                lines.append(_("Preferred language: %(language)s. An interpreter is needed.") % {"language": language})
            else:
                lines.append(_("Preferred language: %(language)s.") % {"language": language})
        elif code == "needs":
            assessment = latest_assessment(case=case)
            needs = []
            if assessment is not None:
                for domain, label in NeedsAssessment.Domain.choices:
                    level = (assessment.levels or {}).get(domain, NeedsAssessment.Level.NONE)
                    if level != NeedsAssessment.Level.NONE:
                        needs.append(
                            _("%(area)s: %(level)s") % {"area": label, "level": NeedsAssessment.Level(level).label}
                        )
            lines.append(_("Needs: %(needs)s") % {"needs": "; ".join(needs) if needs else _("none assessed yet")})
        elif code == "description":
            descriptions = [report.description.strip() for report in reports if report.description.strip()]
            lines.append(
                _("What happened: %(description)s")
                % {"description": "\n\n".join(descriptions) if descriptions else _("not given")}
            )
    return "\n".join(lines)


@transaction.atomic
def referral_create(
    *,
    actor: Any,
    case: Case,
    service: Service,
    shared_fields: Sequence[str],
    match_reasons: Sequence[str] = (),
) -> Referral:
    """Refer the survivor to a service, sharing only what the caseworker ticked, with their consent."""
    _ensure_open(case)
    if not case.consent_share:
        raise CaseActionRefused(
            _(
                "The survivor has not agreed to share their information with partner organisations. Record their consent before referring them."
            )
        )
    if not (service.is_published and service.accepts_referrals and service.organisation.is_active):
        raise CaseActionRefused(_("This service does not take referrals."), field="service")
    chosen = [code for code in SHAREABLE_CODES if code in set(shared_fields)]
    if not chosen or len(chosen) != len(set(shared_fields)):
        raise CaseActionRefused(_("Tick at least one thing to share with the service."), field="shared_fields")
    if Referral.objects.filter(
        case=case, service=service, state__in=[Referral.State.SENT, Referral.State.ACCEPTED]
    ).exists():
        raise CaseActionRefused(_("This case has already been referred to this service."), field="service")
    referral = Referral.objects.create(
        case=case,
        service=service,
        to_organisation=service.organisation,
        shared_fields=chosen,
        shared_summary=shared_summary_for(case=case, shared_fields=chosen),
        match_reasons=[str(reason) for reason in match_reasons],
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    if case.status in (Case.Status.NEW, Case.Status.IN_CONTACT, Case.Status.IN_SUPPORT, Case.Status.FOLLOW_UP):
        case.status = Case.Status.REFERRED
        case.save(update_fields=["status"])
    audit_record(
        actor=actor,
        action="referral.create",
        target=referral,
        details={"case": case.pk, "service": service.pk, "shared_fields": chosen},
    )
    enqueue_on_commit(send_referral_notice, referral_id=referral.pk)
    return referral


def _ensure_receiving(actor: Any, referral: Referral) -> None:
    if getattr(actor, "organisation_id", None) != referral.to_organisation_id:
        raise CaseActionRefused(_("Only staff of the receiving organisation can answer this referral."))


@transaction.atomic
def referral_respond(*, actor: Any, referral: Referral, accept: bool, reason: str = "") -> Referral:
    """The receiving organisation accepts the referral, or declines it with a reason."""
    _ensure_receiving(actor, referral)
    referral = Referral.objects.select_for_update().get(pk=referral.pk)
    if referral.state != Referral.State.SENT:
        raise CaseActionRefused(_("This referral has already been answered."))
    if not accept and not reason.strip():
        raise CaseActionRefused(_("Say why the referral is declined."), field="reason")
    referral.state = Referral.State.ACCEPTED if accept else Referral.State.DECLINED
    referral.decline_reason = "" if accept else reason.strip()
    referral.responded_at = timezone.now()
    referral.responded_by = actor
    referral.save(update_fields=["state", "decline_reason", "responded_at", "responded_by"])
    audit_record(actor=actor, action="referral.respond", target=referral, details={"state": referral.state})
    return referral


@transaction.atomic
def referral_complete(*, actor: Any, referral: Referral) -> Referral:
    """The receiving organisation has given the service it was asked for."""
    _ensure_receiving(actor, referral)
    referral = Referral.objects.select_for_update().get(pk=referral.pk)
    if referral.state != Referral.State.ACCEPTED:
        raise CaseActionRefused(_("Only an accepted referral can be marked as completed."))
    referral.state = Referral.State.COMPLETED
    referral.completed_at = timezone.now()
    referral.save(update_fields=["state", "completed_at"])
    audit_record(actor=actor, action="referral.complete", target=referral)
    return referral


@transaction.atomic
def referral_withdraw(*, actor: Any, case: Case, referral_id: int) -> Referral:
    """The referring caseworker takes back a referral that has not been completed."""
    referral = Referral.objects.select_for_update().filter(case=case, pk=referral_id).first()
    if referral is None:
        raise CaseActionRefused(_("This referral is not part of the case."))
    if referral.state not in (Referral.State.SENT, Referral.State.ACCEPTED):
        raise CaseActionRefused(_("Only a referral that is waiting or accepted can be withdrawn."))
    referral.state = Referral.State.WITHDRAWN
    referral.save(update_fields=["state"])
    audit_record(actor=actor, action="referral.withdraw", target=referral)
    return referral
