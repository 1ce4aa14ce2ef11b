"""The public volunteer page and the volunteers' own pages: upcoming shifts, signing up and cancelling, their
shifts, their hours and their trainings."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from safecommunity.accounts.requests import staff_user
from safecommunity.core.access import staff_view
from safecommunity.core.roles import Capability, has_capability

from .links import event_url, events_calendar_url
from .models import Shift
from .selectors import (
    missing_requirements,
    my_hours,
    my_signups,
    public_programmes,
    shift_for_volunteer,
    shifts_led_by,
    signup_of,
    training_status,
    upcoming_shifts_for_volunteer,
)
from .services import SignupRefused, shift_sign_up, shift_signup_cancel


@require_http_methods(["GET"])
def public(request: HttpRequest) -> HttpResponse:
    """What programmes exist and how to join: no personal data, no counts of people."""
    return render(request, "volunteers/public.html", {"coalitions": public_programmes()})


@staff_view(Capability.VOLUNTEER_SHIFTS)
@require_http_methods(["GET"])
def shifts(request: HttpRequest) -> HttpResponse:
    user = staff_user(request)
    context = {
        "shifts": upcoming_shifts_for_volunteer(user=user),
        "may_manage": has_capability(user, Capability.MANAGE_PROGRAMS),
    }
    return render(request, "volunteers/shifts.html", context)


def _shift_page(request: HttpRequest, shift: Shift, *, refusal: str = "", status: int = 200) -> HttpResponse:
    user = staff_user(request)
    signup = signup_of(shift=shift, volunteer=user)
    context: dict[str, Any] = {
        "shift": shift,
        "signup": signup if signup is not None and signup.status == signup.Status.SIGNED_UP else None,
        "missing": missing_requirements(volunteer=user, programme=shift.programme),
        "started": shift.starts_at <= timezone.now(),
        "refusal": refusal,
        "is_lead": shift.lead_id == user.pk,
    }
    return render(request, "volunteers/shift_detail.html", context, status=status)


@staff_view(Capability.VOLUNTEER_SHIFTS)
@require_http_methods(["GET"])
def shift_detail(request: HttpRequest, shift_id: int) -> HttpResponse:
    shift = shift_for_volunteer(user=staff_user(request), shift_id=shift_id)
    if shift is None:
        raise Http404
    return _shift_page(request, shift)


@staff_view(Capability.VOLUNTEER_SHIFTS)
@require_POST
def shift_sign_up_view(request: HttpRequest, shift_id: int) -> HttpResponse:
    user = staff_user(request)
    shift = shift_for_volunteer(user=user, shift_id=shift_id)
    if shift is None:
        raise Http404
    try:
        shift_sign_up(shift_id=shift.pk, volunteer=user)
    except SignupRefused as refused:
        return _shift_page(request, shift, refusal=refused.message, status=409)
    messages.success(request, _("You are signed up. We have sent you a confirmation e-mail."))
    return HttpResponseRedirect(reverse("volunteers:shift_detail", args=[shift.pk]))


@staff_view(Capability.VOLUNTEER_SHIFTS)
@require_POST
def shift_cancel_view(request: HttpRequest, shift_id: int) -> HttpResponse:
    user = staff_user(request)
    shift = shift_for_volunteer(user=user, shift_id=shift_id)
    if shift is None:
        raise Http404
    try:
        shift_signup_cancel(shift_id=shift.pk, volunteer=user)
    except SignupRefused as refused:
        return _shift_page(request, shift, refusal=refused.message, status=409)
    messages.success(request, _("Your place on this shift is cancelled. Thank you for letting us know."))
    return HttpResponseRedirect(reverse("volunteers:shift_detail", args=[shift.pk]))


@staff_view(Capability.VOLUNTEER_SHIFTS)
@require_http_methods(["GET"])
def my_shifts(request: HttpRequest) -> HttpResponse:
    user = staff_user(request)
    now = timezone.now()
    signups = list(my_signups(user=user))
    context = {
        "upcoming": [signup for signup in reversed(signups) if signup.shift.ends_at > now],
        "past": [signup for signup in signups if signup.shift.ends_at <= now],
        "led": shifts_led_by(user=user, now=now),
    }
    return render(request, "volunteers/my_shifts.html", context)


@staff_view(Capability.VOLUNTEER_SHIFTS)
@require_http_methods(["GET"])
def my_hours_view(request: HttpRequest) -> HttpResponse:
    return render(request, "volunteers/my_hours.html", {"summary": my_hours(user=staff_user(request))})


@staff_view(Capability.VOLUNTEER_SHIFTS)
@require_http_methods(["GET"])
def training(request: HttpRequest) -> HttpResponse:
    programmes = training_status(volunteer=staff_user(request))
    for programme in programmes:
        for status in programme.requirements:
            for session in status.upcoming_sessions:
                session.public_url = event_url(session)  # type: ignore[attr-defined]
    context = {"programmes": programmes, "calendar_url": events_calendar_url()}
    return render(request, "volunteers/training.html", context)
