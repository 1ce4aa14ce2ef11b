"""Links to the events app's public pages, whichever names it gives them (the calendar at ``/<lang>/events/``)."""

from __future__ import annotations

from django.urls import NoReverseMatch, reverse
from django.utils.translation import get_language

from safecommunity.programs.events.models import Event

CALENDAR_NAMES = ("events:calendar", "events:public_list", "events:list", "events:index")
EVENT_NAMES = ("events:detail", "events:event_detail", "events:public_detail", "events:event")


def events_calendar_url() -> str:
    for name in CALENDAR_NAMES:
        try:
            return reverse(name)
        except NoReverseMatch:
            continue
    return f"/{get_language() or 'en'}/events/"


def event_url(event: Event) -> str:
    """The event's public page (found by its slug), or the calendar when it has none."""
    slug = getattr(event, "slug", "") or ""
    if slug:
        for name in EVENT_NAMES:
            try:
                return reverse(name, args=[slug])
            except NoReverseMatch:
                continue
    return events_calendar_url()
