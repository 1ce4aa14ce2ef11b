"""The events' computed indicators for project evaluation: people trained and event attendance (counts only)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from safecommunity.core.indicators import (
    Indicator,
    IndicatorResult,
    IndicatorScope,
    counted_by_month,
    period_bounds,
    register_indicator,
)
from safecommunity.programs.events.models import Event, Registration

TRAINING_KINDS = (Event.Kind.TRAINING, Event.Kind.WORKSHOP)


def _attendance(scope: IndicatorScope, *, kinds: tuple[str, ...] | None) -> IndicatorResult:
    """Checked-in attendees of the events run by the scope's organisations (or, for a scope of no organisation,
    the coalition's events in its regions) that started in the period, by month of the event."""
    start, end = period_bounds(scope)
    registrations = Registration.objects.filter(
        checked_in_at__isnull=False,
        event__starts_at__gte=start,
        event__starts_at__lt=end,
    ).exclude(event__status=Event.Status.DRAFT)
    if scope.organisation_ids:
        registrations = registrations.filter(event__organisation_id__in=scope.organisation_ids)
    elif scope.coalition_id is not None:
        registrations = registrations.filter(event__coalition_id=scope.coalition_id)
        if scope.region_ids:
            registrations = registrations.filter(event__region_id__in=scope.region_ids)
    else:
        return counted_by_month([], scope, about_people=True)
    if kinds is not None:
        registrations = registrations.filter(event__kind__in=kinds)
    return counted_by_month(list(registrations.values_list("event__starts_at", flat=True)), scope, about_people=True)


def people_trained(scope: IndicatorScope) -> IndicatorResult:
    return _attendance(scope, kinds=TRAINING_KINDS)


def event_attendance(scope: IndicatorScope) -> IndicatorResult:
    return _attendance(scope, kinds=None)


def events_held(scope: IndicatorScope) -> IndicatorResult:
    """Events run by the scope's organisations (or held by its coalition) that started in the period and were not
    cancelled: a count of events, not of people."""
    start, end = period_bounds(scope)
    events = Event.objects.filter(status=Event.Status.PUBLISHED, starts_at__gte=start, starts_at__lt=end)
    if scope.organisation_ids:
        events = events.filter(organisation_id__in=scope.organisation_ids)
    elif scope.coalition_id is not None:
        events = events.filter(coalition_id=scope.coalition_id)
    else:
        return counted_by_month([], scope, about_people=False)
    return counted_by_month(list(events.values_list("starts_at", flat=True)), scope, about_people=False)


def register() -> None:
    register_indicator(Indicator(code="events_held", label=_("Events held"), unit=_("events"), compute=events_held))
    register_indicator(
        Indicator(
            code="people_trained",
            label=_("People trained"),
            unit=_("people"),
            compute=people_trained,
        )
    )
    register_indicator(
        Indicator(
            code="event_attendance",
            label=_("Event attendance"),
            unit=_("people"),
            compute=event_attendance,
        )
    )
