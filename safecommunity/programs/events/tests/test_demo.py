"""The demo seeds every kind of event in both cities, and seeding again changes nothing."""

from __future__ import annotations

import pytest
from django.test import Client
from django.utils import timezone

from safecommunity.accounts.tests.factories import an_organisation_in, greater_sacramento, the_bay_area
from safecommunity.demo.programs_events import seed_events
from safecommunity.programs.events.models import Event, Registration

pytestmark = pytest.mark.django_db


def test_the_demo_has_every_kind_of_event_in_both_cities_and_is_idempotent():
    coalitions = {"greater-sacramento": greater_sacramento(), "sf-bay-area": the_bay_area()}
    for slug, coalition in coalitions.items():
        an_organisation_in(coalition, f"{slug}-one")
        an_organisation_in(coalition, f"{slug}-two")
    now = timezone.now()
    first = seed_events(coalitions=coalitions, now=now)
    counts = (Event.objects.count(), Registration.objects.count())
    second = seed_events(coalitions=coalitions, now=now)
    assert first == second
    assert (Event.objects.count(), Registration.objects.count()) == counts
    for coalition in coalitions.values():
        kinds = set(Event.objects.filter(coalition=coalition).values_list("kind", flat=True))
        assert kinds == set(Event.Kind.values)
        events = Event.objects.filter(coalition=coalition)
        assert events.filter(starts_at__lt=now, registrations__checked_in_at__isnull=False).exists()
        assert events.filter(starts_at__gt=now).exists()
        assert Registration.objects.filter(event__coalition=coalition, status="waitlisted").exists()
    assert any(len(event.title) >= 3 for event in Event.objects.all())
    assert Client().get("/en/events/").status_code == 200
    assert Client().get("/ar/events/").status_code == 200
