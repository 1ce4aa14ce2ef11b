"""Organisers' pages: calls, their questions, rubric and reviewers, review progress, ranking and decisions."""

from __future__ import annotations

import uuid
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from safecommunity.accounts.models import Coalition, User
from safecommunity.accounts.requests import staff_user
from safecommunity.accounts.selectors import coalition_ids_for, coalition_of
from safecommunity.core.access import staff_view
from safecommunity.core.http import no_store, private_download
from safecommunity.core.multilingual import text_in
from safecommunity.core.roles import Capability
from safecommunity.programs.opencalls.forms import (
    AssignReviewerForm,
    CallForm,
    CriterionForm,
    DecisionForm,
    QuestionForm,
    ShortlistForm,
    StatusForm,
)
from safecommunity.programs.opencalls.models import Application, Call
from safecommunity.programs.opencalls.selectors import (
    application_for_organiser,
    attachment_for_staff,
    call_for_organiser,
    call_ranking,
    calls_for_organiser,
    may_review,
    review_progress,
    reviewer_choices,
)
from safecommunity.programs.opencalls.services import (
    ReviewRefused,
    answers_of,
    application_contact_open,
    application_decide,
    application_shortlist,
    attachment_open,
    reviewer_assign,
    reviewer_unassign,
)
from safecommunity.programs.opencalls.services_calls import (
    call_create,
    call_set_status,
    call_update,
    criterion_add,
    criterion_delete,
    question_add,
    question_delete,
)
from safecommunity.programs.opencalls.views import local_time

MANAGE = Capability.MANAGE_PROGRAMS


def _call_or_404(request: HttpRequest, call_id: int) -> Call:
    call = call_for_organiser(user=staff_user(request), call_id=call_id)
    if call is None:
        raise Http404
    return call


def _to_call(call: Call) -> HttpResponseRedirect:
    return HttpResponseRedirect(reverse("opencalls:staff_call", kwargs={"call_id": call.pk}))


@staff_view(MANAGE)
@require_http_methods(["GET"])
def staff_call_list(request: HttpRequest) -> HttpResponse:
    return render(request, "opencalls/staff/call_list.html", {"calls": calls_for_organiser(user=staff_user(request))})


def _coalitions_to_pick(user: User) -> Any:
    if coalition_of(user=user) is not None:
        return None
    ids = coalition_ids_for(user=user)
    return Coalition.objects.all() if ids is None else Coalition.objects.filter(pk__in=ids)


@staff_view(MANAGE)
@require_http_methods(["GET", "POST"])
def staff_call_new(request: HttpRequest) -> HttpResponse:
    user = staff_user(request)
    coalitions = _coalitions_to_pick(user)
    if request.method != "POST":
        initial = {"time_zone": (coalition_of(user=user) or Coalition(time_zone="America/Los_Angeles")).time_zone}
        form = CallForm(initial=initial, coalitions=coalitions)
        return render(request, "opencalls/staff/call_form.html", {"form": form})
    form = CallForm(request.POST, coalitions=coalitions)
    if not form.is_valid():
        return render(request, "opencalls/staff/call_form.html", {"form": form}, status=422)
    coalition = form.cleaned_data.get("coalition") or coalition_of(user=user)
    if coalition is None:
        raise PermissionDenied
    call = call_create(actor=user, coalition=coalition, values=form.values())
    messages.success(request, _("The call was created as a draft. Add its questions and rubric, then open it."))
    return _to_call(call)


@staff_view(MANAGE)
@require_http_methods(["GET", "POST"])
def staff_call_edit(request: HttpRequest, call_id: int) -> HttpResponse:
    call = _call_or_404(request, call_id)
    if request.method != "POST":
        return render(request, "opencalls/staff/call_form.html", {"form": CallForm(instance=call), "call": call})
    form = CallForm(request.POST, instance=call)
    if not form.is_valid():
        return render(request, "opencalls/staff/call_form.html", {"form": form, "call": call}, status=422)
    call_update(actor=staff_user(request), call=call, values=form.values())
    messages.success(request, _("The call was saved."))
    return _to_call(call)


