"""Evaluation reads the change between before and after through the indicator registry."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from safecommunity.accounts.models import Coalition, Organisation
from safecommunity.core.indicators import IndicatorScope, indicator
from safecommunity.programs.surveys.tests.factories import a_template_survey, answered

pytestmark = pytest.mark.django_db


def scope(organisation: Organisation) -> IndicatorScope:
    today = timezone.now().date()
    return IndicatorScope(
        organisation_ids=(organisation.pk,), region_ids=(), start=today - dt.timedelta(days=30), end=today
    )


def test_survey_change_is_the_mean_change_on_the_scales(sacramento_coalition: Coalition, org_a: Organisation) -> None:
    survey = a_template_survey(sacramento_coalition, "pre_post_workshop", organisation=org_a)
    for _ in range(5):
        answered(survey, phase="pre", confidence_intervene=2, know_report=2, know_rights=3)
        answered(survey, phase="post", confidence_intervene=4, know_report=3, know_rights=3)
    answered(survey, phase="pre", know_support=1)  # too few answers to count

    result = indicator("survey_change").compute(scope(org_a))  # type: ignore[union-attr]

    assert result.total == 1.0  # (2 + 1 + 0) / 3
    assert result.small_numbers_hidden
    assert result.details["scales"] == 3


def test_no_survey_means_nothing_to_compute(org_a: Organisation) -> None:
    assert indicator("survey_change").compute(scope(org_a)).total is None  # type: ignore[union-attr]
