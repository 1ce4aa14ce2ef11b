"""The demo's volunteer programmes: every kind in both cities, built twice without duplicates."""

from __future__ import annotations

import pytest
from django.utils import timezone

from safecommunity.accounts.tests.factories import an_organisation_in, greater_sacramento, the_bay_area
from safecommunity.demo.programs_volunteers import seed_volunteers
from safecommunity.programs.events.models import Event
from safecommunity.programs.volunteers.models import Programme, Shift, ShiftSignup
from safecommunity.programs.volunteers.selectors import missing_requirements

pytestmark = pytest.mark.django_db


def test_the_demo_seeds_every_programme_kind_in_both_cities_and_is_idempotent() -> None:
    sacramento, bay = greater_sacramento(), the_bay_area()
    an_organisation_in(sacramento, "sac-partner")
    an_organisation_in(bay, "bay-partner")
    coalitions = {sacramento.slug: sacramento, bay.slug: bay}
    now = timezone.now()

    first = seed_volunteers(coalitions=coalitions, now=now, password="demo password")
    second = seed_volunteers(coalitions=coalitions, now=now, password="demo password")

    assert first["programmes"] == second["programmes"] == 6
    assert Programme.objects.count() == 6 and Shift.objects.count() == 30
    assert Event.objects.filter(kind=Event.Kind.TRAINING).count() == 4  # made once, two sessions per city
    assert second["training_events"] == 0
    for coalition in coalitions.values():
        kinds = set(Programme.objects.filter(coalition=coalition).values_list("kind", flat=True))
        assert kinds == {"community_ambassadors", "volunteer_strolling", "accompaniment"}
    assert ShiftSignup.objects.filter(attended=True, hours__gt=0).exists()
    strolls = Programme.objects.get(coalition=sacramento, key="strolling")
    trained = ShiftSignup.objects.filter(shift__programme=strolls).first()
    assert trained is not None and missing_requirements(volunteer=trained.volunteer, programme=strolls) == []
    from safecommunity.accounts.models import User

    untrained = User.objects.get(username="demo-volunteer-sac-3")
    assert untrained.check_password("demo password")
    assert missing_requirements(volunteer=untrained, programme=strolls) != []
