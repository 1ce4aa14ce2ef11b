"""Organisers' pages (programmes, required trainings, shifts, hours totals) and the shift lead's roster."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from safecommunity.accounts.requests import staff_user
from safecommunity.accounts.selectors import coalition_of
from safecommunity.core.access import staff_view
from safecommunity.core.audit import audit_record
from safecommunity.core.form_pages import form_page
from safecommunity.core.roles import Capability

from .forms import AttendanceForm, ProgrammeForm, RequirementForm, ShiftForm
from .selectors import (
    hours_totals,
    programme_for_organiser,
    programme_shifts,
    programmes_for_organiser,
    requirement_for_organiser,
    roster,
    shift_for_lead,
    shift_for_organiser,
)
from .services import AttendanceMark, shift_attendance_record
from .services_manage import (
    CannotDelete,
    programme_create,
    programme_update,
    requirement_create,
    requirement_delete,
    requirement_update,
    shift_create,
    shift_delete,
    shift_update,
)

MANAGE = Capability.MANAGE_PROGRAMS


def _to_programme(programme_id: int) -> HttpResponseRedirect:
    return HttpResponseRedirect(reverse("volunteers:programme_detail", args=[programme_id]))


@staff_view(MANAGE)
@require_http_methods(["GET"])
def manage(request: HttpRequest) -> HttpResponse:
    return render(request, "volunteers/manage.html", {"programmes": programmes_for_organiser(user=staff_user(request))})


@staff_view(MANAGE)
@require_http_methods(["GET", "POST"])
def programme_new(request: HttpRequest) -> HttpResponse:
    user = staff_user(request)

    def save(data: dict[str, Any]) -> HttpResponse:
        programme = programme_create(actor=user, coalition=data["coalition"], data=data)
        messages.success(request, _("The programme is saved. Add its required trainings and its shifts below."))
        return _to_programme(programme.pk)

    return form_page(
        request,
        template="volunteers/programme_form.html",
        form_class=ProgrammeForm,
        form_kwargs={"coalition": coalition_of(user=user)},
        save=save,
    )


@staff_view(MANAGE)
@require_http_methods(["GET"])
def programme_detail(request: HttpRequest, programme_id: int) -> HttpResponse:
    programme = programme_for_organiser(user=staff_user(request), programme_id=programme_id)
    if programme is None:
        raise Http404
    context = {
        "programme": programme,
        "requirements": programme.training_requirements.prefetch_related("sessions"),
        "shifts": programme_shifts(programme=programme),
    }
    return render(request, "volunteers/programme_detail.html", context)


@staff_view(MANAGE)
@require_http_methods(["GET", "POST"])
def programme_edit(request: HttpRequest, programme_id: int) -> HttpResponse:
    user = staff_user(request)
    programme = programme_for_organiser(user=user, programme_id=programme_id)
    if programme is None:
        raise Http404

    def save(data: dict[str, Any]) -> HttpResponse:
        programme_update(actor=user, programme=programme, data=data)
        messages.success(request, _("The programme is saved."))
        return _to_programme(programme.pk)

    return form_page(
        request,
        template="volunteers/programme_form.html",
        form_class=ProgrammeForm,
        form_kwargs={"coalition": programme.coalition},
        initial=ProgrammeForm.initial_for(programme),
        context={"programme": programme},
        save=save,
    )


@staff_view(MANAGE)
@require_http_methods(["GET", "POST"])
def requirement_new(request: HttpRequest, programme_id: int) -> HttpResponse:
    user = staff_user(request)
    programme = programme_for_organiser(user=user, programme_id=programme_id)
    if programme is None:
        raise Http404

    def save(data: dict[str, Any]) -> HttpResponse:
        requirement_create(actor=user, programme=programme, data=data)
        messages.success(request, _("The required training is saved."))
        return _to_programme(programme.pk)

    return form_page(
        request,
        template="volunteers/requirement_form.html",
        form_class=RequirementForm,
        form_kwargs={"programme": programme},
        context={"programme": programme},
        save=save,
    )


@staff_view(MANAGE)
@require_http_methods(["GET", "POST"])
def requirement_edit(request: HttpRequest, requirement_id: int) -> HttpResponse:
    user = staff_user(request)
    requirement = requirement_for_organiser(user=user, requirement_id=requirement_id)
    if requirement is None:
        raise Http404
    programme = requirement.programme
    if request.method == "POST" and request.POST.get("action") == "delete":
        requirement_delete(actor=user, requirement=requirement)
        messages.success(request, _("The training is no longer required for this programme."))
        return _to_programme(programme.pk)

    def save(data: dict[str, Any]) -> HttpResponse:
        requirement_update(actor=user, requirement=requirement, data=data)
        messages.success(request, _("The required training is saved."))
        return _to_programme(programme.pk)

    return form_page(
        request,
        template="volunteers/requirement_form.html",
        form_class=RequirementForm,
        form_kwargs={"programme": programme},
        initial={"name": requirement.name, "sessions": list(requirement.sessions.values_list("pk", flat=True))},
        context={"programme": programme, "requirement": requirement},
        save=save,
    )


@staff_view(MANAGE)
@require_http_methods(["GET", "POST"])
def shift_new(request: HttpRequest, programme_id: int) -> HttpResponse:
    user = staff_user(request)
    programme = programme_for_organiser(user=user, programme_id=programme_id)
    if programme is None:
        raise Http404

    def save(data: dict[str, Any]) -> HttpResponse:
        shift_create(actor=user, programme=programme, data=data)
        messages.success(request, _("The shift is saved. Volunteers can now sign up for it."))
        return _to_programme(programme.pk)

    return form_page(
        request,
        template="volunteers/shift_form.html",
        form_class=ShiftForm,
        form_kwargs={"programme": programme},
        context={"programme": programme},
        save=save,
    )


@staff_view(MANAGE)
@require_http_methods(["GET", "POST"])
def shift_edit(request: HttpRequest, shift_id: int) -> HttpResponse:
    user = staff_user(request)
    shift = shift_for_organiser(user=user, shift_id=shift_id)
    if shift is None:
        raise Http404
    programme = shift.programme

    def save(data: dict[str, Any]) -> HttpResponse:
        shift_update(actor=user, shift=shift, data=data)
        messages.success(request, _("The shift is saved."))
        return _to_programme(programme.pk)

    return form_page(
        request,
        template="volunteers/shift_form.html",
        form_class=ShiftForm,
        form_kwargs={"programme": programme},
        initial=ShiftForm.initial_for(shift),
        context={"programme": programme, "shift": shift},
        save=save,
    )


@staff_view(MANAGE)
@require_POST
def shift_delete_view(request: HttpRequest, shift_id: int) -> HttpResponse:
    user = staff_user(request)
    shift = shift_for_organiser(user=user, shift_id=shift_id)
    if shift is None:
        raise Http404
    try:
        shift_delete(actor=user, shift=shift)
    except CannotDelete as refused:
        messages.error(request, refused.message)
        return HttpResponseRedirect(reverse("volunteers:shift_edit", args=[shift.pk]))
    messages.success(request, _("The shift is deleted."))
    return _to_programme(shift.programme_id)


@staff_view(Capability.VOLUNTEER_SHIFTS)
@require_http_methods(["GET", "POST"])
def shift_roster(request: HttpRequest, shift_id: int) -> HttpResponse:
    """Who is coming, with their contact details (for the lead and the coalition's organisers only, every showing
    recorded), and the attendance sheet."""
    user = staff_user(request)
    shift = shift_for_lead(user=user, shift_id=shift_id)
    if shift is None:
        raise Http404
    people = roster(shift=shift)
    signed_up = [signup for signup in people if signup.status == signup.Status.SIGNED_UP]
    status = 200
    if request.method == "POST":
        form = AttendanceForm(request.POST, signups=signed_up)
        if form.is_valid():
            marks = [AttendanceMark(signup_id, attended, hours) for signup_id, attended, hours in form.marks()]
            shift_attendance_record(actor=user, shift=shift, marks=marks)
            messages.success(request, _("Attendance and hours are saved."))
            return HttpResponseRedirect(reverse("volunteers:shift_roster", args=[shift.pk]))
        status = 422
    else:
        form = AttendanceForm(signups=signed_up)
    audit_record(
        actor=user,
        action="volunteers.roster_viewed",
        target=shift,
        details={"volunteers": [signup.volunteer_id for signup in people]},
    )
    context = {"shift": shift, "people": people, "form": form}
    return render(request, "volunteers/roster.html", context, status=status)


@staff_view(MANAGE)
@require_http_methods(["GET"])
def totals(request: HttpRequest) -> HttpResponse:
    user = staff_user(request)
    summary = hours_totals(user=user)
    audit_record(
        actor=user,
        action="volunteers.hours_totals_viewed",
        target_type="volunteers.shiftsignup",
        details={"volunteers": [row["volunteer_id"] for row in summary.by_volunteer]},
    )
    return render(request, "volunteers/totals.html", {"summary": summary})
