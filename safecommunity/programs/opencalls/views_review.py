"""Reviewers' pages: my calls, the applications of one call, and one application (declare first, then score)."""

from __future__ import annotations

import uuid
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from safecommunity.accounts.models import User
from safecommunity.core.access import staff_view
from safecommunity.programs.opencalls.forms import DeclarationForm, ScoreForm
from safecommunity.programs.opencalls.models import Application, Call
from safecommunity.programs.opencalls.selectors import (
    application_for_reviewer,
    applications_to_review,
    call_for_reviewer,
    calls_for_reviewer,
    declaration_of,
    may_review,
    my_scores,
    rubric_of,
)
from safecommunity.programs.opencalls.services import (
    ReviewRefused,
    ScoreEntry,
    answers_of,
    conflict_declare,
    scores_save,
)
from safecommunity.programs.opencalls.views import local_time


def _reviewer(request: HttpRequest) -> User:
    user = request.user
    assert isinstance(user, User)
    if not may_review(user):
        raise PermissionDenied
    return user


@staff_view()
@require_http_methods(["GET"])
def review_calls(request: HttpRequest) -> HttpResponse:
    user = _reviewer(request)
    calls = [(call, local_time(call.deadline, call)) for call in calls_for_reviewer(user=user)]
    return render(request, "opencalls/review/calls.html", {"calls": calls})


@staff_view()
@require_http_methods(["GET"])
def review_call(request: HttpRequest, call_id: int) -> HttpResponse:
    user = _reviewer(request)
    call = call_for_reviewer(user=user, call_id=call_id)
    if call is None:
        raise Http404
    context = {"call": call, "rows": applications_to_review(user=user, call=call), "criteria": call.rubric.count()}
    return render(request, "opencalls/review/call.html", context)


def _page(
    request: HttpRequest,
    user: User,
    application: Application,
    status: int = 200,
    declaration_form: DeclarationForm | None = None,
    score_form: ScoreForm | None = None,
) -> HttpResponse:
    declaration = declaration_of(user=user, application=application)
    call = application.call
    context: dict[str, Any] = {
        "application": application,
        "call": call,
        "declaration": declaration,
        "decided": call.status == Call.Status.DECIDED,
    }
    if declaration is None:
        context["declaration_form"] = declaration_form or DeclarationForm()
    elif not declaration.has_conflict:
        # The content is shown only after a declaration of no conflict.
        answers = answers_of(application)
        context |= {
            "answers": [(question, answers.get(str(question.pk), "")) for question in call.questions.all()],
            "attachments": list(application.attachments.all()),
            "submitted_local": local_time(application.submitted_at, call),
            "score_form": score_form
            or ScoreForm(criteria=rubric_of(call=call), scores=my_scores(user=user, application=application)),
        }
    return render(request, "opencalls/review/application.html", context, status=status)


@staff_view()
@require_http_methods(["GET", "POST"])
def review_application(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    user = _reviewer(request)
    application = application_for_reviewer(user=user, public_id=public_id)
    if application is None:
        raise Http404
    if request.method != "POST":
        return _page(request, user, application)
    here = HttpResponseRedirect(reverse("opencalls:review_application", kwargs={"public_id": application.public_id}))
    if request.POST.get("action") == "declare":
        form = DeclarationForm(request.POST)
        if not form.is_valid():
            return _page(request, user, application, 422, declaration_form=form)
        try:
            conflict_declare(reviewer=user, application=application, has_conflict=form.has_conflict)
        except ReviewRefused:
            messages.error(request, _("This call has been decided: declarations can no longer be made."))
            return here
        if form.has_conflict:
            messages.success(request, _("Thank you. You will not see or score this application."))
        else:
            messages.success(request, _("Thank you. You may now read and score this application."))
        return here
    declaration = declaration_of(user=user, application=application)
    if declaration is None or declaration.has_conflict:
        return _page(request, user, application, 409)
    score_form = ScoreForm(
        request.POST, criteria=rubric_of(call=application.call), scores=my_scores(user=user, application=application)
    )
    if not score_form.is_valid():
        return _page(request, user, application, 422, score_form=score_form)
    try:
        scores_save(
            reviewer=user,
            application=application,
            entries=[ScoreEntry(criterion, score, comment) for criterion, score, comment in score_form.entries()],
        )
    except ReviewRefused:
        score_form.add_error(None, _("This call has been decided: scores can no longer be changed."))
        return _page(request, user, application, 409, score_form=score_form)
    messages.success(request, _("Your scores were saved. You may change them until the call is decided."))
    return here
