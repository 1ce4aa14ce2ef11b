"""Upcoming public events over JSON (the same as the public calendar; no personal data, no online links)."""

from __future__ import annotations

import datetime as dt
import uuid

from django.conf import settings
from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import get_language, override
from ninja import Router, Schema

from safecommunity.core.multilingual import text_in
from safecommunity.programs.events.selectors import PublicFilters, event_languages, places_left, upcoming_public_events

router = Router(tags=["Events"])


class EventOut(Schema):
    id: uuid.UUID
    slug: str
    url: str
    title: str
    title_translations: dict[str, str]
    description: str
    kind: str
    format: str
    languages: list[str]
    coalition: str
    region: str | None
    venue: str
    address: str
    starts_at: dt.datetime
    ends_at: dt.datetime
    time_zone: str
    capacity: int | None
    places_left: int | None
    calendar_file: str


@router.get("/events", response=list[EventOut], summary="Upcoming published events")
def list_events(
    request: HttpRequest,
    language: str = "",
    region: str = "",
    coalition: str = "",
    kind: str = "",
    format: str = "",
    limit: int = 100,
) -> list[EventOut]:
    """Upcoming published events, soonest first. Filters: ``language`` (held or interpreted in), ``region`` and
    ``coalition`` (slugs), ``kind`` and ``format`` (codes). Titles are given in ``language`` when it is written in
    it. Times are in UTC; ``time_zone`` is the zone the event is shown in."""
    filters = PublicFilters(language=language, region=region, coalition=coalition, kind=kind, format=format)
    shown_language = language or get_language() or settings.LANGUAGE_CODE
    events = upcoming_public_events(filters=filters)[: max(1, min(limit, 500))]
    with override(shown_language):
        return [
            EventOut(
                id=event.public_id,
                slug=event.slug,
                url=settings.SITE_URL + reverse("events:detail", kwargs={"slug": event.slug}),
                title=text_in(event.title, shown_language),
                title_translations=event.title,
                description=text_in(event.description, shown_language),
                kind=event.kind,
                format=event.format,
                languages=event_languages(event),
                coalition=event.coalition.slug,
                region=event.region.slug if event.region else None,
                venue=event.venue,
                address=event.address,
                starts_at=event.starts_at,
                ends_at=event.ends_at,
                time_zone=event.time_zone,
                capacity=event.capacity,
                places_left=places_left(event=event),
                calendar_file=settings.SITE_URL + reverse("events:event_ics", kwargs={"slug": event.slug}),
            )
            for event in events
        ]
