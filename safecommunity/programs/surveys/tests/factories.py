"""Surveys and answers the stories are told with."""

from __future__ import annotations

import datetime as dt
import itertools
from typing import Any

from django.utils import timezone

from safecommunity.accounts.models import Coalition
from safecommunity.core.encryption import lookup_hash
from safecommunity.programs.events.models import Event, Registration
from safecommunity.programs.surveys.models import Option, Question, Response, Survey
from safecommunity.programs.surveys.services import AnswerValue, response_submit, survey_from_template

_numbers = itertools.count(1)


def a_survey(coalition: Coalition, *, status: str = Survey.Status.OPEN, **fields: Any) -> Survey:
    """An open, anonymous survey with no questions yet."""
    number = next(_numbers)
    defaults: dict[str, Any] = {
        "slug": f"survey-{number}",
        "title": {"en": "Community survey", "vi": "Khảo sát cộng đồng"},
        "thanks": {"en": "Thank you!", "vi": "Cảm ơn bạn!"},
    }
    defaults.update(fields)
    return Survey.objects.create(coalition=coalition, status=status, **defaults)


def a_question(survey: Survey, code: str, kind: str, *, options: tuple[str, ...] = (), **fields: Any) -> Question:
    order = (survey.questions.count() + 1) * 10
    defaults: dict[str, Any] = {"text": {"en": f"Question {code}?", "vi": f"Câu hỏi {code}?"}}
    defaults.update(fields)
    question = Question.objects.create(survey=survey, code=code, kind=kind, order=order, **defaults)
    for index, option in enumerate(options, start=1):
        Option.objects.create(
            question=question, code=option, order=index, label={"en": option.title(), "vi": f"{option} (vi)"}
        )
    return question


def a_feelings_survey(coalition: Coalition, **fields: Any) -> Survey:
    """Do you feel safe? (yes / no / unsure), then, only to those who said no, why not (free text)."""
    survey = a_survey(coalition, **fields)
    feel = a_question(
        survey,
        "feel_safe",
        Question.Kind.SINGLE_CHOICE,
        options=("yes", "no", "unsure"),
        required=True,
        text={"en": "Do you feel safe in your neighbourhood?", "vi": "Bạn có cảm thấy an toàn trong khu phố không?"},
    )
    a_question(
        survey,
        "why_not",
        Question.Kind.TEXT,
        required=True,
        condition_question=feel,
        condition_options=["no"],
        text={"en": "What makes you feel unsafe?", "vi": "Điều gì khiến bạn cảm thấy không an toàn?"},
    )
    return survey


def answered(survey: Survey, *, language: str = "en", phase: str = "", pairing: str = "", **answers: Any) -> Response:
    """One response: ``feel_safe="no"``, ``topics=["a", "b"]``, ``confidence=3``, ``why_not="…"``, ``trust={...}``."""
    questions = {question.code: question for question in survey.questions.all()}
    values: dict[int, AnswerValue] = {}
    for code, given in answers.items():
        question = questions[code]
        if question.kind == Question.Kind.SINGLE_CHOICE:
            values[question.pk] = AnswerValue(option_codes=[given])
        elif question.kind == Question.Kind.MULTIPLE_CHOICE:
            values[question.pk] = AnswerValue(option_codes=list(given))
        elif question.kind == Question.Kind.SCALE:
            values[question.pk] = AnswerValue(number=int(given))
        elif question.kind == Question.Kind.MATRIX:
            values[question.pk] = AnswerValue(matrix=dict(given))
        else:
            values[question.pk] = AnswerValue(text=str(given))
    return response_submit(survey=survey, answers=values, language=language, phase=phase, pairing_code=pairing)


def a_template_survey(coalition: Coalition, template: str, **fields: Any) -> Survey:
    survey = survey_from_template(template=template, coalition=coalition, actor=None, **fields)
    survey.status = Survey.Status.OPEN
    survey.save(update_fields=["status"])
    return survey


def a_past_event(coalition: Coalition, *, ended_ago: dt.timedelta = dt.timedelta(hours=3), **fields: Any) -> Event:
    ends_at = timezone.now() - ended_ago
    return Event.objects.create(
        coalition=coalition,
        kind=Event.Kind.WORKSHOP,
        format=Event.Format.IN_PERSON,
        status=Event.Status.PUBLISHED,
        title={"en": "Know your rights", "vi": "Biết quyền của bạn", "es": "Conozca sus derechos"},
        starts_at=ends_at - dt.timedelta(hours=2),
        ends_at=ends_at,
        **fields,
    )


def a_registration(
    event: Event, *, email: str, language: str = "en", checked_in: bool = True, **fields: Any
) -> Registration:
    return Registration.objects.create(
        event=event,
        status=fields.pop("status", Registration.Status.CONFIRMED),
        name=fields.pop("name", "Someone"),
        email=email,
        email_hash=lookup_hash(email.lower()),
        language=language,
        checked_in_at=event.ends_at - dt.timedelta(hours=1) if checked_in else None,
        **fields,
    )
