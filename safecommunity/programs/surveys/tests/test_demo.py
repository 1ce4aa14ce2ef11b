"""The demo seeds every shipped survey in both cities, with responses, and can run twice."""

from __future__ import annotations

import pytest
from django.utils import timezone

from safecommunity.accounts.tests.factories import an_organisation_in, greater_sacramento, the_bay_area
from safecommunity.demo.programs_surveys import seed_surveys
from safecommunity.programs.surveys.models import Response, Survey
from safecommunity.programs.surveys.results import survey_results
from safecommunity.programs.surveys.selectors import survey_questions

pytestmark = pytest.mark.django_db


def test_seed_surveys_is_idempotent_and_shows_both_sides_of_the_small_number_rule(sacramento: object) -> None:
    coalitions = {"greater-sacramento": greater_sacramento(), "sf-bay-area": the_bay_area()}
    for coalition in coalitions.values():
        an_organisation_in(coalition, f"{coalition.slug}-partner")
    now = timezone.now()

    first = seed_surveys(coalitions=coalitions, now=now)
    responses = Response.objects.count()
    second = seed_surveys(coalitions=coalitions, now=now)

    assert first["surveys"] == 8 and first["responses"] == responses > 0
    assert second == {"surveys": 0, "responses": 0}
    assert Survey.objects.filter(status=Survey.Status.OPEN).count() == 8
    assert set(Response.objects.values_list("language", flat=True)) >= {"en", "vi", "zh-hant", "es"}

    safety = Survey.objects.get(slug="greater-sacramento-public-safety")
    results = survey_results(survey=safety, questions=survey_questions(survey=safety))
    rows = [row for result in results.questions for table in result.tables for row in table.published.rows]
    assert any(row.count is not None and row.count >= 5 for row in rows)
    assert any(row.hidden for row in rows)
    feedback = Survey.objects.get(slug="sf-bay-area-event-feedback")
    assert survey_results(survey=feedback, questions=survey_questions(survey=feedback)).too_few
    workshop = Survey.objects.get(slug="greater-sacramento-pre-post-workshop")
    changes = survey_results(survey=workshop, questions=survey_questions(survey=workshop)).changes
    assert any(change.change is not None and change.pairs for change in changes)
