"""The organisers' pages: their coalition's events, the event form, publishing and cancelling, the registration
list with the wait list, and check-in at the door (plain forms; works on a phone without JavaScript)."""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from safecommunity.accounts.models import Coalition
from safecommunity.accounts.requests import staff_user
from safecommunity.accounts.selectors import coalition_ids_for, coalition_of
from safecommunity.core.access import staff_view
from safecommunity.core.audit import audit_record
from safecommunity.core.http import no_store
from safecommunity.core.roles import Capability
from safecommunity.programs.events.forms import EventForm
from safecommunity.programs.events.models import Event, Registration
from safecommunity.programs.events.selectors import (
    attendance_of,
    event_for_staff,
    events_for_staff,
    registration_of,
    registrations_of,
)
from safecommunity.programs.events.services import (
    event_cancel,
    event_create,
    event_publish,
    event_update,
    registration_check_in,
)


def _event_or_404(request: HttpRequest, public_id: uuid.UUID) -> Event:
    event = event_for_staff(user=staff_user(request), public_id=public_id)
    if event is None:
        raise Http404
    return event


def _coalition_for_new_event(request: HttpRequest) -> Coalition:
    """The organiser's coalition; a coalition administrator of no organisation picks one (``?coalition=slug``)."""
    user = staff_user(request)
    coalition = coalition_of(user=user)
    if coalition is not None:
        return coalition
    allowed = coalition_ids_for(user=user)
    coalitions = Coalition.objects.all() if allowed is None else Coalition.objects.filter(pk__in=allowed)
    slug = request.GET.get("coalition") or request.POST.get("coalition") or ""
    chosen = coalitions.filter(slug=slug).first() if slug else coalitions.order_by("name").first()
    if chosen is None:
        raise Http404
    return chosen


@staff_view(Capability.MANAGE_PROGRAMS)
def staff_event_list(request: HttpRequest) -> HttpResponse:
    events = events_for_staff(user=staff_user(request))
    return render(request, "events/staff_list.html", {"events": events})


@staff_view(Capability.MANAGE_PROGRAMS)
@require_http_methods(["GET", "POST"])
def staff_event_create(request: HttpRequest) -> HttpResponse:
    coalition = _coalition_for_new_event(request)
    if request.method != "POST":
        form = EventForm(coalition=coalition)
        return render(request, "events/staff_form.html", {"form": form, "coalition": coalition})
    form = EventForm(request.POST, coalition=coalition)
    if not form.is_valid():
        return render(request, "events/staff_form.html", {"form": form, "coalition": coalition}, status=422)
    event = event_create(actor=staff_user(request), coalition=coalition, details=form.to_details())
    messages.success(request, _("The event was saved as a draft. Publish it when it is ready."))
    return redirect("events:staff_detail", public_id=event.public_id)


@staff_view(Capability.MANAGE_PROGRAMS)
@require_http_methods(["GET", "POST"])
def staff_event_edit(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    event = _event_or_404(request, public_id)
    context = {"event": event, "coalition": event.coalition}
    if request.method != "POST":
        return render(
            request, "events/staff_form.html", context | {"form": EventForm(coalition=event.coalition, event=event)}
        )
    form = EventForm(request.POST, coalition=event.coalition, event=event)
    if not form.is_valid():
        return render(request, "events/staff_form.html", context | {"form": form}, status=422)
    event_update(actor=staff_user(request), event=event, details=form.to_details())
    messages.success(request, _("Your changes were saved."))
    return redirect("events:staff_detail", public_id=event.public_id)


@staff_view(Capability.MANAGE_PROGRAMS)
def staff_event_detail(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    event = _event_or_404(request, public_id)
    context = {"event": event, "attendance": attendance_of(event=event)}
    return render(request, "events/staff_detail.html", context)


@staff_view(Capability.MANAGE_PROGRAMS)
@require_POST
def staff_event_publish(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    event = _event_or_404(request, public_id)
    if event.status != Event.Status.DRAFT:
        messages.error(request, _("Only a draft can be published."))
    else:
        event_publish(actor=staff_user(request), event=event)
        messages.success(request, _("The event is published on the public calendar."))
    return redirect("events:staff_detail", public_id=event.public_id)


@staff_view(Capability.MANAGE_PROGRAMS)
@require_http_methods(["GET", "POST"])
def staff_event_cancel(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    event = _event_or_404(request, public_id)
    if request.method != "POST":
        return render(request, "events/staff_cancel.html", {"event": event, "attendance": attendance_of(event=event)})
    event_cancel(actor=staff_user(request), event=event)
    messages.success(request, _("The event is cancelled. Everyone registered is being told by e-mail."))
    return redirect("events:staff_detail", public_id=event.public_id)


def _people(request: HttpRequest, event: Event, purpose: str) -> list[Registration]:
    """The registrations of an event, their names and needs decrypted for the organiser; the viewing is audited."""
    people = list(registrations_of(event=event))
    audit_record(
        actor=staff_user(request),
        action="event_registrations_view",
        target=event,
        details={"purpose": purpose, "count": len(people)},
    )
    return people


@staff_view(Capability.MANAGE_PROGRAMS)
def staff_registrations(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    event = _event_or_404(request, public_id)
    people = _people(request, event, "list")
    context = {
        "event": event,
        "confirmed": [person for person in people if person.status == Registration.Status.CONFIRMED],
        "waitlisted": [person for person in people if person.status == Registration.Status.WAITLISTED],
        "cancelled": [person for person in people if person.status == Registration.Status.CANCELLED],
        "attendance": attendance_of(event=event),
    }
    return no_store(render(request, "events/staff_registrations.html", context))


@staff_view(Capability.MANAGE_PROGRAMS)
def staff_check_in(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    event = _event_or_404(request, public_id)
    query = (request.GET.get("q") or "").strip()
    people = [
        person for person in _people(request, event, "check_in") if person.status == Registration.Status.CONFIRMED
    ]
    if query:
        people = [
            person
            for person in people
            if query.casefold() in person.name.casefold() or str(person.public_id).startswith(query.lower())
        ]
    context = {"event": event, "people": people, "query": query, "attendance": attendance_of(event=event)}
    return no_store(render(request, "events/staff_check_in.html", context))


@staff_view(Capability.MANAGE_PROGRAMS)
@require_POST
def staff_check_in_mark(request: HttpRequest, public_id: uuid.UUID, registration_id: uuid.UUID) -> HttpResponse:
    event = _event_or_404(request, public_id)
    registration = registration_of(event=event, public_id=registration_id)
    if registration is None:
        raise Http404
    attended = request.POST.get("attended") == "yes"
    registration_check_in(actor=staff_user(request), registration=registration, attended=attended)
    query = request.POST.get("q", "")
    response = redirect("events:staff_check_in", public_id=event.public_id)
    if query:
        from urllib.parse import urlencode

        response["Location"] += "?" + urlencode({"q": query})
    response["Location"] += f"#person-{registration.public_id}"
    return response
