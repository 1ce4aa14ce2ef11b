"""Reads about surveys, scoped to who asks: staff see their coalition's surveys; the public sees open ones."""

from __future__ import annotations

import uuid

from django.db.models import Count, QuerySet

from safecommunity.accounts.models import User
from safecommunity.accounts.selectors import coalition_ids_for
from safecommunity.programs.events.models import Event
from safecommunity.programs.surveys.models import Option, Question, Survey


def surveys_for_staff(*, user: User) -> QuerySet[Survey]:
    surveys = Survey.objects.select_related("coalition", "organisation", "event")
    coalition_ids = coalition_ids_for(user=user)
    if coalition_ids is not None:
        surveys = surveys.filter(coalition_id__in=coalition_ids)
    return surveys.annotate(
        response_count=Count("responses", distinct=True), question_count=Count("questions", distinct=True)
    )


def survey_for_staff(*, user: User, public_id: uuid.UUID) -> Survey | None:
    return surveys_for_staff(user=user).filter(public_id=public_id).first()


def survey_questions(*, survey: Survey) -> list[Question]:
    """The questions in order, each with its options (and the question its condition depends on)."""
    return list(survey.questions.select_related("condition_question").prefetch_related("options"))


def question_for_staff(*, survey: Survey, question_id: int) -> Question | None:
    return survey.questions.filter(pk=question_id).first()


def option_for_staff(*, question: Question, option_id: int) -> Option | None:
    return question.options.filter(pk=option_id).first()


def open_survey(*, slug: str) -> Survey | None:
    """A survey the public may answer (or read the closing notice of): open or closed, never a draft."""
    return (
        Survey.objects.select_related("coalition")
        .filter(slug=slug, status__in=[Survey.Status.OPEN, Survey.Status.CLOSED])
        .first()
    )


def events_for_survey_choice(*, coalition_id: int) -> QuerySet[Event]:
    """The coalition's events a survey may be about (most recent first)."""
    return Event.objects.filter(coalition_id=coalition_id).exclude(status=Event.Status.CANCELLED).order_by("-starts_at")


def may_read_free_text(*, user: User, survey: Survey) -> bool:
    """Free-text answers may identify people: only organisers of the survey's own coalition read them."""
    organisation = getattr(user, "organisation", None)
    return organisation is not None and organisation.coalition_id == survey.coalition_id


def free_text_answers(
    *, survey: Survey, questions: list[Question], language: str = "", phase: str = ""
) -> dict[int, list[str]]:
    """Question id → the free-text answers given (decrypted). Callers check ``may_read_free_text`` and audit."""
    from safecommunity.programs.surveys.models import Answer

    answers = Answer.objects.filter(response__survey=survey, question__in=questions).exclude(text="")
    if language:
        answers = answers.filter(response__language=language)
    if phase:
        answers = answers.filter(response__phase=phase)
    texts: dict[int, list[str]] = {question.pk: [] for question in questions}
    for answer in answers.order_by("response__created_at", "pk"):
        if answer.text.strip():
            texts[answer.question_id].append(answer.text)
    return texts
