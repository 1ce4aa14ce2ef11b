"""Reads about events and registrations, already scoped to what the caller may see.

Staff see the events of their coalition(s) only (another coalition's event is simply not found); the public sees
published events (and cancelled ones, so a link in an old e-mail still explains what happened), never drafts.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from safecommunity.accounts.models import User
from safecommunity.accounts.selectors import coalition_ids_for
from safecommunity.core.multilingual import languages_of
from safecommunity.programs.events.models import Event, Registration

ACTIVE = (Registration.Status.CONFIRMED, Registration.Status.WAITLISTED)


def events_for_staff(*, user: User) -> QuerySet[Event]:
    events = Event.objects.select_related("coalition", "region", "organisation")
    coalition_ids = coalition_ids_for(user=user)
    if coalition_ids is not None:
        events = events.filter(coalition_id__in=coalition_ids)
    return events.annotate(
        confirmed_count=Count("registrations", filter=Q(registrations__status=Registration.Status.CONFIRMED)),
        waitlisted_count=Count("registrations", filter=Q(registrations__status=Registration.Status.WAITLISTED)),
        attended_count=Count("registrations", filter=Q(registrations__checked_in_at__isnull=False)),
    ).order_by("-starts_at")


def event_for_staff(*, user: User, public_id: uuid.UUID) -> Event | None:
    return events_for_staff(user=user).filter(public_id=public_id).first()


def registrations_of(*, event: Event) -> QuerySet[Registration]:
    """Every registration of an event the caller already reached through ``event_for_staff``, in arrival order."""
    return Registration.objects.filter(event=event).order_by("created_at", "id")


def registration_of(*, event: Event, public_id: uuid.UUID) -> Registration | None:
    return registrations_of(event=event).filter(public_id=public_id).first()


@dataclass(frozen=True)
class Attendance:
    confirmed: int
    waitlisted: int
    cancelled: int
    attended: int

    @property
    def no_shows(self) -> int:
        return max(self.confirmed - self.attended, 0)


def attendance_of(*, event: Event) -> Attendance:
    counts = Registration.objects.filter(event=event).aggregate(
        confirmed=Count("pk", filter=Q(status=Registration.Status.CONFIRMED)),
        waitlisted=Count("pk", filter=Q(status=Registration.Status.WAITLISTED)),
        cancelled=Count("pk", filter=Q(status=Registration.Status.CANCELLED)),
        attended=Count("pk", filter=Q(checked_in_at__isnull=False)),
    )
    return Attendance(**counts)


@dataclass(frozen=True)
class PublicFilters:
    language: str = ""
    region: str = ""  # a region slug
    coalition: str = ""  # a coalition slug
    kind: str = ""
    format: str = ""


def event_languages(event: Event) -> list[str]:
    """The languages an event is held or interpreted in, else those its title is written in."""
    return list(event.languages or []) or languages_of(event.title)


def upcoming_public_events(*, filters: PublicFilters, now: dt.datetime | None = None) -> list[Event]:
    """Published events that have not ended yet, soonest first. The language filter is applied in Python because
    the languages are a JSON list, which SQLite cannot search; upcoming events are few."""
    now = now or timezone.now()
    events = Event.objects.filter(status=Event.Status.PUBLISHED, ends_at__gte=now).select_related("coalition", "region")
    if filters.region:
        events = events.filter(region__slug=filters.region)
    if filters.coalition:
        events = events.filter(coalition__slug=filters.coalition)
    if filters.kind:
        events = events.filter(kind=filters.kind)
    if filters.format:
        events = events.filter(format=filters.format)
    found = list(events.order_by("starts_at", "id"))
    if filters.language:
        found = [event for event in found if filters.language in event_languages(event)]
    return found


def public_event(*, slug: str) -> Event | None:
    return (
        Event.objects.filter(slug=slug, status__in=[Event.Status.PUBLISHED, Event.Status.CANCELLED])
        .select_related("coalition", "region", "organisation")
        .prefetch_related("partners")
        .first()
    )


def registration_for_link(*, public_id: uuid.UUID) -> Registration | None:
    """The registration behind the secret link sent by e-mail: knowing the link is what lets someone see it."""
    return (
        Registration.objects.filter(
            public_id=public_id, event__status__in=[Event.Status.PUBLISHED, Event.Status.CANCELLED]
        )
        .select_related("event", "event__coalition", "event__region")
        .first()
    )


def waitlist_position(*, registration: Registration) -> int | None:
    """1 for the first person on the wait list; None for anyone not waiting."""
    if registration.status != Registration.Status.WAITLISTED:
        return None
    ahead = Registration.objects.filter(event_id=registration.event_id, status=Registration.Status.WAITLISTED).filter(
        Q(created_at__lt=registration.created_at) | Q(created_at=registration.created_at, id__lt=registration.pk)
    )
    return ahead.count() + 1


def places_left(*, event: Event) -> int | None:
    """None for an event without a limit."""
    if event.capacity is None:
        return None
    confirmed = Registration.objects.filter(event=event, status=Registration.Status.CONFIRMED).count()
    return max(event.capacity - confirmed, 0)


# For other apps (surveys send the feedback survey; volunteers check required trainings).


def checked_in_registrations(event: Event) -> QuerySet[Registration]:
    """The people who attended an event (checked in), for the feedback survey the surveys app sends; it sets
    ``feedback_sent_at`` itself."""
    return Registration.objects.filter(event=event, checked_in_at__isnull=False).order_by("checked_in_at", "id")


def trainings_completed(*, email_hash: str = "", user: User | None = None) -> set[int]:
    """The ids of the events where this person (by the lookup hash of their e-mail, or their account) checked in."""
    who = Q()
    if email_hash:
        who |= Q(email_hash=email_hash)
    if user is not None and user.pk is not None:
        who |= Q(user=user)
    if not who:
        return set()
    return set(
        Registration.objects.filter(who, checked_in_at__isnull=False)
        .exclude(event__status=Event.Status.DRAFT)
        .values_list("event_id", flat=True)
    )
