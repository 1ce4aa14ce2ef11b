"""Reads about volunteer programmes, already scoped: a volunteer or organiser sees their own coalition's programmes
(``accounts.selectors.coalition_ids_for``); a shift's roster only its lead and the coalition's organisers."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import Count, Exists, F, OuterRef, Q, QuerySet, Sum
from django.utils import timezone

from safecommunity.accounts.models import Coalition, User
from safecommunity.accounts.selectors import coalition_ids_for
from safecommunity.core.encryption import lookup_hash
from safecommunity.core.roles import Capability, has_capability
from safecommunity.programs.events.models import Event, Registration

from .models import Programme, Shift, ShiftSignup, TrainingRequirement


def _scoped(queryset: QuerySet, *, user: User, path: str) -> QuerySet:
    ids = coalition_ids_for(user=user)
    return queryset if ids is None else queryset.filter(**{f"{path}__in": ids})


# ---- The public page ----------------------------------------------------------------------------------------------


@dataclass
class CoalitionProgrammes:
    coalition: Coalition
    programmes: list[Programme]


def public_programmes() -> list[CoalitionProgrammes]:
    """The active programmes of every coalition, grouped by coalition: names and descriptions only."""
    grouped: dict[int, CoalitionProgrammes] = {}
    programmes = Programme.objects.filter(is_active=True).select_related("coalition", "organisation")
    for programme in programmes.order_by("coalition__name", "kind", "id"):
        entry = grouped.setdefault(programme.coalition_id, CoalitionProgrammes(programme.coalition, []))
        entry.programmes.append(programme)
    return list(grouped.values())


# ---- Shifts for volunteers ----------------------------------------------------------------------------------------


def with_places(shifts: QuerySet[Shift]) -> QuerySet[Shift]:
    """``taken`` (people signed up) and ``places_left`` on each shift."""
    return shifts.annotate(
        taken=Count("signups", filter=Q(signups__status=ShiftSignup.Status.SIGNED_UP), distinct=True)
    ).annotate(places_left=F("size") - F("taken"))


def upcoming_shifts_for_volunteer(*, user: User, now: dt.datetime | None = None) -> QuerySet[Shift]:
    """Shifts not yet started of the active programmes of the volunteer's coalition, soonest first, with the places
    left and ``mine`` (whether this volunteer is signed up)."""
    now = now or timezone.now()
    shifts = _scoped(Shift.objects.all(), user=user, path="programme__coalition_id").filter(
        starts_at__gt=now, programme__is_active=True
    )
    mine = ShiftSignup.objects.filter(shift=OuterRef("pk"), volunteer=user, status=ShiftSignup.Status.SIGNED_UP)
    return (
        with_places(shifts)
        .annotate(mine=Exists(mine))
        .select_related("programme", "programme__coalition", "region")
        .order_by("starts_at", "id")
    )


def shift_for_volunteer(*, user: User, shift_id: int) -> Shift | None:
    """A shift of the volunteer's coalition (started or not), with its places left."""
    shifts = _scoped(Shift.objects.filter(pk=shift_id), user=user, path="programme__coalition_id")
    return with_places(shifts).select_related("programme", "programme__coalition", "region", "lead").first()


def signup_of(*, shift: Shift, volunteer: User) -> ShiftSignup | None:
    return ShiftSignup.objects.filter(shift=shift, volunteer=volunteer).first()


def my_signups(*, user: User) -> QuerySet[ShiftSignup]:
    """The volunteer's own sign-ups (not cancelled), latest shift first."""
    return (
        ShiftSignup.objects.filter(volunteer=user, status=ShiftSignup.Status.SIGNED_UP)
        .select_related("shift", "shift__programme", "shift__region")
        .order_by("-shift__starts_at")
    )


@dataclass
class HoursSummary:
    total: Decimal
    shifts_attended: int
    entries: list[ShiftSignup]


