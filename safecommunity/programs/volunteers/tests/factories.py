"""Volunteer programmes, shifts and trainings the stories are told with."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.utils import timezone

from safecommunity.accounts.models import Coalition, User
from safecommunity.accounts.tests.factories import a_staff_member, an_organisation_in, greater_sacramento
from safecommunity.core.roles import Role
from safecommunity.programs.events.models import Event, Registration
from safecommunity.programs.volunteers.models import Programme, Shift, ShiftSignup, TrainingRequirement


def a_programme(
    coalition: Coalition | None = None,
    *,
    kind: str = Programme.Kind.VOLUNTEER_STROLLING,
    name: dict[str, str] | None = None,
    **fields: object,
) -> Programme:
    return Programme.objects.create(
        coalition=coalition or greater_sacramento(),
        kind=kind,
        name=name or {"en": "Chinatown evening strolls", "vi": "Đi dạo buổi tối ở khu phố Tàu"},
        description=fields.pop("description", {"en": "We walk in pairs through the neighbourhood."}),
        **fields,
    )


def a_shift(
    programme: Programme,
    *,
    starts_in: dt.timedelta = dt.timedelta(days=3),
    hours: float = 2,
    size: int = 4,
    **fields: object,
) -> Shift:
    given = fields.pop("starts_at", None)
    starts_at = given if isinstance(given, dt.datetime) else timezone.now() + starts_in
    return Shift.objects.create(
        programme=programme,
        place=fields.pop("place", {"en": "Stockton Boulevard", "vi": "Đại lộ Stockton"}),
        meeting_point=fields.pop("meeting_point", {"en": "In front of the community centre"}),
        starts_at=starts_at,
        ends_at=starts_at + dt.timedelta(hours=hours),
        time_zone="America/Los_Angeles",
        size=size,
        **fields,
    )


def a_training_event(coalition: Coalition | None = None, *, starts_in: dt.timedelta = dt.timedelta(days=-7)) -> Event:
    starts_at = timezone.now() + starts_in
    return Event.objects.create(
        coalition=coalition or greater_sacramento(),
        kind=Event.Kind.TRAINING,
        format=Event.Format.IN_PERSON,
        status=Event.Status.PUBLISHED,
        title={"en": "Bystander intervention training", "vi": "Tập huấn can thiệp của người chứng kiến"},
        starts_at=starts_at,
        ends_at=starts_at + dt.timedelta(hours=2),
    )


def a_required_training(programme: Programme, *sessions: Event) -> TrainingRequirement:
    requirement = TrainingRequirement.objects.create(
        programme=programme, name={"en": "Bystander intervention", "vi": "Can thiệp của người chứng kiến"}
    )
    requirement.sessions.set(sessions)
    return requirement


def checked_in(event: Event, user: User | None = None, *, email: str = "") -> Registration:
    """``user`` (or someone registered with ``email``) came to the event and was checked in."""
    from safecommunity.core.encryption import lookup_hash

    address = email or (user.email if user is not None else "")
    return Registration.objects.create(
        event=event,
        status=Registration.Status.CONFIRMED,
        user=user if not email else None,
        email=address,
        email_hash=lookup_hash(address),
        checked_in_at=event.starts_at + dt.timedelta(minutes=5),
    )


def a_volunteer_of(coalition: Coalition, username: str, **fields: object) -> User:
    organisation = an_organisation_in(coalition, f"{coalition.slug}-volunteers")
    return a_staff_member(username, role=Role.VOLUNTEER, organisation=organisation, **fields)


def signed_up(shift: Shift, volunteer: User, **fields: object) -> ShiftSignup:
    return ShiftSignup.objects.create(shift=shift, volunteer=volunteer, **fields)


def attended(shift: Shift, volunteer: User, hours: str) -> ShiftSignup:
    return signed_up(shift, volunteer, attended=True, hours=Decimal(hours))
