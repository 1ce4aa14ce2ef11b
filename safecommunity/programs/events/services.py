"""Writes about events: organisers create, publish and cancel them; people register, cancel and are checked in.

Places are decided with the event's row locked (``select_for_update`` on PostgreSQL; SQLite transactions begin
IMMEDIATE, so writers are one at a time there), so two people can never take the last place, and a freed place goes
to the first person on the wait list in the same transaction.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from safecommunity.accounts.models import Coalition, Organisation, User
from safecommunity.core.audit import audit_record
from safecommunity.core.encryption import lookup_hash
from safecommunity.core.multilingual import text_in
from safecommunity.core.tasks import enqueue_on_commit
from safecommunity.programs.events.models import Event, Registration


@dataclass
class EventDetails:
    """What an organiser enters about an event (times already in UTC-aware datetimes)."""

    title: dict[str, str]
    kind: str
    format: str
    starts_at: dt.datetime
    ends_at: dt.datetime
    time_zone: str
    description: dict[str, str] = field(default_factory=dict)
    speakers: list[dict[str, Any]] = field(default_factory=list)
    languages: list[str] = field(default_factory=list)
    organisation: Organisation | None = None
    partners: list[Organisation] = field(default_factory=list)
    region_id: int | None = None
    venue: str = ""
    address: str = ""
    online_url: str = ""
    capacity: int | None = None
    allow_anonymous_registration: bool = False


def _apply(event: Event, details: EventDetails) -> None:
    for name in (
        "title",
        "kind",
        "format",
        "starts_at",
        "ends_at",
        "time_zone",
        "description",
        "speakers",
        "languages",
        "organisation",
        "region_id",
        "venue",
        "address",
        "online_url",
        "capacity",
        "allow_anonymous_registration",
    ):
        setattr(event, name, getattr(details, name))


def _unique_slug(event: Event) -> str:
    base = slugify(text_in(event.title, "en"))[:80].strip("-") or "event"
    slug = f"{base}-{event.starts_at:%Y-%m-%d}"
    if Event.objects.filter(slug=slug).exclude(pk=event.pk).exists():
        slug = f"{slug}-{uuid.uuid4().hex[:6]}"
    return slug


@transaction.atomic
def event_create(*, actor: User, coalition: Coalition, details: EventDetails) -> Event:
    event = Event(coalition=coalition, created_by=actor)
    _apply(event, details)
    event.slug = _unique_slug(event)
    event.save()
    event.partners.set(details.partners)
    audit_record(actor=actor, action="event_create", target=event)
    return event


@transaction.atomic
def event_update(*, actor: User, event: Event, details: EventDetails) -> Event:
    """Save an organiser's changes; places freed by a larger capacity go to the wait list at once."""
    event = Event.objects.select_for_update().get(pk=event.pk)
    _apply(event, details)
    event.save()
    event.partners.set(details.partners)
    promoted = _promote_waiting(event)
    audit_record(actor=actor, action="event_update", target=event, details={"promoted": len(promoted)})
    return event


@transaction.atomic
def event_publish(*, actor: User, event: Event) -> Event:
    event = Event.objects.select_for_update().get(pk=event.pk)
    if event.status == Event.Status.DRAFT:
        event.status = Event.Status.PUBLISHED
        event.published_at = timezone.now()
        event.save(update_fields=["status", "published_at", "updated_at"])
        audit_record(actor=actor, action="event_publish", target=event)
    return event


@transaction.atomic
def event_cancel(*, actor: User, event: Event) -> Event:
    """Cancel an event and tell everyone still registered or waiting, each in their language."""
    event = Event.objects.select_for_update().get(pk=event.pk)
    if event.status == Event.Status.CANCELLED:
        return event
    was_published = event.status == Event.Status.PUBLISHED
    event.status = Event.Status.CANCELLED
    event.cancelled_at = timezone.now()
    event.save(update_fields=["status", "cancelled_at", "updated_at"])
    told = 0
    if was_published:
        from safecommunity.programs.events.tasks import send_registration_email

        for registration_id in Registration.objects.filter(event=event, status__in=ACTIVE_STATUSES).values_list(
            "pk", flat=True
        ):
            enqueue_on_commit(send_registration_email, registration_id=registration_id, kind="event_cancelled")
            told += 1
    audit_record(actor=actor, action="event_cancel", target=event, details={"told": told})
    return event


ACTIVE_STATUSES = (Registration.Status.CONFIRMED, Registration.Status.WAITLISTED)


class RegistrationRefused(Exception):
    """Registration is closed: the event is not published, is cancelled or is over."""


@dataclass(frozen=True)
class RegistrationOutcome:
    registration: Registration
    already_registered: bool = False


def _has_room(event: Event) -> bool:
    if event.capacity is None:
        return True
    confirmed = Registration.objects.filter(event=event, status=Registration.Status.CONFIRMED).count()
    return confirmed < event.capacity


