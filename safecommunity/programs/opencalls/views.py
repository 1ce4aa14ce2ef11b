"""Public pages: the open calls, a call with its criteria and deadline, the application form and withdrawing."""

from __future__ import annotations

import zoneinfo
from datetime import datetime
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import get_language
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from safecommunity.core.http import no_store
from safecommunity.core.ratelimits import rate_limit
from safecommunity.programs.opencalls.forms import ApplicationForm, WithdrawForm
from safecommunity.programs.opencalls.models import Call
from safecommunity.programs.opencalls.selectors import call_accepts_applications, open_calls, public_call
from safecommunity.programs.opencalls.services import CallNotOpen, application_submit, application_withdraw


def local_time(moment: datetime, call: Call) -> datetime:
    """A moment in the call's time zone (templates show it with the zone's name)."""
    return timezone.localtime(moment, zoneinfo.ZoneInfo(call.time_zone))


def _call_context(call: Call, now: datetime) -> dict[str, Any]:
    return {
        "call": call,
        "accepts": call_accepts_applications(call=call, now=now),
        "deadline_local": local_time(call.deadline, call),
        "opens_local": local_time(call.opens_at, call),
        "not_yet_open": call.status == Call.Status.OPEN and now < call.opens_at,
    }


@require_http_methods(["GET"])
def call_list(request: HttpRequest) -> HttpResponse:
    now = timezone.now()
    calls = [_call_context(call, now) for call in open_calls(now=now)]
    return render(request, "opencalls/call_list.html", {"calls": calls})


@require_http_methods(["GET"])
def call_detail(request: HttpRequest, slug: str) -> HttpResponse:
    call = public_call(slug=slug)
    if call is None:
        raise Http404
    context = _call_context(call, timezone.now()) | {"rubric": list(call.rubric.all())}
    return render(request, "opencalls/call_detail.html", context)


@never_cache
@require_http_methods(["GET", "POST"])
@rate_limit(group="opencalls-apply", rate_setting="REPORT_SUBMIT_RATE")
def call_apply(request: HttpRequest, slug: str) -> HttpResponse:
    call = public_call(slug=slug)
    if call is None:
        raise Http404
    now = timezone.now()
    context = _call_context(call, now)
    if request.method != "POST":
        if not context["accepts"]:
            return render(request, "opencalls/call_closed.html", context, status=410)
        return render(request, "opencalls/apply.html", context | {"form": ApplicationForm(call=call)})
    form = ApplicationForm(request.POST, request.FILES, call=call)
    if not context["accepts"]:
        # Too late: nothing is saved, and what was typed is shown back so that the person can keep a copy.
        return render(request, "opencalls/apply.html", context | {"form": form, "too_late": True}, status=409)
    if not form.is_valid():
        return render(request, "opencalls/apply.html", context | {"form": form}, status=422)
    try:
        submitted = application_submit(
            call=call,
            organisation_name=form.cleaned_data["organisation_name"],
            contact_name=form.cleaned_data["contact_name"],
            contact_email=form.cleaned_data["contact_email"],
            contact_phone=form.cleaned_data["contact_phone"],
            language=get_language() or "",
            answers=form.answers(),
            files=form.cleaned_data.get("attachments") or [],
        )
    except CallNotOpen:
        context = _call_context(call, timezone.now())
        return render(request, "opencalls/apply.html", context | {"form": form, "too_late": True}, status=409)
    done = context | {
        "receipt_code": submitted.receipt_code,
        "application": submitted.application,
        "file_count": len(form.cleaned_data.get("attachments") or []),
    }
    return no_store(render(request, "opencalls/applied.html", done))


@never_cache
@require_http_methods(["GET", "POST"])
@rate_limit(group="opencalls-withdraw", rate_setting="FOLLOW_UP_RATE")
def call_withdraw(request: HttpRequest, slug: str) -> HttpResponse:
    call = public_call(slug=slug)
    if call is None:
        raise Http404
    if request.method != "POST":
        return render(request, "opencalls/withdraw.html", {"call": call, "form": WithdrawForm()})
    form = WithdrawForm(request.POST)
    if not form.is_valid():
        return render(request, "opencalls/withdraw.html", {"call": call, "form": form}, status=422)
    application = application_withdraw(entered_code=form.cleaned_data["code"], call=call)
    if application is None:
        form.add_error("code", _not_found_message())
        return render(request, "opencalls/withdraw.html", {"call": call, "form": form}, status=404)
    return no_store(render(request, "opencalls/withdraw.html", {"call": call, "withdrawn": True}))


def _not_found_message() -> str:
    from django.utils.translation import gettext

    return gettext(
        "We found no application to this call with that code, or a decision has already been made. "
        "Please check the code in the e-mail we sent you."
    )
