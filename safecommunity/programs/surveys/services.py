"""Writes about surveys: building them (from scratch or from a template), opening and closing, answering."""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.text import slugify

from safecommunity.accounts.models import Coalition, Organisation, User
from safecommunity.core.audit import audit_record
from safecommunity.core.encryption import lookup_hash
from safecommunity.core.multilingual import text_in
from safecommunity.programs.surveys.models import Answer, Option, Question, Response, Survey
from safecommunity.programs.surveys.survey_templates import SURVEY_TEMPLATES

SURVEY_FIELDS = (
    "slug",
    "kind",
    "title",
    "intro",
    "thanks",
    "anonymous",
    "one_response_per_person",
    "event_id",
    "organisation_id",
)
QUESTION_FIELDS = (
    "code",
    "kind",
    "text",
    "help",
    "required",
    "scale_min",
    "scale_max",
    "scale_min_label",
    "scale_max_label",
    "condition_question",
    "condition_options",
)


class AlreadyAnswered(Exception):
    """This person (e-mail, account, invitation or browser) has already answered the survey."""


def unique_slug(base: str) -> str:
    stem = slugify(base)[:60] or "survey"
    slug, number = stem, 2
    while Survey.objects.filter(slug=slug).exists():
        slug, number = f"{stem}-{number}", number + 1
    return slug


@transaction.atomic
def survey_create(*, coalition: Coalition, actor: User, **fields: Any) -> Survey:
    values = {name: fields[name] for name in SURVEY_FIELDS if name in fields}
    values["slug"] = values.get("slug") or unique_slug(text_in(values.get("title")) or "survey")
    survey = Survey.objects.create(coalition=coalition, created_by=actor, **values)
    audit_record(actor=actor, action="survey.create", target=survey, details={"kind": survey.kind})
    return survey


@transaction.atomic
def survey_update(*, survey: Survey, actor: User, **fields: Any) -> Survey:
    for name in SURVEY_FIELDS:
        if name in fields:
            setattr(survey, name, fields[name])
    survey.save()
    audit_record(actor=actor, action="survey.update", target=survey)
    return survey


@transaction.atomic
def survey_set_status(*, survey: Survey, status: str, actor: User) -> Survey:
    survey.status = status
    now = timezone.now()
    if status == Survey.Status.OPEN:
        survey.opened_at, survey.closed_at = survey.opened_at or now, None
    elif status == Survey.Status.CLOSED:
        survey.closed_at = now
    survey.save(update_fields=["status", "opened_at", "closed_at", "updated_at"])
    audit_record(actor=actor, action=f"survey.{status}", target=survey)
    return survey


@transaction.atomic
def survey_from_template(
    *,
    template: str,
    coalition: Coalition,
    actor: User | None,
    organisation: Organisation | None = None,
    slug: str = "",
    event: Any = None,
) -> Survey:
    """An editable draft copy of one of the shipped surveys (see survey_templates)."""
    spec = SURVEY_TEMPLATES[template]
    survey = Survey.objects.create(
        coalition=coalition,
        organisation=organisation,
        slug=slug or unique_slug(f"{coalition.slug}-{spec.title['en']}"),
        kind=spec.kind,
        title=dict(spec.title),
        intro=dict(spec.intro),
        thanks=dict(spec.thanks),
        anonymous=spec.anonymous,
        one_response_per_person=spec.one_response_per_person,
        event=event,
        template=spec.code,
        created_by=actor,
    )
    by_code: dict[str, Question] = {}
    for order, item in enumerate(spec.questions, start=1):
        condition_question = by_code[item.condition[0]] if item.condition else None
        question = Question.objects.create(
            survey=survey,
            code=item.code,
            order=order * 10,
            kind=item.kind,
            text=dict(item.text),
            help=dict(item.help),
            required=item.required,
            scale_min=item.scale[0] if item.scale else 1,
            scale_max=item.scale[1] if item.scale else 5,
            scale_min_label=dict(item.scale[2]) if item.scale else {},
            scale_max_label=dict(item.scale[3]) if item.scale else {},
            condition_question=condition_question,
            condition_options=list(item.condition[1]) if item.condition else [],
        )
        Option.objects.bulk_create(
            Option(question=question, code=code, order=index * 10, label=dict(label))
            for index, (code, label) in enumerate(item.options, start=1)
        )
        by_code[item.code] = question
    if actor is not None:
        audit_record(actor=actor, action="survey.create", target=survey, details={"template": spec.code})
    return survey


# --- questions and options -----------------------------------------------------------------------------------


@transaction.atomic
def question_create(*, survey: Survey, actor: User, **fields: Any) -> Question:
    values = {name: fields[name] for name in QUESTION_FIELDS if name in fields}
    last = survey.questions.aggregate(last=Max("order"))["last"] or 0
    question = Question.objects.create(survey=survey, order=last + 10, **values)
    audit_record(actor=actor, action="survey.question_create", target=question)
    return question


