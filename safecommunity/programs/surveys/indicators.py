"""The ``survey_change`` indicator: how much answers on the scales moved from before to after a workshop."""

from __future__ import annotations

import statistics

from django.utils.translation import gettext_lazy as _

from safecommunity.core.indicators import Indicator, IndicatorResult, IndicatorScope, counted_by_month, period_bounds
from safecommunity.insights.suppression import threshold
from safecommunity.programs.surveys.models import Question, Response, Survey
from safecommunity.programs.surveys.results import change_of, scale_values


def survey_change(scope: IndicatorScope) -> IndicatorResult:
    """The mean, over every scale question of the scope's before-and-after surveys, of (mean after − mean before),
    counting answers given in the period. A scale answered by fewer than the statistics' minimum before or after
    is left out (``small_numbers_hidden``)."""
    k = threshold()
    surveys = Survey.objects.filter(kind=Survey.Kind.PRE_POST)
    if scope.organisation_ids:
        surveys = surveys.filter(organisation_id__in=scope.organisation_ids)
    elif scope.coalition_id is not None:
        surveys = surveys.filter(coalition_id=scope.coalition_id)
    else:
        return IndicatorResult(total=None)
    changes: list[float] = []
    hidden = False
    pre_answers = post_answers = 0
    for survey in surveys:
        questions = list(survey.questions.filter(kind=Question.Kind.SCALE))
        values = scale_values(survey=survey, questions=questions, since=scope.start, until=scope.end)
        for question in questions:
            phases = values.get((question.pk, ""), {})
            pre, post = phases.get(Response.Phase.PRE, []), phases.get(Response.Phase.POST, [])
            if not pre and not post:
                continue
            _mean_pre, _mean_post, change, _pairs, _paired = change_of(pre, post, minimum=k)
            if change is None:
                hidden = True
                continue
            changes.append(change)
            pre_answers += len(pre)
            post_answers += len(post)
    if not changes:
        return IndicatorResult(total=None, small_numbers_hidden=hidden)
    return IndicatorResult(
        total=round(statistics.fmean(changes), 2),
        small_numbers_hidden=hidden,
        details={
            "scales": float(len(changes)),
            "answers_before": float(pre_answers),
            "answers_after": float(post_answers),
        },
    )


def survey_responses(scope: IndicatorScope) -> IndicatorResult:
    """Responses to the surveys of the scope's organisations (or its coalition) given in the period."""
    start, end = period_bounds(scope)
    responses = Response.objects.filter(created_at__gte=start, created_at__lt=end)
    if scope.organisation_ids:
        responses = responses.filter(survey__organisation_id__in=scope.organisation_ids)
    elif scope.coalition_id is not None:
        responses = responses.filter(survey__coalition_id=scope.coalition_id)
    else:
        return counted_by_month([], scope, about_people=True)
    return counted_by_month(list(responses.values_list("created_at", flat=True)), scope, about_people=True)


SURVEY_RESPONSES = Indicator(
    code="survey_responses",
    label=_("Survey responses"),
    unit=_("responses"),
    compute=survey_responses,
)

SURVEY_CHANGE = Indicator(
    code="survey_change",
    label=_("Change on survey scales from before to after"),
    unit=_("points on the scale"),
    compute=survey_change,
)
