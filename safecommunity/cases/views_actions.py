"""The forms posted from the case page: each action parses its form, calls one service and goes back to the page.

Bad input, or an action the case does not allow (e.g. a transfer without the
survivor's consent to share), comes back as the case page with that form
filled in as it was sent and the reason next to it (status 422).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django import forms
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from safecommunity.core.access import staff_view
from safecommunity.core.roles import Capability

from . import services
from .forms import (
    AssessmentForm,
    AssignForm,
    CloseForm,
    ConsentForm,
    ContactForm,
    FollowUpForm,
    NoteForm,
    ReferralForm,
    SafetyPlanForm,
    StatusForm,
    TaskForm,
    TransferForm,
)
from .models import Case
from .selectors import case_for_user, referral_suggestions
from .services_referrals import referral_create, referral_withdraw
from .views import case_or_404, detail_context


class ItemForm(forms.Form):
    """Which task or referral an action is about."""

    item = forms.IntegerField(min_value=1, widget=forms.HiddenInput)


@dataclass(frozen=True)
class Action:
    form: Callable[..., forms.Form]
    run: Callable[[HttpRequest, Case, dict[str, Any]], object]
    done: Any  # the sentence shown after it worked
    anchor: str
    prefix: str | None = None


def _referral(request: HttpRequest, case: Case, data: dict[str, Any]) -> object:
    service = data["service"]
    reasons = next((match.reasons for match in referral_suggestions(case=case) if match.service.pk == service.pk), [])
    return referral_create(
        actor=request.user, case=case, service=service, shared_fields=data["shared_fields"], match_reasons=reasons
    )


ACTIONS: dict[str, Action] = {
    "status": Action(
        StatusForm,
        lambda r, c, d: services.case_set_status(actor=r.user, case=c, status=d["status"]),
        gettext_lazy("The status is saved."),
        "status",
    ),
    "close": Action(
        CloseForm,
        lambda r, c, d: services.case_close(actor=r.user, case=c, outcome=d["outcome"]),
        gettext_lazy("The case is closed."),
        "status",
    ),
    "assign": Action(
        AssignForm,
        lambda r, c, d: services.case_assign(actor=r.user, case=c, caseworker=d["caseworker"]),
        gettext_lazy("The case is assigned."),
        "status",
    ),
    "transfer": Action(
        TransferForm,
        lambda r, c, d: services.case_transfer(actor=r.user, case=c, to_organisation=d["to_organisation"]),
        gettext_lazy("The case is transferred."),
        "transfer",
    ),
    "consent": Action(
        ConsentForm,
        lambda r, c, d: services.consent_record(
            actor=r.user, case=c, kind=d["kind"], given=d["given"] == "yes", how=d["how"]
        ),
        gettext_lazy("The consent is recorded."),
        "consent",
    ),
    "assessment": Action(
        AssessmentForm,
        lambda r, c, d: services.assessment_record(
            actor=r.user, case=c, levels={k: v for k, v in d.items() if k != "notes"}, notes=d["notes"]
        ),
        gettext_lazy("The needs assessment is saved."),
        "assessment",
    ),
    "plan": Action(
        SafetyPlanForm,
        lambda r, c, d: services.safety_plan_update(actor=r.user, case=c, text=d["text"]),
        gettext_lazy("The safety plan is saved."),
        "safety-plan",
    ),
    "note": Action(
        NoteForm,
        lambda r, c, d: services.note_add(actor=r.user, case=c, text=d["text"]),
        gettext_lazy("The note is saved."),
        "notes",
    ),
    "task": Action(
        TaskForm,
        lambda r, c, d: services.task_add(
            actor=r.user, case=c, title=d["title"], due_on=d["due_on"], assigned_to=d["assigned_to"]
        ),
        gettext_lazy("The task is added."),
        "tasks",
    ),
    "task_done": Action(
        ItemForm,
        lambda r, c, d: services.task_complete(actor=r.user, case=c, task_id=d["item"]),
        gettext_lazy("The task is marked as done."),
        "tasks",
        prefix="task_done",
    ),
    "contact": Action(
        ContactForm,
        lambda r, c, d: services.contact_log_add(
            actor=r.user,
            case=c,
            method=d["method"],
            result=d["result"],
            contacted_at=d["contacted_at"],
            interpreter_language=d["interpreter_language"],
            note=d["note"],
        ),
        gettext_lazy("The contact is logged."),
        "contacts",
    ),
    "follow_up": Action(
        FollowUpForm,
        lambda r, c, d: services.follow_up_set(actor=r.user, case=c, on=d["on"]),
        gettext_lazy("The next follow-up is saved."),
        "contacts",
    ),
    "referral": Action(ReferralForm, _referral, gettext_lazy("The referral is sent."), "referrals"),
    "referral_withdraw": Action(
        ItemForm,
        lambda r, c, d: referral_withdraw(actor=r.user, case=c, referral_id=d["item"]),
        gettext_lazy("The referral is withdrawn."),
        "referrals",
        prefix="referral_withdraw",
    ),
}

# Forms that need the case to know their choices.
_NEEDS_CASE = {"assign", "transfer", "task"}


def _bind(name: str, request: HttpRequest, case: Case) -> forms.Form:
    action = ACTIONS[name]
    kwargs: dict[str, Any] = {}
    if name in _NEEDS_CASE:
        kwargs["case"] = case
    if action.prefix:
        kwargs["prefix"] = action.prefix
    return action.form(request.POST, **kwargs)


@staff_view(Capability.WORK_CASES)
@require_POST
def case_action(request: HttpRequest, public_id: uuid.UUID, action: str) -> HttpResponse:
    if action not in ACTIONS:
        raise Http404
    case = case_or_404(request, public_id)
    form = _bind(action, request, case)
    if form.is_valid():
        try:
            ACTIONS[action].run(request, case, form.cleaned_data)
        except services.CaseActionRefused as refused:
            form.add_error(refused.field if refused.field in form.fields else None, refused.message)
        else:
            messages.success(request, str(ACTIONS[action].done))
            if case_for_user(user=request.user, public_id=case.public_id) is None:
                # Transferred to another organisation: the case is no longer theirs to see.
                return HttpResponseRedirect(reverse("cases:case_list"))
            url = reverse("cases:case_detail", args=[case.public_id])
            return HttpResponseRedirect(f"{url}#{ACTIONS[action].anchor}")
    case.refresh_from_db()
    context = detail_context(request, case, bound={action: form})
    context["error_message"] = _("The change was not saved. Please check the form marked below.")
    if ACTIONS[action].prefix:
        # Buttons on a list (a task done, a referral withdrawn) have nothing to fill in: the reason is said here.
        context["error_details"] = [str(error) for errors in form.errors.values() for error in errors]
    response = render(request, "cases/case_detail.html", context, status=422)
    response["Cache-Control"] = "no-store"
    return response
