"""The survey builder for organisers: surveys, their questions and options, one plain form at a time."""

from __future__ import annotations

import uuid
from zoneinfo import ZoneInfo

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from safecommunity.accounts.models import Organisation
from safecommunity.accounts.requests import staff_user
from safecommunity.accounts.selectors import coalition_of
from safecommunity.core.access import staff_view
from safecommunity.core.multilingual import text_in
from safecommunity.core.roles import Capability
from safecommunity.programs.surveys.forms import (
    MoveForm,
    OptionForm,
    QuestionForm,
    StatusForm,
    SurveyForm,
    TemplateForm,
)
from safecommunity.programs.surveys.forms_response import ResponseForm
from safecommunity.programs.surveys.models import Option, Question, Survey
from safecommunity.programs.surveys.selectors import (
    events_for_survey_choice,
    option_for_staff,
    question_for_staff,
    survey_for_staff,
    survey_questions,
    surveys_for_staff,
)
from safecommunity.programs.surveys.services import (
    option_create,
    option_delete,
    option_update,
    question_create,
    question_delete,
    question_move,
    question_update,
    survey_create,
    survey_from_template,
    survey_set_status,
    survey_update,
)
from safecommunity.programs.surveys.survey_templates import SURVEY_TEMPLATES

MANAGE = staff_view(Capability.MANAGE_PROGRAMS)


def _survey(request: HttpRequest, public_id: uuid.UUID) -> Survey:
    survey = survey_for_staff(user=staff_user(request), public_id=public_id)
    if survey is None:
        raise Http404
    return survey


def _question(request: HttpRequest, public_id: uuid.UUID, question_id: int) -> tuple[Survey, Question]:
    survey = _survey(request, public_id)
    question = question_for_staff(survey=survey, question_id=question_id)
    if question is None:
        raise Http404
    return survey, question


def _detail(survey: Survey) -> HttpResponseRedirect:
    return HttpResponseRedirect(reverse("surveys:staff_detail", args=[survey.public_id]))


def _survey_form_choices(coalition_id: int) -> dict[str, list[tuple[str, str]]]:
    events = [
        (str(event.pk), f"{text_in(event.title)} · {event.starts_at.astimezone(ZoneInfo(event.time_zone)):%Y-%m-%d}")
        for event in events_for_survey_choice(coalition_id=coalition_id)[:200]
    ]
    organisations = [
        (str(organisation.pk), organisation.name)
        for organisation in Organisation.objects.filter(coalition_id=coalition_id, is_active=True)
    ]
    return {"events": events, "organisations": organisations}


@MANAGE
@require_http_methods(["GET"])
def survey_list(request: HttpRequest) -> HttpResponse:
    user = staff_user(request)
    context = {
        "surveys": surveys_for_staff(user=user),
        "templates": SURVEY_TEMPLATES.values(),
        "may_create": coalition_of(user=user) is not None,
    }
    return render(request, "surveys/staff/list.html", context)


@MANAGE
@require_http_methods(["GET", "POST"])
def survey_new(request: HttpRequest) -> HttpResponse:
    user = staff_user(request)
    coalition = coalition_of(user=user)
    if coalition is None:
        raise Http404
    choices = _survey_form_choices(coalition.pk)
    form = SurveyForm(request.POST or None, events=choices["events"], organisations=choices["organisations"])
    if request.method == "POST":
        if not form.is_valid():
            return render(request, "surveys/staff/survey_form.html", {"form": form}, status=422)
        survey = survey_create(coalition=coalition, actor=user, **form.values())
        messages.success(request, _("The survey was created as a draft. Add its questions now."))
        return _detail(survey)
    return render(request, "surveys/staff/survey_form.html", {"form": form})


@MANAGE
@require_POST
def survey_new_from_template(request: HttpRequest) -> HttpResponse:
    user = staff_user(request)
    coalition = coalition_of(user=user)
    form = TemplateForm(request.POST)
    if coalition is None:
        raise Http404
    if not form.is_valid():
        messages.error(request, _("Choose one of the templates to copy."))
        return redirect("surveys:staff_list")
    survey = survey_from_template(
        template=form.cleaned_data["template"], coalition=coalition, actor=user, organisation=user.organisation
    )
    messages.success(request, _("The survey was copied from the template as a draft. Adapt it before opening it."))
    return _detail(survey)


