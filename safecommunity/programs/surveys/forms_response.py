"""The form the public answers, built from a survey's questions in the visitor's language.

Conditional questions are decided here, on the server: a question whose condition is not met by the answer
given is ignored (its answer dropped, never required). Without JavaScript every question is shown, a conditional
one with the words "Answer this only if…"; with JavaScript (static/surveys/survey.js) it is hidden until its
condition is met.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django import forms
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import get_language_info, gettext_lazy
from django.utils.translation import gettext as _

from safecommunity.core.multilingual import text_and_language
from safecommunity.programs.surveys.models import Question, Response, Survey
from safecommunity.programs.surveys.results import scale_points
from safecommunity.programs.surveys.services import AnswerValue

NEEDED = gettext_lazy("Please answer this question.")


def in_language(texts: dict[str, str] | None, fallback: str = "") -> SafeString:
    """The text in the page's language (or the best other one), marked with its language and direction."""
    text, language = text_and_language(texts)
    try:
        direction = "rtl" if get_language_info(language)["bidi"] else "ltr"
    except KeyError:
        direction = "ltr"
    return format_html('<span lang="{}" dir="{}">{}</span>', language, direction, text or fallback)


def field_name(question: Question, row: str = "") -> str:
    return f"q_{question.code}__{row}" if row else f"q_{question.code}"


@dataclass
class QuestionBlock:
    question: Question
    text: SafeString
    fields: list[forms.BoundField] = field(default_factory=list)
    condition_field: str = ""
    condition_values: str = ""
    condition_hint: str = ""


class ResponseForm(forms.Form):
    def __init__(self, *args: Any, survey: Survey, questions: list[Question], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.survey, self.questions = survey, questions
        if not survey.anonymous:
            self.fields["name"] = forms.CharField(label=_("Your name"), required=False, max_length=200)
            self.fields["email"] = forms.EmailField(
                label=_("Your e-mail address"),
                error_messages={
                    "required": _("Please enter your e-mail address."),
                    "invalid": _("Please enter an e-mail address such as name@example.org."),
                },
            )
        if survey.is_pre_post:
            self.fields["phase"] = forms.ChoiceField(
                label=_("When are you answering?"),
                choices=[
                    (Response.Phase.PRE, _("Before the workshop")),
                    (Response.Phase.POST, _("After the workshop")),
                ],
                widget=forms.RadioSelect,
                error_messages={"required": _("Please say whether you are answering before or after.")},
            )
            self.fields["pairing_code"] = forms.CharField(
                label=_("Your code"),
                required=False,
                max_length=40,
                help_text=_(
                    "Before the workshop, leave this empty and we will give you a code, or make up one of your own. "
                    "After the workshop, enter the same code so that your answers can be compared."
                ),
            )
        for question in questions:
            for name, form_field in self._fields_for(question):
                form_field.needed = question.required  # type: ignore[attr-defined]
                self.fields[name] = form_field

    def _fields_for(self, question: Question) -> list[tuple[str, forms.Field]]:
        label = in_language(question.text, question.code)
        help_text = in_language(question.help) if question.help else ""
        options = list(question.options.all())
        if question.kind == Question.Kind.SINGLE_CHOICE:
            choices = [(option.code, in_language(option.label, option.code)) for option in options]
            return [
                (
                    field_name(question),
                    forms.ChoiceField(
                        label=label, help_text=help_text, choices=choices, required=False, widget=forms.RadioSelect
                    ),
                )
            ]
        if question.kind == Question.Kind.MULTIPLE_CHOICE:
            choices = [(option.code, in_language(option.label, option.code)) for option in options]
            return [
                (
                    field_name(question),
                    forms.MultipleChoiceField(
                        label=label,
                        help_text=help_text or _("Choose all that apply."),
                        choices=choices,
                        required=False,
                        widget=forms.CheckboxSelectMultiple,
                    ),
                )
            ]
        if question.kind == Question.Kind.SCALE:
            return [
                (
                    field_name(question),
                    forms.ChoiceField(
                        label=label,
                        help_text=help_text,
                        choices=scale_points(question),
                        required=False,
                        widget=forms.RadioSelect(attrs={"class": "scale"}),
                    ),
                )
            ]
        if question.kind == Question.Kind.MATRIX:
            return [
                (
                    field_name(question, option.code),
                    forms.ChoiceField(
                        label=in_language(option.label, option.code),
                        choices=scale_points(question),
                        required=False,
                        widget=forms.RadioSelect,
                    ),
                )
                for option in options
            ]
        return [
            (
                field_name(question),
                forms.CharField(
                    label=label,
                    help_text=help_text,
                    required=False,
                    max_length=4000,
                    widget=forms.Textarea(attrs={"rows": 4}),
                ),
            )
        ]

    def _condition_met(self, question: Question, data: dict[str, Any], shown: set[int]) -> bool:
        condition = question.condition_question
        if condition is None:
            return True
        if condition.pk not in shown:
            return False
        given = data.get(field_name(condition))
        chosen = set(given) if isinstance(given, list) else {given} if given else set()
        return bool(chosen & set(question.condition_options))

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        shown: set[int] = set()
        self.answers: dict[int, AnswerValue] = {}
        for question in self.questions:
            names = [name for name, _field in self._names(question)]
            if not self._condition_met(question, data, shown):
                for name in names:
                    data.pop(name, None)
                    self.errors.pop(name, None)
                continue
            shown.add(question.pk)
            value = self._value(question, data)
            self.answers[question.pk] = value
            if question.required:
                missing = [name for name in names if not data.get(name)]
                if question.kind == Question.Kind.MATRIX:
                    for name in missing:
                        self.add_error(name, NEEDED)
                elif missing:
                    self.add_error(names[0], NEEDED)
        return data

    def _names(self, question: Question) -> list[tuple[str, str]]:
        if question.kind == Question.Kind.MATRIX:
            return [(field_name(question, option.code), option.code) for option in question.options.all()]
        return [(field_name(question), "")]

    def _value(self, question: Question, data: dict[str, Any]) -> AnswerValue:
        if question.kind == Question.Kind.MATRIX:
            grid = {row: int(data[name]) for name, row in self._names(question) if data.get(name)}
            return AnswerValue(matrix=grid)
        given = data.get(field_name(question))
        if question.kind == Question.Kind.SINGLE_CHOICE:
            return AnswerValue(option_codes=[given] if given else [])
        if question.kind == Question.Kind.MULTIPLE_CHOICE:
            return AnswerValue(option_codes=list(given or []))
        if question.kind == Question.Kind.SCALE:
            return AnswerValue(number=int(given) if given else None)
        return AnswerValue(text=(given or "").strip())

    def blocks(self) -> list[QuestionBlock]:
        by_id = {question.pk: question for question in self.questions}
        blocks = []
        for question in self.questions:
            block = QuestionBlock(
                question=question,
                text=in_language(question.text, question.code),
                fields=[self[name] for name, _row in self._names(question)],
            )
            condition = by_id.get(question.condition_question_id or 0)
            if condition is not None:
                labels = {option.code: text_and_language(option.label)[0] for option in condition.options.all()}
                answers = [f"“{labels.get(code, code)}”" for code in question.condition_options]
                block.condition_field = field_name(condition)
                block.condition_values = " ".join(question.condition_options)
                block.condition_hint = _("Answer this only if your answer to “%(question)s” was: %(answers)s.") % {
                    "answers": ", ".join(answers),
                    "question": text_and_language(condition.text)[0],
                }
            blocks.append(block)
        return blocks
