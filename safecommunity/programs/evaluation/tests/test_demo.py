"""The demo's projects, milestones, indicators and good practices, for both cities, made twice without duplicates."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from safecommunity.accounts.tests.factories import an_organisation_in, greater_sacramento, the_bay_area
from safecommunity.demo.programs_evaluation import seed_evaluation
from safecommunity.programs.evaluation.models import GoodPractice, Milestone, Project, ProjectIndicator

pytestmark = pytest.mark.django_db


def test_the_demo_makes_a_project_per_city_and_is_idempotent() -> None:
    sacramento, bay = greater_sacramento(), the_bay_area()
    an_organisation_in(sacramento, "demo-sac")
    an_organisation_in(bay, "demo-bay")
    coalitions = {"greater-sacramento": sacramento, "sf-bay-area": bay}
    now = timezone.make_aware(dt.datetime(2026, 11, 1, 12))

    first = seed_evaluation(coalitions=coalitions, now=now)
    second = seed_evaluation(coalitions=coalitions, now=now)

    assert first == second
    assert first["projects"] == 2
    assert Project.objects.count() == 2
    assert set(Project.objects.values_list("coalition__slug", flat=True)) == {"greater-sacramento", "sf-bay-area"}
    assert Milestone.objects.count() == first["milestones"] == 8
    assert ProjectIndicator.objects.count() == first["indicators"]
    assert GoodPractice.objects.filter(shared=True).count() == 4
    assert Project.objects.get(coalition=bay).regions.filter(slug="san-francisco").exists()
    assert "zh-hant" in Project.objects.get(coalition=bay).title


def test_the_demo_makes_one_project_per_awarded_application() -> None:
    from safecommunity.programs.evaluation.tests.test_projects import an_awarded_application

    sacramento, bay = greater_sacramento(), the_bay_area()
    an_organisation_in(sacramento, "demo-sac")
    an_organisation_in(bay, "demo-bay")
    application = an_awarded_application(sacramento, organisation_name="Demo Sac")
    coalitions = {"greater-sacramento": sacramento, "sf-bay-area": bay}
    now = timezone.make_aware(dt.datetime(2026, 11, 1, 12))

    seed_evaluation(coalitions=coalitions, now=now)
    seed_evaluation(coalitions=coalitions, now=now)

    project = Project.objects.get(coalition=sacramento)
    assert project.application == application
    assert project.organisation.slug == "demo-sac"
    assert project.title["en"] == "Demo Sac: Safe streets fund"