def _detail(request: HttpRequest, call: Call, status: int = 200, **forms: Any) -> HttpResponse:
    context: dict[str, Any] = {
        "call": call,
        "deadline_local": local_time(call.deadline, call),
        "opens_local": local_time(call.opens_at, call),
        "questions": list(call.questions.all()),
        "rubric": list(call.rubric.all()),
        "progress": review_progress(call=call),
        "ranking": call_ranking(call=call),
        "status_form": StatusForm(initial={"status": call.status}),
        "question_form": QuestionForm(),
        "criterion_form": CriterionForm(),
        "reviewer_form": AssignReviewerForm(reviewers=reviewer_choices(call=call)),
    }
    context.update(forms)
    return render(request, "opencalls/staff/call_detail.html", context, status=status)


@staff_view(MANAGE)
@require_http_methods(["GET"])
def staff_call(request: HttpRequest, call_id: int) -> HttpResponse:
    return _detail(request, _call_or_404(request, call_id))


@staff_view(MANAGE)
@require_POST
def staff_call_status(request: HttpRequest, call_id: int) -> HttpResponse:
    call = _call_or_404(request, call_id)
    form = StatusForm(request.POST)
    if not form.is_valid():
        return _detail(request, call, 422, status_form=form)
    call_set_status(actor=staff_user(request), call=call, status=form.cleaned_data["status"])
    messages.success(request, _("The call's status was changed."))
    return _to_call(call)


@staff_view(MANAGE)
@require_POST
def staff_question_add(request: HttpRequest, call_id: int) -> HttpResponse:
    call = _call_or_404(request, call_id)
    form = QuestionForm(request.POST)
    if not form.is_valid():
        return _detail(request, call, 422, question_form=form)
    question_add(actor=staff_user(request), call=call, **form.cleaned_data)
    messages.success(request, _("The question was added to the application form."))
    return _to_call(call)


@staff_view(MANAGE)
@require_POST
def staff_question_delete(request: HttpRequest, call_id: int, question_id: int) -> HttpResponse:
    call = _call_or_404(request, call_id)
    question = call.questions.filter(pk=question_id).first()
    if question is None:
        raise Http404
    question_delete(actor=staff_user(request), question=question)
    messages.success(request, _("The question was removed from the application form."))
    return _to_call(call)


@staff_view(MANAGE)
@require_POST
def staff_criterion_add(request: HttpRequest, call_id: int) -> HttpResponse:
    call = _call_or_404(request, call_id)
    form = CriterionForm(request.POST)
    if not form.is_valid():
        return _detail(request, call, 422, criterion_form=form)
    criterion_add(actor=staff_user(request), call=call, **form.cleaned_data)
    messages.success(request, _("The criterion was added to the rubric."))
    return _to_call(call)


@staff_view(MANAGE)
@require_POST
def staff_criterion_delete(request: HttpRequest, call_id: int, criterion_id: int) -> HttpResponse:
    call = _call_or_404(request, call_id)
    criterion = call.rubric.filter(pk=criterion_id).first()
    if criterion is None:
        raise Http404
    if criterion_delete(actor=staff_user(request), criterion=criterion):
        messages.success(request, _("The criterion was removed from the rubric."))
    else:
        messages.error(request, _("Reviewers have already scored this criterion, so it stays in the rubric."))
    return _to_call(call)


@staff_view(MANAGE)
@require_POST
def staff_reviewer_add(request: HttpRequest, call_id: int) -> HttpResponse:
    call = _call_or_404(request, call_id)
    form = AssignReviewerForm(request.POST, reviewers=reviewer_choices(call=call))
    if not form.is_valid():
        return _detail(request, call, 422, reviewer_form=form)
    reviewer_assign(actor=staff_user(request), call=call, reviewer=form.cleaned_data["reviewer"])
    messages.success(request, _("The reviewer was assigned to this call."))
    return _to_call(call)


