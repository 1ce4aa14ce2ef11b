"""A survey's results for organisers: protected counts and charts, before-and-after change, CSV export."""

from __future__ import annotations

import uuid

from django import forms
from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods

from safecommunity.accounts.models import User
from safecommunity.core.access import staff_view
from safecommunity.core.audit import audit_record
from safecommunity.core.http import private_download
from safecommunity.core.roles import Capability
from safecommunity.programs.surveys.models import Question, Response, Survey
from safecommunity.programs.surveys.results import results_csv, survey_results
from safecommunity.programs.surveys.selectors import (
    free_text_answers,
    may_read_free_text,
    survey_for_staff,
    survey_questions,
)


class ResultsFilterForm(forms.Form):
    language = forms.ChoiceField(label=_("Language of the answers"), required=False)
    phase = forms.ChoiceField(
        label=_("Before or after"),
        required=False,
        choices=[("", _("Both")), (Response.Phase.PRE, _("Before")), (Response.Phase.POST, _("After"))],
    )

    def __init__(self, *args: object, survey: Survey, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["language"].choices = [("", _("Every language"))] + [  # type: ignore[attr-defined]
            (code, get_language_info(code)["name_local"]) for code, _name in settings.LANGUAGES
        ]
        if not survey.is_pre_post:
            del self.fields["phase"]

    def selection(self) -> dict[str, str]:
        if not self.is_valid():
            return {"language": "", "phase": ""}
        return {"language": self.cleaned_data.get("language", ""), "phase": self.cleaned_data.get("phase", "")}


def _survey(request: HttpRequest, public_id: uuid.UUID) -> tuple[User, Survey]:
    user = request.user
    assert isinstance(user, User)
    survey = survey_for_staff(user=user, public_id=public_id)
    if survey is None:
        raise Http404
    return user, survey


@staff_view(Capability.MANAGE_PROGRAMS)
@require_http_methods(["GET"])
def survey_results_view(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    user, survey = _survey(request, public_id)
    form = ResultsFilterForm(request.GET or None, survey=survey)
    selection = form.selection()
    questions = survey_questions(survey=survey)
    results = survey_results(survey=survey, questions=questions, **selection)
    texts: dict[int, list[str]] = {}
    text_questions = [question for question in questions if question.kind == Question.Kind.TEXT]
    if text_questions and may_read_free_text(user=user, survey=survey):
        texts = free_text_answers(survey=survey, questions=text_questions, **selection)
        if any(texts.values()):
            audit_record(actor=user, action="survey.free_text_view", target=survey, details=selection)
    context = {"survey": survey, "form": form, "results": results, "texts": texts, "query": request.GET.urlencode()}
    return render(request, "surveys/staff/results.html", context)


@staff_view(Capability.MANAGE_PROGRAMS)
@require_http_methods(["GET"])
def survey_results_csv(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    user, survey = _survey(request, public_id)
    selection = ResultsFilterForm(request.GET or None, survey=survey).selection()
    results = survey_results(survey=survey, questions=survey_questions(survey=survey), **selection)
    audit_record(actor=user, action="survey.results_export", target=survey, details=selection)
    return private_download(
        content=results_csv(results).encode("utf-8-sig"),
        content_type="text/csv; charset=utf-8",
        filename=f"survey-{survey.slug}-results.csv",
    )