def my_hours(*, user: User) -> HoursSummary:
    entries = list(
        ShiftSignup.objects.filter(volunteer=user, attended=True)
        .select_related("shift", "shift__programme")
        .order_by("-shift__starts_at")
    )
    total = sum((entry.hours or Decimal(0) for entry in entries), Decimal(0))
    return HoursSummary(total=total, shifts_attended=len(entries), entries=entries)


def shifts_led_by(*, user: User, now: dt.datetime | None = None) -> QuerySet[Shift]:
    """The shifts this person leads that end in the future or ended in the last 30 days (to log hours)."""
    since = (now or timezone.now()) - dt.timedelta(days=30)
    return with_places(Shift.objects.filter(lead=user, ends_at__gte=since)).select_related("programme")


# ---- Trainings ----------------------------------------------------------------------------------------------------


def _checked_in_event_ids(volunteer: User) -> QuerySet[Registration, Any]:
    """Events the volunteer was checked in at: registered with their account or with their e-mail address."""
    who = Q(user=volunteer)
    email_hash = lookup_hash(volunteer.email or "")
    if email_hash:
        who |= Q(email_hash=email_hash)
    return Registration.objects.filter(who, checked_in_at__isnull=False).values("event_id")


def completed_requirement_ids(*, volunteer: User, requirements: Iterable[TrainingRequirement]) -> set[int]:
    ids = [requirement.pk for requirement in requirements]
    if not ids:
        return set()
    through = TrainingRequirement.sessions.through.objects.filter(
        trainingrequirement_id__in=ids, event_id__in=_checked_in_event_ids(volunteer)
    )
    return set(through.values_list("trainingrequirement_id", flat=True))


def missing_requirements(*, volunteer: User, programme: Programme) -> list[TrainingRequirement]:
    requirements = list(programme.training_requirements.all())
    done = completed_requirement_ids(volunteer=volunteer, requirements=requirements)
    return [requirement for requirement in requirements if requirement.pk not in done]


@dataclass
class RequirementStatus:
    requirement: TrainingRequirement
    done: bool
    upcoming_sessions: list[Event] = field(default_factory=list)


@dataclass
class ProgrammeTraining:
    programme: Programme
    requirements: list[RequirementStatus]

    @property
    def ready(self) -> bool:
        return all(status.done for status in self.requirements)


def training_status(*, volunteer: User, now: dt.datetime | None = None) -> list[ProgrammeTraining]:
    """For each active programme of the volunteer's coalition: its required trainings, whether each is done, and
    the published sessions still to come of those not done."""
    now = now or timezone.now()
    programmes = list(
        _scoped(Programme.objects.filter(is_active=True), user=volunteer, path="coalition_id").prefetch_related(
            "training_requirements__sessions"
        )
    )
    requirements = [requirement for programme in programmes for requirement in programme.training_requirements.all()]
    done = completed_requirement_ids(volunteer=volunteer, requirements=requirements)
    result = []
    for programme in programmes:
        statuses = []
        for requirement in programme.training_requirements.all():
            upcoming = sorted(
                (
                    session
                    for session in requirement.sessions.all()
                    if session.starts_at > now and session.status == Event.Status.PUBLISHED
                ),
                key=lambda session: session.starts_at,
            )
            statuses.append(RequirementStatus(requirement, requirement.pk in done, upcoming))
        result.append(ProgrammeTraining(programme, statuses))
    return result


# ---- Organisers and shift leads ------------------------------------------------------------------------------------


def programmes_for_organiser(*, user: User) -> QuerySet[Programme]:
    return (
        _scoped(Programme.objects.all(), user=user, path="coalition_id")
        .select_related("coalition", "organisation")
        .annotate(upcoming_shifts=Count("shifts", filter=Q(shifts__starts_at__gt=timezone.now()), distinct=True))
    )


def programme_for_organiser(*, user: User, programme_id: int) -> Programme | None:
    return (
        _scoped(Programme.objects.filter(pk=programme_id), user=user, path="coalition_id")
        .select_related("coalition", "organisation")
        .first()
    )


def programme_shifts(*, programme: Programme) -> QuerySet[Shift]:
    return with_places(programme.shifts.all()).select_related("lead", "region").order_by("-starts_at")


