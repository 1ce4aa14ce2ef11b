"""Events and registrations the stories are told with."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from safecommunity.accounts.models import Coalition
from safecommunity.programs.events.models import Event, Registration
from safecommunity.programs.events.services import RegistrationOutcome, registration_create


def an_event(
    coalition: Coalition,
    *,
    title: dict[str, str] | None = None,
    starts_in: dt.timedelta = dt.timedelta(days=7),
    hours: float = 2,
    status: str = Event.Status.PUBLISHED,
    **fields: Any,
) -> Event:
    """A published two-hour workshop a week from now, unless the story says otherwise."""
    starts_at = fields.pop("starts_at", None) or timezone.now().replace(microsecond=0) + starts_in
    title = title or {"en": "Know your rights", "vi": "Biết quyền của bạn"}
    slug = fields.pop("slug", None) or f"event-{Event.objects.count() + 1}-{starts_at:%Y%m%d%H%M}"
    defaults: dict[str, Any] = {
        "kind": Event.Kind.WORKSHOP,
        "format": Event.Format.IN_PERSON,
        "venue": "Community centre",
        "address": "1 Main Street, Sacramento",
        "time_zone": coalition.time_zone,
    }
    defaults.update(fields)
    partners = defaults.pop("partners", [])
    event = Event.objects.create(
        coalition=coalition,
        title=title,
        slug=slug,
        status=status,
        starts_at=starts_at,
        ends_at=starts_at + dt.timedelta(hours=hours),
        **defaults,
    )
    if partners:
        event.partners.set(partners)
    return event


def a_full_event(coalition: Coalition, *, capacity: int = 1, **fields: Any) -> Event:
    """An event whose places are all taken (by "first@example.org" and so on)."""
    event = an_event(coalition, capacity=capacity, **fields)
    for number in range(capacity):
        registered(event, email=f"taken{number}@example.org", name=f"Taken {number}")
    return event


def registered(event: Event, *, email: str, name: str = "Someone", language: str = "en", **fields: Any) -> Registration:
    """Registered through the public service (a past event's registrants are registered as if beforehand)."""
    fields.setdefault("now", min(timezone.now(), event.starts_at - dt.timedelta(hours=1)))
    outcome: RegistrationOutcome = registration_create(event=event, email=email, name=name, language=language, **fields)
    return outcome.registration