def _promote_waiting(event: Event) -> list[Registration]:
    """Give free places to the people waiting longest (the event's row must be locked by the caller)."""
    promoted: list[Registration] = []
    if event.status == Event.Status.CANCELLED:
        return promoted
    from safecommunity.programs.events.tasks import send_registration_email

    while _has_room(event):
        first = (
            Registration.objects.select_for_update()
            .filter(event=event, status=Registration.Status.WAITLISTED)
            .order_by("created_at", "id")
            .first()
        )
        if first is None:
            break
        first.status = Registration.Status.CONFIRMED
        first.promoted_at = timezone.now()
        first.save(update_fields=["status", "promoted_at"])
        audit_record(actor=None, action="event_registration_promote", target=first)
        enqueue_on_commit(send_registration_email, registration_id=first.pk, kind="promoted")
        promoted.append(first)
    return promoted


@transaction.atomic
def registration_create(
    *,
    event: Event,
    email: str,
    name: str = "",
    language: str = "en",
    access_needs: str = "",
    interpretation_language: str = "",
    user: User | None = None,
    now: dt.datetime | None = None,
) -> RegistrationOutcome:
    """Register someone for an event: a place if one is free, else the wait list. One registration per e-mail
    address: a second attempt gets the first registration back (``already_registered``) and no second e-mail;
    someone who had cancelled is registered again, at the end of the queue."""
    now = now or timezone.now()
    event = Event.objects.select_for_update().get(pk=event.pk)
    if event.status != Event.Status.PUBLISHED or event.ends_at <= now:
        raise RegistrationRefused
    email_hash = lookup_hash(email)
    existing = Registration.objects.select_for_update().filter(event=event, email_hash=email_hash).first()
    if existing is not None and existing.status != Registration.Status.CANCELLED:
        return RegistrationOutcome(registration=existing, already_registered=True)
    registration = existing or Registration(event=event, email_hash=email_hash)
    registration.status = Registration.Status.CONFIRMED if _has_room(event) else Registration.Status.WAITLISTED
    registration.name = name.strip()
    registration.email = email.strip()
    registration.language = language
    registration.access_needs = access_needs.strip()
    registration.interpretation_language = interpretation_language
    registration.user = user if user is not None and user.is_authenticated else None
    registration.created_at = now  # the place in the queue (also for someone registering again)
    registration.cancelled_at = None
    registration.promoted_at = None
    registration.reminder_sent_at = None
    registration.save()
    audit_record(actor=user, action="event_register", target=registration, details={"status": registration.status})
    from safecommunity.programs.events.tasks import send_registration_email

    kind = "confirmation" if registration.status == Registration.Status.CONFIRMED else "waitlisted"
    enqueue_on_commit(send_registration_email, registration_id=registration.pk, kind=kind)
    return RegistrationOutcome(registration=registration)


@transaction.atomic
def registration_cancel(*, registration: Registration, actor: User | None = None) -> Registration:
    """Cancel a place or leave the wait list; a freed place goes to the first person waiting, who is told."""
    event = Event.objects.select_for_update().get(pk=registration.event_id)
    registration = Registration.objects.select_for_update().get(pk=registration.pk)
    if registration.status == Registration.Status.CANCELLED:
        return registration
    registration.status = Registration.Status.CANCELLED
    registration.cancelled_at = timezone.now()
    registration.save(update_fields=["status", "cancelled_at"])
    audit_record(actor=actor, action="event_registration_cancel", target=registration)
    _promote_waiting(event)
    return registration


@transaction.atomic
def registration_check_in(*, actor: User, registration: Registration, attended: bool) -> Registration:
    """Mark someone as attended at the door (or undo a mistaken check-in)."""
    registration = Registration.objects.select_for_update().get(pk=registration.pk)
    registration.checked_in_at = timezone.now() if attended else None
    registration.save(update_fields=["checked_in_at"])
    audit_record(
        actor=actor,
        action="event_check_in" if attended else "event_check_in_undo",
        target=registration,
    )
    return registration


def registrations_remind(*, now: dt.datetime | None = None, ahead: dt.timedelta = dt.timedelta(hours=24)) -> int:
    """Queue a reminder for every confirmed person of a published event starting within ``ahead``, once each
    (``reminder_sent_at``); safe to run as often as cron likes. Gives back how many were queued."""
    from safecommunity.programs.events.tasks import send_registration_email

    now = now or timezone.now()
    queued = 0
    with transaction.atomic():
        due = Registration.objects.select_for_update().filter(
            status=Registration.Status.CONFIRMED,
            reminder_sent_at__isnull=True,
            event__status=Event.Status.PUBLISHED,
            event__starts_at__gt=now,
            event__starts_at__lte=now + ahead,
        )
        for registration in due:
            registration.reminder_sent_at = now
            registration.save(update_fields=["reminder_sent_at"])
            enqueue_on_commit(send_registration_email, registration_id=registration.pk, kind="reminder")
            queued += 1
    return queued
