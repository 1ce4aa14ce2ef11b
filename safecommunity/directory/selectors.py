"""Reads of the directory of help: public lists, matching a person's needs, and partners' own entries.

Only published services of active organisations are ever shown to the public or
suggested; partners see their own organisation's entries, coalition
administrators the changes waiting for review.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from django.db.models import QuerySet
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from safecommunity.core.models import Region
from safecommunity.core.roles import Capability, has_capability
from safecommunity.directory.languages import best_language_match, language_name, normalise_language
from safecommunity.directory.models import SERVICE_KINDS_FOR_HELP, Service, ServiceChange, ServiceKind

# Why a service was suggested, one full sentence per kind of service.
_OFFERS_ASKED_FOR: dict[str, Promise] = {
    ServiceKind.MENTAL_HEALTH: gettext_lazy("Offers mental health and counselling, which was asked for."),
    ServiceKind.LEGAL_AID: gettext_lazy("Offers legal aid, which was asked for."),
    ServiceKind.VICTIM_COMPENSATION: gettext_lazy("Helps with victim compensation, which was asked for."),
    ServiceKind.POLICE_LIAISON: gettext_lazy("Offers a police liaison, which was asked for."),
    ServiceKind.ESCORT: gettext_lazy("Offers an escort or community ambassador, which was asked for."),
    ServiceKind.INTERPRETATION: gettext_lazy("Offers interpretation, which was asked for."),
    ServiceKind.MEDICAL: gettext_lazy("Offers medical care, which was asked for."),
    ServiceKind.FINANCIAL_AID: gettext_lazy("Offers financial aid, which was asked for."),
    ServiceKind.HOUSING: gettext_lazy("Helps with housing, which was asked for."),
    ServiceKind.SUPPORT_GROUP: gettext_lazy("Runs a support group, which was asked for."),
}

# Points towards a service's place in the suggestions; only their order matters.
_SCORE_KIND_FIRST_CHOICE = 4.0  # the first kind of service listed for a need
_SCORE_KIND_OTHER = 3.0
_SCORE_LANGUAGE_EXACT = 2.0
_SCORE_LANGUAGE_CLOSE = 1.5
_SCORE_REGION_NAMED = 1.0
_SCORE_REGION_EVERYWHERE = 0.5
_SCORE_CAPACITY: dict[str, float] = {
    Service.Capacity.OPEN: 1.0,
    Service.Capacity.LIMITED: 0.0,
    Service.Capacity.FULL: -3.0,
}


@dataclass(frozen=True)
class ServiceMatch:
    """A suggested service, how well it fits (higher is better) and why, in full translated sentences."""

    service: Service
    score: float
    reasons: list[str] = field(default_factory=list)


def published_services() -> QuerySet[Service]:
    """Services the public may see: published, of an active organisation."""
    return (
        Service.objects.filter(is_published=True, organisation__is_active=True)
        .select_related("organisation")
        .prefetch_related("regions")
        .order_by("name", "pk")
    )


def _kinds_wanted(needs: Sequence[str]) -> dict[str, float]:
    """Each kind of service that answers one of ``needs`` (HELP_WANTED codes) with its points; a need
    that is itself a kind of service (as a caseworker may pick) counts as that kind."""
    kinds: dict[str, float] = {}
    valid_kinds = set(ServiceKind.values)
    for need in needs:
        answering = SERVICE_KINDS_FOR_HELP.get(need) or ((need,) if need in valid_kinds else ())
        for position, kind in enumerate(answering):
            points = _SCORE_KIND_FIRST_CHOICE if position == 0 else _SCORE_KIND_OTHER
            kinds[str(kind)] = max(kinds.get(str(kind), 0.0), points)
    return kinds


def _serves_region(service: Service, region: Region | None) -> bool | None:
    """True when the service names ``region``, None when it serves everywhere, False when not there."""
    regions = list(service.regions.all())
    if not regions:
        return None
    return region is not None and any(named.pk == region.pk for named in regions)


def _match(service: Service, kinds: dict[str, float], language: str, region: Region | None) -> ServiceMatch | None:
    if kinds and service.kind not in kinds:
        return None
    serves = _serves_region(service, region)
    if region is not None and serves is False:
        return None
    if service.capacity == Service.Capacity.FULL and not service.accepts_referrals:
        return None
    score = 0.0
    reasons: list[str] = []
    if kinds:
        score += kinds[service.kind]
        reasons.append(str(_OFFERS_ASKED_FOR[service.kind]))
    if language:
        spoken = best_language_match(language, service.languages if isinstance(service.languages, list) else [])
        if spoken is not None:
            code, exact = spoken
            score += _SCORE_LANGUAGE_EXACT if exact else _SCORE_LANGUAGE_CLOSE
            reasons.append(_("Speaks %(language)s.") % {"language": language_name(code)})
        else:
            reasons.append(
                _("Does not list %(language)s among its languages; an interpreter may be needed.")
                % {"language": language_name(language)}
            )
    if region is not None:
        if serves:
            score += _SCORE_REGION_NAMED
            reasons.append(_("Serves %(region)s.") % {"region": region.name})
        else:
            score += _SCORE_REGION_EVERYWHERE
            reasons.append(_("Serves the whole area."))
    score += _SCORE_CAPACITY.get(service.capacity, 0.0)
    capacity_reasons: dict[str, str] = {
        Service.Capacity.OPEN: _("Is taking new people."),
        Service.Capacity.LIMITED: _("Has a waiting list."),
        Service.Capacity.FULL: _("Is not taking new people for now."),
    }
    reasons.append(capacity_reasons.get(service.capacity, ""))
    return ServiceMatch(service=service, score=score, reasons=[reason for reason in reasons if reason])


def services_matching(
    *, needs: Sequence[str], language: str, region: Region | None, limit: int = 5
) -> list[ServiceMatch]:
    """The published services that best answer a person's needs, best first, each with the reasons.

    ``needs`` are taxonomy HELP_WANTED codes (a service of a kind that answers
    none of them is left out; no needs at all leaves every kind in).
    ``language`` is the person's language code: services that speak it (or a
    close variant, see ``directory.languages``) rank higher; the others stay,
    with a reason saying an interpreter may be needed. ``region``: services
    that name other regions are left out; services naming none serve the
    whole area. A full service ranks low, and is left out when it also takes
    no referrals. Ties are broken by name so the order is stable.
    """
    kinds = _kinds_wanted(needs)
    if needs and not kinds:
        return []
    services = published_services()
    if kinds:
        services = services.filter(kind__in=list(kinds))
    language = normalise_language(language or "")
    matches = [match for service in services if (match := _match(service, kinds, language, region)) is not None]
    matches.sort(key=lambda match: (-match.score, match.service.name.casefold(), match.service.pk))
    return matches[: max(limit, 0)]


def services_for_public(
    *, kind: str = "", language: str = "", region: Region | None = None, cost: str = ""
) -> list[Service]:
    """The Find help list: published services, narrowed by kind, a language spoken, a region and cost.

    A language matches exactly or closely (see ``directory.languages``); a
    region matches the services that name it and those that serve everywhere.
    """
    services = published_services()
    if kind:
        services = services.filter(kind=kind)
    if cost:
        services = services.filter(cost=cost)
    language = normalise_language(language)
    found = []
    for service in services:
        spoken = service.languages if isinstance(service.languages, list) else []
        if language and best_language_match(language, spoken) is None:
            continue
        if region is not None and _serves_region(service, region) is False:
            continue
        found.append(service)
    return found


def services_for_organisation(*, user: object) -> QuerySet[Service]:
    """Every entry (published or not) of the signed-in partner's own organisation."""
    organisation_id = getattr(user, "organisation_id", None)
    if organisation_id is None or not has_capability(user, Capability.EDIT_OWN_SERVICES):
        return Service.objects.none()
    return Service.objects.filter(organisation_id=organisation_id).prefetch_related("regions").order_by("name", "pk")


