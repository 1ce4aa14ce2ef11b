"""iCalendar (RFC 5545) files: one event, one person's registration (with the online link) and the calendar feed.

Times are written in UTC ("…Z"), so no VTIMEZONE block is needed and every calendar shows them in its own zone.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from urllib.parse import urlsplit

from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation
from icalendar import Calendar
from icalendar import Event as CalendarEvent

from safecommunity.core.multilingual import text_in
from safecommunity.programs.events.models import Event, Registration

CONTENT_TYPE = "text/calendar; charset=utf-8"


def _calendar(name: str) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", "-//Safe Community//Events//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    return calendar


def _entry(event: Event, *, language: str, online_url: str = "") -> CalendarEvent:
    entry = CalendarEvent()
    host = urlsplit(settings.SITE_URL).hostname or "safecommunity.invalid"
    entry.add("uid", f"{event.public_id}@{host}")
    entry.add("dtstamp", timezone.now().astimezone(dt.UTC))
    entry.add("dtstart", event.starts_at.astimezone(dt.UTC))
    entry.add("dtend", event.ends_at.astimezone(dt.UTC))
    entry.add("summary", text_in(event.title, language))
    with translation.override(language):
        page = settings.SITE_URL + reverse("events:detail", kwargs={"slug": event.slug})
    description = text_in(event.description, language)
    if online_url:
        description = f"{description}\n\n{online_url}".strip()
    entry.add("description", f"{description}\n\n{page}".strip())
    entry.add("url", page)
    location = ", ".join(part for part in (event.venue, event.address) if part) or online_url
    if location:
        entry.add("location", location)
    entry.add("status", "CANCELLED" if event.status == Event.Status.CANCELLED else "CONFIRMED")
    entry.add("last-modified", event.updated_at.astimezone(dt.UTC))
    return entry


def event_calendar(event: Event, *, language: str) -> bytes:
    calendar = _calendar(text_in(event.title, language))
    calendar.add_component(_entry(event, language=language))
    return bytes(calendar.to_ical())


def registration_calendar(registration: Registration) -> bytes:
    """The calendar file of a registered person: with the online link, which the public pages never show."""
    event = registration.event
    online_url = event.online_url if registration.status == Registration.Status.CONFIRMED else ""
    calendar = _calendar(text_in(event.title, registration.language))
    calendar.add_component(_entry(event, language=registration.language, online_url=online_url))
    return bytes(calendar.to_ical())


def feed_calendar(events: Iterable[Event], *, name: str, language: str) -> bytes:
    calendar = _calendar(name)
    calendar.add("refresh-interval", dt.timedelta(hours=6), parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", "PT6H")
    for event in events:
        calendar.add_component(_entry(event, language=language))
    return bytes(calendar.to_ical())
