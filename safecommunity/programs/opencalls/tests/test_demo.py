"""The demo's calls, applications, reviews and decisions, for both cities, made twice without duplicates."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from safecommunity.accounts.tests.factories import an_organisation_in, greater_sacramento, the_bay_area
from safecommunity.demo.programs_opencalls import seed_opencalls
from safecommunity.programs.opencalls.models import Application, Call, Score
from safecommunity.programs.opencalls.selectors import awarded_applications, call_ranking, open_calls

pytestmark = pytest.mark.django_db


def test_the_demo_makes_a_decided_grant_and_an_open_contest_in_each_city_and_is_idempotent() -> None:
    sacramento, bay = greater_sacramento(), the_bay_area()
    for number in range(1, 4):
        an_organisation_in(sacramento, f"demo-sac-{number}")
        an_organisation_in(bay, f"demo-bay-{number}")
    coalitions = {"greater-sacramento": sacramento, "sf-bay-area": bay}
    now = timezone.make_aware(dt.datetime(2026, 11, 1, 12))

    first = seed_opencalls(coalitions=coalitions, now=now, password="demo password")
    second = seed_opencalls(coalitions=coalitions, now=now, password="demo password")

    assert first == second
    assert Call.objects.count() == first["calls"] == 4
    assert Application.objects.count() == first["applications"] == 10
    assert Score.objects.count() == first["scores"]
    assert awarded_applications(coalition_ids={bay.pk}).count() == 2
    assert set(Application.objects.values_list("language", flat=True)) >= {"vi", "hmn", "zh-hant", "ko", "ar"}
    assert {call.coalition.slug for call in open_calls(now=now)} == {"greater-sacramento", "sf-bay-area"}
    ranking = call_ranking(call=Call.objects.get(slug="greater-sacramento-community-safety-grants"))
    assert ranking[0].rank == 1
    assert ranking[0].conflict_count == 1
