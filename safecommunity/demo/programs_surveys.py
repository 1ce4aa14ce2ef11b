"""Demo surveys: each shipped template in both cities, open, with made-up responses in several languages.

The numbers are chosen so that the results show both sides of the small-number rule: the needs assessment and
the safety survey have enough responses for most answers to be shown (a few rare answers appear as "fewer than 5"),
the workshop evaluation has enough before-and-after pairs for a change to be computed, and the event feedback has
only a handful of responses, so its results show no breakdown at all."""

from __future__ import annotations

import datetime as dt
import random

from django.db import transaction

from safecommunity.accounts.models import Coalition
from safecommunity.programs.events.models import Event
from safecommunity.programs.surveys.models import Question, Response, Survey
from safecommunity.programs.surveys.services import AnswerValue, response_submit, survey_from_template

# template → (responses to make, languages they are given in)
PLAN: dict[str, tuple[int, tuple[str, ...]]] = {
    "needs_assessment": (42, ("en", "vi", "zh-hant", "es", "ko", "hmn", "vi", "en")),
    "public_safety": (57, ("en", "zh-hant", "es", "vi", "ar", "ko", "en")),
    "pre_post_workshop": (14, ("en", "vi", "es", "hmn")),
    "event_feedback": (4, ("en", "vi", "es")),
}
TEXTS = {
    "en": ["More help in our own language.", "Evening workshops after work would help.", "Lighting near the bus stop."],
    "vi": ["Cần thêm hỗ trợ bằng tiếng Việt.", "Nên có hội thảo vào buổi tối."],
    "zh-hant": ["希望有更多中文服務。", "公車站附近需要更好的照明。"],
    "es": ["Más información en español.", "Talleres para padres y madres."],
}


def seed_surveys(*, coalitions: dict[str, Coalition], now: dt.datetime) -> dict[str, int]:
    made = {"surveys": 0, "responses": 0}
    for coalition in coalitions.values():
        organisation = coalition.organisations.order_by("slug").first()
        past_event = (
            (Event.objects.filter(coalition=coalition, ends_at__lt=now).exclude(status=Event.Status.CANCELLED))
            .order_by("-ends_at")
            .first()
        )
        for template, (count, languages) in PLAN.items():
            slug = f"{coalition.slug}-{template.replace('_', '-')}"
            with transaction.atomic():
                survey = Survey.objects.filter(slug=slug).first()
                if survey is None:
                    survey = survey_from_template(
                        template=template,
                        coalition=coalition,
                        actor=None,
                        organisation=organisation,
                        slug=slug,
                        event=past_event if template in {"event_feedback", "pre_post_workshop"} else None,
                    )
                    made["surveys"] += 1
                Survey.objects.filter(pk=survey.pk).update(
                    status=Survey.Status.OPEN, opened_at=survey.opened_at or now - dt.timedelta(days=40)
                )
                if not survey.responses.exists():
                    made["responses"] += _responses(survey, count=count, languages=languages, now=now)
    return made


def _responses(survey: Survey, *, count: int, languages: tuple[str, ...], now: dt.datetime) -> int:
    chance = random.Random(survey.slug)
    questions = list(survey.questions.select_related("condition_question").prefetch_related("options"))
    made = 0
    phases = [Response.Phase.PRE, Response.Phase.POST] if survey.is_pre_post else [Response.Phase.NONE]
    for number in range(count):
        language = languages[number % len(languages)]
        for phase in phases:
            if phase == Response.Phase.POST and number % 7 == 6:
                continue  # some people did not come back after the workshop
            lift = 1 if phase == Response.Phase.POST else 0
            answers = _answers(questions, chance, language=language, lift=lift)
            response = response_submit(
                survey=survey,
                answers=answers,
                language=language,
                phase=phase,
                pairing_code=f"DEMO-{survey.pk}-{number}" if survey.is_pre_post else "",
            )
            when = now - dt.timedelta(days=30 - (number % 28), hours=chance.randint(0, 20))
            if phase == Response.Phase.POST:
                when += dt.timedelta(days=1)
            Response.objects.filter(pk=response.pk).update(created_at=min(when, now))
            made += 1
    return made


def _answers(questions: list[Question], chance: random.Random, *, language: str, lift: int) -> dict[int, AnswerValue]:
    given: dict[str, list[str]] = {}
    answers: dict[int, AnswerValue] = {}
    for question in questions:
        condition = question.condition_question
        if condition is not None and not set(given.get(condition.code, [])) & set(question.condition_options):
            continue
        codes = [option.code for option in question.options.all()]
        if question.kind == Question.Kind.SINGLE_CHOICE and codes:
            # The first answers are the common ones; the last is rare, so it shows as "fewer than 5".
            weights = [6, 3, *([2] * (len(codes) - 3)), 0.3][: len(codes)] if len(codes) > 2 else [6, 3][: len(codes)]
            pick = chance.choices(codes, weights=weights)[0]
            given[question.code] = [pick]
            answers[question.pk] = AnswerValue(option_codes=[pick])
        elif question.kind == Question.Kind.MULTIPLE_CHOICE and codes:
            picks = [code for index, code in enumerate(codes) if chance.random() < (0.5 if index < 3 else 0.08)]
            given[question.code] = picks
            if picks:
                answers[question.pk] = AnswerValue(option_codes=picks)
        elif question.kind == Question.Kind.SCALE:
            middle = (question.scale_min + question.scale_max) // 2
            value = middle + lift + chance.choice([-1, 0, 0, 1])
            answers[question.pk] = AnswerValue(number=max(question.scale_min, min(question.scale_max, value)))
        elif question.kind == Question.Kind.MATRIX:
            answers[question.pk] = AnswerValue(
                matrix={code: chance.randint(question.scale_min, question.scale_max) for code in codes}
            )
        elif question.kind == Question.Kind.TEXT and chance.random() < 0.3:
            texts = TEXTS.get(language) or TEXTS["en"]
            answers[question.pk] = AnswerValue(text=chance.choice(texts))
    return answers
