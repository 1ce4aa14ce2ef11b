"""The survey builder's forms: a survey's settings, one question, one option. Each works without JavaScript."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.validators import validate_slug
from django.utils.translation import gettext_lazy as _

from safecommunity.core.multilingual import MultilingualField, text_in
from safecommunity.programs.surveys.models import Question, Survey
from safecommunity.programs.surveys.survey_templates import SURVEY_TEMPLATES


class SurveyForm(forms.Form):
    title = MultilingualField(label=_("Title"), max_length=200)
    intro = MultilingualField(label=_("Introduction shown above the questions"), multiline=True, required=False)
    thanks = MultilingualField(label=_("Thank-you message shown after answering"), multiline=True, required=False)
    slug = forms.SlugField(
        label=_("Web address"),
        max_length=80,
        required=False,
        help_text=_("The end of the survey's public address. Leave empty to make one from the title."),
    )
    kind = forms.ChoiceField(label=_("Kind of survey"), choices=Survey.Kind.choices, widget=forms.RadioSelect)
    anonymous = forms.BooleanField(label=_("Anonymous: never ask for a name or an e-mail address"), required=False)
    one_response_per_person = forms.BooleanField(
        label=_("Accept only one response per person (per phase for a before-and-after survey)"), required=False
    )
    event = forms.ChoiceField(label=_("The event this survey is about"), required=False)
    organisation = forms.ChoiceField(label=_("The partner organisation running it"), required=False)

    def __init__(
        self,
        *args: Any,
        events: list[tuple[str, str]] | None = None,
        organisations: list[tuple[str, str]] | None = None,
        survey: Survey | None = None,
        **kwargs: Any,
    ) -> None:
        self.survey = survey
        if survey is not None and "initial" not in kwargs:
            kwargs["initial"] = {
                "title": survey.title,
                "intro": survey.intro,
                "thanks": survey.thanks,
                "slug": survey.slug,
                "kind": survey.kind,
                "anonymous": survey.anonymous,
                "one_response_per_person": survey.one_response_per_person,
                "event": str(survey.event_id or ""),
                "organisation": str(survey.organisation_id or ""),
            }
        kwargs.setdefault("initial", {"kind": Survey.Kind.GENERAL, "anonymous": True})
        super().__init__(*args, **kwargs)
        none = [("", _("None"))]
        self.fields["event"].choices = none + (events or [])  # type: ignore[attr-defined]
        self.fields["organisation"].choices = none + (organisations or [])  # type: ignore[attr-defined]

    def clean_slug(self) -> str:
        slug: str = self.cleaned_data.get("slug") or ""
        taken = Survey.objects.filter(slug=slug)
        if self.survey is not None:
            taken = taken.exclude(pk=self.survey.pk)
        if slug and taken.exists():
            raise forms.ValidationError(_("Another survey already has this web address. Please choose another."))
        return slug

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("kind") == Survey.Kind.EVENT_FEEDBACK and not data.get("event"):
            self.add_error("event", _("Choose the event this feedback survey is about."))
        return data

    def values(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "title": data["title"],
            "intro": data["intro"],
            "thanks": data["thanks"],
            "slug": data["slug"] or (self.survey.slug if self.survey else ""),
            "kind": data["kind"],
            "anonymous": data["anonymous"],
            "one_response_per_person": data["one_response_per_person"],
            "event_id": int(data["event"]) if data["event"] else None,
            "organisation_id": int(data["organisation"]) if data["organisation"] else None,
        }


class TemplateForm(forms.Form):
    template = forms.ChoiceField(choices=[(code, spec.name) for code, spec in SURVEY_TEMPLATES.items()])


class StatusForm(forms.Form):
    status = forms.ChoiceField(choices=Survey.Status.choices)


class MoveForm(forms.Form):
    direction = forms.ChoiceField(choices=[("up", "up"), ("down", "down")])


class QuestionForm(forms.Form):
    text = MultilingualField(label=_("Question"), max_length=500)
    help = MultilingualField(label=_("Help shown under the question"), required=False, max_length=500)
    code = forms.SlugField(
        label=_("Short code"),
        max_length=40,
        help_text=_("Letters, digits, hyphens and underscores; used in exports and conditions."),
    )
    kind = forms.ChoiceField(label=_("Kind of question"), choices=Question.Kind.choices, widget=forms.RadioSelect)
    required = forms.BooleanField(label=_("An answer is needed"), required=False)
    scale_min = forms.IntegerField(label=_("Lowest point of the scale"), min_value=0, max_value=10, initial=1)
    scale_max = forms.IntegerField(label=_("Highest point of the scale"), min_value=1, max_value=11, initial=5)
    scale_min_label = MultilingualField(label=_("Words for the lowest point"), required=False, max_length=80)
    scale_max_label = MultilingualField(label=_("Words for the highest point"), required=False, max_length=80)
    condition_question = forms.ChoiceField(label=_("Show this question only after an answer to"), required=False)
    condition_options = forms.MultipleChoiceField(
        label=_("Show it when the answer is one of"), required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args: Any, survey: Survey, question: Question | None = None, **kwargs: Any) -> None:
        self.survey, self.question = survey, question
        if question is not None and "initial" not in kwargs:
            kwargs["initial"] = {
                "text": question.text,
                "help": question.help,
                "code": question.code,
                "kind": question.kind,
                "required": question.required,
                "scale_min": question.scale_min,
                "scale_max": question.scale_max,
                "scale_min_label": question.scale_min_label,
                "scale_max_label": question.scale_max_label,
                "condition_question": str(question.condition_question_id or ""),
                "condition_options": [
                    f"{question.condition_question_id}:{code}" for code in question.condition_options
                ],
            }
        kwargs.setdefault("initial", {"kind": Question.Kind.SINGLE_CHOICE, "scale_min": 1, "scale_max": 5})
        super().__init__(*args, **kwargs)
        earlier = [
            item
            for item in survey.questions.prefetch_related("options")
            if item.is_choice and (question is None or item.order < question.order)
        ]
        self.earlier = {str(item.pk): item for item in earlier}
        self.fields["condition_question"].choices = [("", _("Always show it"))] + [  # type: ignore[attr-defined]
            (str(item.pk), text_in(item.text) or item.code) for item in earlier
        ]
        self.fields["condition_options"].choices = [  # type: ignore[attr-defined]
            (
                f"{item.pk}:{option.code}",
                _("%(question)s: %(answer)s") % {"question": item.code, "answer": text_in(option.label)},
            )
            for item in earlier
            for option in item.options.all()
        ]

    def clean_code(self) -> str:
        code: str = self.cleaned_data["code"]
        validate_slug(code)
        taken = self.survey.questions.filter(code=code)
        if self.question is not None:
            taken = taken.exclude(pk=self.question.pk)
        if taken.exists():
            raise forms.ValidationError(_("Another question of this survey already has this code."))
        return code

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        low, high = data.get("scale_min"), data.get("scale_max")
        if low is not None and high is not None and low >= high:
            self.add_error("scale_max", _("The highest point must be above the lowest point."))
        chosen = data.get("condition_question") or ""
        picked = data.get("condition_options") or []
        if chosen and not picked:
            self.add_error("condition_options", _("Choose the answers that show this question."))
        if picked and not chosen:
            self.add_error("condition_question", _("Choose the question these answers belong to."))
        if chosen and any(not item.startswith(f"{chosen}:") for item in picked):
            self.add_error("condition_options", _("Choose only answers of the question chosen above."))
        return data

    def values(self) -> dict[str, Any]:
        data = self.cleaned_data
        condition = self.earlier.get(data.get("condition_question") or "")
        return {
            "text": data["text"],
            "help": data["help"],
            "code": data["code"],
            "kind": data["kind"],
            "required": data["required"],
            "scale_min": data["scale_min"],
            "scale_max": data["scale_max"],
            "scale_min_label": data["scale_min_label"],
            "scale_max_label": data["scale_max_label"],
            "condition_question": condition,
            "condition_options": [item.split(":", 1)[1] for item in data["condition_options"]] if condition else [],
        }


class OptionForm(forms.Form):
    label = MultilingualField(label=_("Answer (or statement, in a grid)"), max_length=200)
    code = forms.SlugField(label=_("Short code"), max_length=40, help_text=_("Used in exports and conditions."))

    def __init__(self, *args: Any, question: Question, option_id: int | None = None, **kwargs: Any) -> None:
        self.question, self.option_id = question, option_id
        super().__init__(*args, **kwargs)

    def clean_code(self) -> str:
        code: str = self.cleaned_data["code"]
        taken = self.question.options.filter(code=code)
        if self.option_id is not None:
            taken = taken.exclude(pk=self.option_id)
        if taken.exists():
            raise forms.ValidationError(_("Another answer of this question already has this code."))
        return code