def shift_for_organiser(*, user: User, shift_id: int) -> Shift | None:
    shifts = _scoped(Shift.objects.filter(pk=shift_id), user=user, path="programme__coalition_id")
    return with_places(shifts).select_related("programme", "programme__coalition", "lead", "region").first()


def requirement_for_organiser(*, user: User, requirement_id: int) -> TrainingRequirement | None:
    requirements = TrainingRequirement.objects.filter(pk=requirement_id).select_related("programme__coalition")
    return _scoped(requirements, user=user, path="programme__coalition_id").first()


def shift_for_lead(*, user: User, shift_id: int) -> Shift | None:
    """A shift whose roster this person may see: they lead it, or they organise its coalition's programmes."""
    shift = (
        with_places(Shift.objects.filter(pk=shift_id))
        .select_related("programme", "programme__coalition", "lead")
        .first()
    )
    if shift is None:
        return None
    if shift.lead_id == user.pk:
        return shift
    if has_capability(user, Capability.MANAGE_PROGRAMS):
        ids = coalition_ids_for(user=user)
        if ids is None or shift.programme.coalition_id in ids:
            return shift
    return None


def roster(*, shift: Shift) -> list[ShiftSignup]:
    """Who signed up (first) and who cancelled, with their accounts."""
    signups = ShiftSignup.objects.filter(shift=shift).select_related("volunteer")
    return sorted(signups, key=lambda signup: (signup.status != ShiftSignup.Status.SIGNED_UP, signup.created_at))


def training_events_for(*, coalition: Coalition) -> QuerySet[Event]:
    """Training events of the coalition that may be sessions of a required training (not cancelled)."""
    return (
        Event.objects.filter(coalition=coalition, kind=Event.Kind.TRAINING)
        .exclude(status=Event.Status.CANCELLED)
        .order_by("-starts_at")
    )


def leads_for(*, coalition: Coalition) -> QuerySet[User]:
    """People of the coalition's organisations who may lead a shift (their role lets them take shifts)."""
    from safecommunity.core.roles import ROLE_CAPABILITIES

    roles = [role for role, capabilities in ROLE_CAPABILITIES.items() if Capability.VOLUNTEER_SHIFTS in capabilities]
    return User.objects.filter(is_active=True, organisation__coalition=coalition, role__in=roles).order_by("username")


@dataclass
class HoursTotals:
    by_volunteer: list[dict[str, object]]
    by_programme: list[dict[str, object]]
    total: Decimal


def hours_totals(*, user: User, start: dt.datetime | None = None, end: dt.datetime | None = None) -> HoursTotals:
    """Hours logged on the shifts of the organiser's coalition, per volunteer and per programme (exact: the
    organisers' own programme)."""
    logged = _scoped(ShiftSignup.objects.filter(attended=True), user=user, path="shift__programme__coalition_id")
    if start is not None:
        logged = logged.filter(shift__starts_at__gte=start)
    if end is not None:
        logged = logged.filter(shift__starts_at__lt=end)
    by_volunteer = list(
        logged.values("volunteer_id", "volunteer__username", "volunteer__first_name", "volunteer__last_name")
        .annotate(hours=Sum("hours"), shifts=Count("id"))
        .order_by("-hours", "volunteer__username")
    )
    by_programme_rows = list(
        logged.values("shift__programme_id").annotate(
            hours=Sum("hours"), shifts=Count("id"), people=Count("volunteer", distinct=True)
        )
    )
    names = {
        programme.pk: programme
        for programme in Programme.objects.filter(pk__in=[row["shift__programme_id"] for row in by_programme_rows])
    }
    by_programme = [{**row, "programme": names[row["shift__programme_id"]]} for row in by_programme_rows]
    by_programme.sort(key=lambda row: -(row["hours"] or 0))
    total = sum((row["hours"] or Decimal(0) for row in by_programme_rows), Decimal(0))
    return HoursTotals(by_volunteer=by_volunteer, by_programme=by_programme, total=total)
