"""Referrals a partner organisation received: its staff see the service, the state and what was shared, never the case."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from safecommunity.core.access import staff_view
from safecommunity.core.audit import audit_record
from safecommunity.core.roles import Capability, may_see_personal_data

from .forms import ReferralResponseForm
from .selectors import referral_received_for_user, referrals_received_for_user
from .services import CaseActionRefused
from .services_referrals import referral_complete, referral_respond


def _page(request: HttpRequest, *, answering: int | None = None, form: ReferralResponseForm | None = None,
          status: int = 200, error: str = "") -> HttpResponse:  # fmt: skip
    referrals = referrals_received_for_user(user=request.user)
    show_personal = may_see_personal_data(request.user)
    if show_personal and referrals:
        audit_record(
            actor=request.user,
            action="referral.view",
            target_type="accounts.organisation",
            target_id=str(getattr(request.user, "organisation_id", "")),
            details={"referrals": [referral.id for referral in referrals]},
        )
    rows = [
        {
            "referral": referral,
            "form": form
            if form is not None and answering == referral.id
            else ReferralResponseForm(prefix=f"answer-{referral.id}"),
        }
        for referral in referrals
    ]
    context = {"rows": rows, "show_personal": show_personal, "error": error}
    response = render(request, "cases/referrals_received.html", context, status=status)
    response["Cache-Control"] = "no-store"
    return response


@staff_view(Capability.WORK_CASES)
@require_http_methods(["GET"])
def referrals_received(request: HttpRequest) -> HttpResponse:
    return _page(request)


@staff_view(Capability.WORK_CASES)
@require_POST
def referral_answer(request: HttpRequest, referral_id: int) -> HttpResponse:
    referral = referral_received_for_user(user=request.user, referral_id=referral_id)
    if referral is None:
        raise Http404
    form = ReferralResponseForm(request.POST, prefix=f"answer-{referral_id}")
    if form.is_valid():
        try:
            referral_respond(
                actor=request.user,
                referral=referral,
                accept=form.cleaned_data["decision"] == "accept",
                reason=form.cleaned_data["reason"],
            )
        except CaseActionRefused as refused:
            form.add_error(refused.field if refused.field in form.fields else None, refused.message)
        else:
            messages.success(request, _("Your answer is saved. The referring caseworker can see it."))
            return HttpResponseRedirect(reverse("cases:referrals_received"))
    return _page(request, answering=referral_id, form=form, status=422)


@staff_view(Capability.WORK_CASES)
@require_POST
def referral_mark_complete(request: HttpRequest, referral_id: int) -> HttpResponse:
    referral = referral_received_for_user(user=request.user, referral_id=referral_id)
    if referral is None:
        raise Http404
    try:
        referral_complete(actor=request.user, referral=referral)
    except CaseActionRefused as refused:
        return _page(request, status=422, error=refused.message)
    messages.success(request, _("The referral is marked as completed."))
    return HttpResponseRedirect(reverse("cases:referrals_received"))