@transaction.atomic
def question_update(*, question: Question, actor: User, **fields: Any) -> Question:
    for name in QUESTION_FIELDS:
        if name in fields:
            setattr(question, name, fields[name])
    question.save()
    audit_record(actor=actor, action="survey.question_update", target=question)
    return question


@transaction.atomic
def question_move(*, question: Question, up: bool, actor: User) -> None:
    """Swap the question with the one before (``up``) or after it."""
    questions = list(question.survey.questions.select_for_update().order_by("order", "id"))
    index = next(i for i, item in enumerate(questions) if item.pk == question.pk)
    other = index - 1 if up else index + 1
    if not 0 <= other < len(questions):
        return
    questions[index], questions[other] = questions[other], questions[index]
    for position, item in enumerate(questions, start=1):
        if item.order != position * 10:
            Question.objects.filter(pk=item.pk).update(order=position * 10)
    audit_record(actor=actor, action="survey.question_move", target=question)


@transaction.atomic
def question_delete(*, question: Question, actor: User) -> None:
    audit_record(actor=actor, action="survey.question_delete", target=question)
    question.dependent_questions.update(condition_question=None, condition_options=[])
    question.delete()


@transaction.atomic
def option_create(*, question: Question, actor: User, code: str, label: dict[str, str]) -> Option:
    last = question.options.aggregate(last=Max("order"))["last"] or 0
    option = Option.objects.create(question=question, code=code, label=label, order=last + 10)
    audit_record(actor=actor, action="survey.option_create", target=option)
    return option


@transaction.atomic
def option_update(*, option: Option, actor: User, code: str, label: dict[str, str]) -> Option:
    old_code = option.code
    option.code, option.label = code, label
    option.save()
    if old_code != code:
        for dependent in option.question.dependent_questions.all():
            dependent.condition_options = [code if item == old_code else item for item in dependent.condition_options]
            dependent.save(update_fields=["condition_options"])
    audit_record(actor=actor, action="survey.option_update", target=option)
    return option


@transaction.atomic
def option_delete(*, option: Option, actor: User) -> None:
    audit_record(actor=actor, action="survey.option_delete", target=option)
    option.delete()


# --- answering -----------------------------------------------------------------------------------------------


@dataclass
class AnswerValue:
    option_codes: list[str] = field(default_factory=list)
    number: int | None = None
    text: str = ""
    matrix: dict[str, int] = field(default_factory=dict)

    @property
    def is_empty(self) -> bool:
        return not (self.option_codes or self.number is not None or self.text or self.matrix)


def new_pairing_code() -> str:
    """A code someone can write down: eight letters and digits that cannot be mistaken for one another."""
    alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
    code = "".join(secrets.choice(alphabet) for _ in range(8))
    return f"{code[:4]}-{code[4:]}"


def pairing_hash(code: str) -> str:
    normalised = "".join(character for character in code.upper() if character.isalnum())
    return lookup_hash(f"survey-pairing:{normalised}") if normalised else ""


def respondent_hash(*, survey: Survey, key: str) -> str:
    """A keyed hash of who answered (``email:…``, ``user:…``, ``registration:…`` or ``browser:…``), per survey."""
    return lookup_hash(f"survey-respondent:{survey.public_id}:{key}") if key else ""


def has_answered(*, survey: Survey, key: str, phase: str = "") -> bool:
    if not key:
        return False
    return Response.objects.filter(
        survey=survey, phase=phase, respondent_hash=respondent_hash(survey=survey, key=key)
    ).exists()


def response_submit(
    *,
    survey: Survey,
    answers: dict[int, AnswerValue],
    language: str,
    phase: str = "",
    pairing_code: str = "",
    respondent_key: str = "",
    name: str = "",
    email: str = "",
) -> Response:
    """Store one person's answers (question id → value); empty answers are not stored."""
    hashed = respondent_hash(survey=survey, key=respondent_key) if survey.one_response_per_person else ""
    try:
        with transaction.atomic():
            response = Response.objects.create(
                survey=survey,
                language=language,
                phase=phase,
                pairing_hash=pairing_hash(pairing_code) if survey.is_pre_post else "",
                respondent_hash=hashed,
                name="" if survey.anonymous else name,
                email="" if survey.anonymous else email,
            )
            Answer.objects.bulk_create(
                Answer(
                    response=response,
                    question_id=question_id,
                    option_codes=value.option_codes,
                    number=value.number,
                    text=value.text,
                    matrix=value.matrix,
                )
                for question_id, value in answers.items()
                if not value.is_empty
            )
            if not survey.anonymous:
                audit_record(actor=AnonymousUser(), action="survey.response_identified", target=response)
    except IntegrityError as error:
        raise AlreadyAnswered from error
    return response