@staff_view(MANAGE)
@require_POST
def staff_reviewer_remove(request: HttpRequest, call_id: int, assignment_id: int) -> HttpResponse:
    call = _call_or_404(request, call_id)
    assignment = call.assignments.filter(pk=assignment_id).first()
    if assignment is None:
        raise Http404
    try:
        reviewer_unassign(actor=staff_user(request), assignment=assignment)
        messages.success(request, _("The reviewer was taken off this call."))
    except ReviewRefused:
        messages.error(request, _("This reviewer has already given scores, so they stay on the call."))
    return _to_call(call)


def _application_or_404(request: HttpRequest, public_id: uuid.UUID) -> Application:
    application = application_for_organiser(user=staff_user(request), public_id=public_id)
    if application is None:
        raise Http404
    return application


def _application_page(
    request: HttpRequest, application: Application, status: int = 200, decision_form: DecisionForm | None = None
) -> HttpResponse:
    answers = answers_of(application)
    decision = getattr(application, "decision", None)
    context = {
        "application": application,
        "call": application.call,
        "contact": application_contact_open(actor=staff_user(request), application=application),
        "answers": [(question, answers.get(str(question.pk), "")) for question in application.call.questions.all()],
        "attachments": list(application.attachments.all()),
        "scores": list(
            application.scores.select_related("reviewer", "criterion").order_by("reviewer__username", "criterion")
        ),
        "conflicts": list(application.declarations.filter(has_conflict=True).select_related("assignment__reviewer")),
        "decision": decision,
        "decision_form": decision_form
        or DecisionForm(initial={"outcome": decision.outcome, "message": decision.message} if decision else None),
        "submitted_local": local_time(application.submitted_at, application.call),
        "call_title": text_in(application.call.title),
    }
    return no_store(render(request, "opencalls/staff/application.html", context, status=status))


@staff_view(MANAGE)
@require_http_methods(["GET"])
def staff_application(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    return _application_page(request, _application_or_404(request, public_id))


@staff_view(MANAGE)
@require_POST
def staff_application_decide(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    application = _application_or_404(request, public_id)
    form = DecisionForm(request.POST)
    if not form.is_valid():
        return _application_page(request, application, 422, form)
    try:
        application_decide(
            actor=staff_user(request),
            application=application,
            outcome=form.cleaned_data["outcome"],
            message=form.cleaned_data["message"],
        )
    except ReviewRefused:
        form.add_error(None, _("This call is marked decided or the application was withdrawn: nothing was changed."))
        return _application_page(request, application, 409, form)
    messages.success(request, _("The decision was saved and the applicant will receive it by e-mail."))
    return HttpResponseRedirect(reverse("opencalls:staff_application", kwargs={"public_id": application.public_id}))


@staff_view(MANAGE)
@require_POST
def staff_application_shortlist(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    application = _application_or_404(request, public_id)
    form = ShortlistForm(request.POST)
    form.is_valid()
    application_shortlist(
        actor=staff_user(request), application=application, shortlisted=form.cleaned_data["shortlisted"]
    )
    return HttpResponseRedirect(reverse("opencalls:staff_application", kwargs={"public_id": application.public_id}))


@staff_view()
@require_http_methods(["GET"])
def staff_attachment(request: HttpRequest, attachment_id: int) -> HttpResponse:
    """A file of an application, decrypted for an organiser of the call or a reviewer without a conflict; always
    downloaded (never shown in the browser), never cached, every opening recorded."""
    user = staff_user(request)
    if not may_review(user):
        raise PermissionDenied
    attachment = attachment_for_staff(user=user, attachment_id=attachment_id)
    if attachment is None:
        raise Http404
    opened = attachment_open(actor=user, attachment=attachment)
    return private_download(content=opened.content, content_type=opened.content_type, filename=opened.filename)