@MANAGE
@require_http_methods(["GET"])
def survey_detail(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    survey = _survey(request, public_id)
    context = {
        "survey": survey,
        "questions": survey_questions(survey=survey),
        "statuses": Survey.Status,
        "public_url": request.build_absolute_uri(reverse("surveys:take", args=[survey.slug])),
    }
    return render(request, "surveys/staff/detail.html", context)


@MANAGE
@require_http_methods(["GET", "POST"])
def survey_edit(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    survey = _survey(request, public_id)
    choices = _survey_form_choices(survey.coalition_id)
    form = SurveyForm(
        request.POST or None, survey=survey, events=choices["events"], organisations=choices["organisations"]
    )
    if request.method == "POST":
        if not form.is_valid():
            return render(request, "surveys/staff/survey_form.html", {"form": form, "survey": survey}, status=422)
        survey_update(survey=survey, actor=staff_user(request), **form.values())
        messages.success(request, _("The survey's settings were saved."))
        return _detail(survey)
    return render(request, "surveys/staff/survey_form.html", {"form": form, "survey": survey})


@MANAGE
@require_POST
def survey_status(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    survey = _survey(request, public_id)
    form = StatusForm(request.POST)
    if form.is_valid():
        status = form.cleaned_data["status"]
        if status == Survey.Status.OPEN and not survey.questions.exists():
            messages.error(request, _("Add at least one question before opening the survey."))
        else:
            survey_set_status(survey=survey, status=status, actor=staff_user(request))
            messages.success(request, _("The survey is now: %(status)s.") % {"status": survey.get_status_display()})
    return _detail(survey)


@MANAGE
@require_http_methods(["GET"])
def survey_preview(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    survey = _survey(request, public_id)
    form = ResponseForm(survey=survey, questions=survey_questions(survey=survey))
    context = {"survey": survey, "form": form, "blocks": form.blocks(), "preview": True}
    return render(request, "surveys/take.html", context)


# --- questions ------------------------------------------------------------------------------------------------


@MANAGE
@require_http_methods(["GET", "POST"])
def question_new(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    survey = _survey(request, public_id)
    form = QuestionForm(request.POST or None, survey=survey)
    context = {"survey": survey, "form": form}
    if request.method == "POST":
        if not form.is_valid():
            return render(request, "surveys/staff/question_form.html", context, status=422)
        question = question_create(survey=survey, actor=staff_user(request), **form.values())
        messages.success(request, _("The question was added."))
        if question.has_options:
            return HttpResponseRedirect(reverse("surveys:staff_question", args=[survey.public_id, question.pk]))
        return _detail(survey)
    return render(request, "surveys/staff/question_form.html", context)


def _question_page(
    request: HttpRequest,
    survey: Survey,
    question: Question,
    *,
    form: QuestionForm | None = None,
    option_form: OptionForm | None = None,
    status: int = 200,
) -> HttpResponse:
    context = {
        "survey": survey,
        "question": question,
        "form": form or QuestionForm(survey=survey, question=question),
        "options": list(question.options.all()),
        "option_form": option_form or OptionForm(question=question),
    }
    return render(request, "surveys/staff/question_form.html", context, status=status)


@MANAGE
@require_http_methods(["GET", "POST"])
def question_edit(request: HttpRequest, public_id: uuid.UUID, question_id: int) -> HttpResponse:
    survey, question = _question(request, public_id, question_id)
    if request.method != "POST":
        return _question_page(request, survey, question)
    form = QuestionForm(request.POST, survey=survey, question=question)
    if not form.is_valid():
        return _question_page(request, survey, question, form=form, status=422)
    question_update(question=question, actor=staff_user(request), **form.values())
    messages.success(request, _("The question was saved."))
    return _detail(survey)


@MANAGE
@require_POST
def question_move_view(request: HttpRequest, public_id: uuid.UUID, question_id: int) -> HttpResponse:
    survey, question = _question(request, public_id, question_id)
    form = MoveForm(request.POST)
    if form.is_valid():
        question_move(question=question, up=form.cleaned_data["direction"] == "up", actor=staff_user(request))
    return _detail(survey)


@MANAGE
@require_http_methods(["GET", "POST"])
def question_delete_view(request: HttpRequest, public_id: uuid.UUID, question_id: int) -> HttpResponse:
    survey, question = _question(request, public_id, question_id)
    if request.method == "POST":
        question_delete(question=question, actor=staff_user(request))
        messages.success(request, _("The question was deleted."))
        return _detail(survey)
    context = {"survey": survey, "question": question, "answers": question.answers.count()}
    return render(request, "surveys/staff/question_delete.html", context)


# --- options --------------------------------------------------------------------------------------------------


@MANAGE
@require_POST
def option_new(request: HttpRequest, public_id: uuid.UUID, question_id: int) -> HttpResponse:
    survey, question = _question(request, public_id, question_id)
    form = OptionForm(request.POST, question=question)
    if not form.is_valid():
        return _question_page(request, survey, question, option_form=form, status=422)
    option_create(
        question=question, actor=staff_user(request), code=form.cleaned_data["code"], label=form.cleaned_data["label"]
    )
    messages.success(request, _("The answer was added."))
    return HttpResponseRedirect(reverse("surveys:staff_question", args=[survey.public_id, question.pk]))


def _option(
    request: HttpRequest, public_id: uuid.UUID, question_id: int, option_id: int
) -> tuple[Survey, Question, Option]:
    survey, question = _question(request, public_id, question_id)
    option = option_for_staff(question=question, option_id=option_id)
    if option is None:
        raise Http404
    return survey, question, option


@MANAGE
@require_http_methods(["GET", "POST"])
def option_edit(request: HttpRequest, public_id: uuid.UUID, question_id: int, option_id: int) -> HttpResponse:
    survey, question, option = _option(request, public_id, question_id, option_id)
    if request.method == "POST":
        form = OptionForm(request.POST, question=question, option_id=option.pk)
        if form.is_valid():
            option_update(
                option=option,
                actor=staff_user(request),
                code=form.cleaned_data["code"],
                label=form.cleaned_data["label"],
            )
            messages.success(request, _("The answer was saved."))
            return HttpResponseRedirect(reverse("surveys:staff_question", args=[survey.public_id, question.pk]))
        status = 422
    else:
        form = OptionForm(question=question, option_id=option.pk, initial={"code": option.code, "label": option.label})
        status = 200
    context = {"survey": survey, "question": question, "option": option, "form": form}
    return render(request, "surveys/staff/option_form.html", context, status=status)


@MANAGE
@require_POST
def option_delete_view(request: HttpRequest, public_id: uuid.UUID, question_id: int, option_id: int) -> HttpResponse:
    survey, question, option = _option(request, public_id, question_id, option_id)
    option_delete(option=option, actor=staff_user(request))
    messages.success(request, _("The answer was deleted."))
    return HttpResponseRedirect(reverse("surveys:staff_question", args=[survey.public_id, question.pk]))