def service_for_organisation(*, user: object, service_id: int) -> Service | None:
    """One of the partner's own entries; another organisation's is simply not found."""
    return services_for_organisation(user=user).filter(pk=service_id).first()


def service_changes_for_organisation(*, user: object) -> QuerySet[ServiceChange]:
    """The changes the partner's organisation proposed, newest first."""
    organisation_id = getattr(user, "organisation_id", None)
    if organisation_id is None or not has_capability(user, Capability.EDIT_OWN_SERVICES):
        return ServiceChange.objects.none()
    return ServiceChange.objects.filter(organisation_id=organisation_id).select_related("service")


def _changes_for_reviewer(user: object) -> QuerySet[ServiceChange]:
    """Changes of the reviewer's coalition's partners (all of them for an administrator of no organisation)."""
    if not has_capability(user, Capability.MANAGE_DIRECTORY):
        return ServiceChange.objects.none()
    changes = ServiceChange.objects.select_related("organisation", "service", "proposed_by", "reviewed_by")
    organisation = getattr(user, "organisation", None)
    if organisation is not None:
        changes = changes.filter(organisation__coalition_id=organisation.coalition_id)
    return changes


def service_changes_pending(*, user: object) -> QuerySet[ServiceChange]:
    """Changes waiting for a coalition administrator, oldest first."""
    return _changes_for_reviewer(user).filter(state=ServiceChange.State.PENDING).order_by("proposed_at", "pk")


def service_changes_decided(*, user: object, limit: int = 20) -> list[ServiceChange]:
    """The latest decisions, newest first, so a reviewer sees what was done."""
    decided = _changes_for_reviewer(user).exclude(state=ServiceChange.State.PENDING)
    return list(decided.order_by("-reviewed_at", "-pk")[:limit])


def service_change_for_review(*, user: object, change_id: int) -> ServiceChange | None:
    """A change a coalition administrator may review (any state, so a decided one can be shown)."""
    return _changes_for_reviewer(user).filter(pk=change_id).first()
