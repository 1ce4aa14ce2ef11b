"""The public pages: the calendar of upcoming events, an event's page with its registration form, the
registration page behind the secret link, and the calendar files."""

from __future__ import annotations

import datetime as dt
import uuid
from urllib.parse import urlencode

from django.conf import settings
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from safecommunity.core.http import no_store
from safecommunity.core.ratelimits import rate_limit
from safecommunity.programs.events.forms import CalendarFilterForm, RegistrationForm
from safecommunity.programs.events.ics import CONTENT_TYPE, event_calendar, feed_calendar, registration_calendar
from safecommunity.programs.events.models import Event, Registration
from safecommunity.programs.events.selectors import (
    PublicFilters,
    event_languages,
    places_left,
    public_event,
    registration_for_link,
    upcoming_public_events,
    waitlist_position,
)
from safecommunity.programs.events.services import RegistrationRefused, registration_cancel, registration_create

PAGE_SIZE = 12


def _filters(request: HttpRequest) -> tuple[CalendarFilterForm, PublicFilters]:
    form = CalendarFilterForm(request.GET)
    if not form.is_valid():
        return form, PublicFilters()
    return form, PublicFilters(
        **{name: form.cleaned_data.get(name) or "" for name in PublicFilters.__dataclass_fields__}
    )


@require_GET
def calendar(request: HttpRequest) -> HttpResponse:
    form, filters = _filters(request)
    events = upcoming_public_events(filters=filters)
    page = Paginator(events, PAGE_SIZE).get_page(request.GET.get("page"))
    query = urlencode({name: value for name, value in filters.__dict__.items() if value})
    context = {"form": form, "page": page, "query": query, "filtered": bool(query)}
    return render(request, "events/calendar.html", context, status=200 if form.is_valid() else 422)


@require_GET
def calendar_feed(request: HttpRequest) -> HttpResponse:
    """A calendar people subscribe to (``webcal://``); filters as on the calendar page."""
    _form, filters = _filters(request)
    language = get_language() or settings.LANGUAGE_CODE
    events = upcoming_public_events(filters=filters, now=timezone.now() - dt.timedelta(days=30))
    body = feed_calendar(events, name=_("Community events"), language=language)
    response = HttpResponse(body, content_type=CONTENT_TYPE)
    response["Content-Disposition"] = 'inline; filename="events.ics"'
    return response


def _event_context(event: Event, form: RegistrationForm) -> dict[str, object]:
    now = timezone.now()
    return {
        "event": event,
        "form": form,
        "places_left": places_left(event=event),
        "languages": event_languages(event),
        "open": event.status == Event.Status.PUBLISHED and event.ends_at > now,
        "partners": list(event.partners.all()),
    }


@never_cache
@require_http_methods(["GET", "POST"])
@rate_limit(group="event-registration", rate_setting="FOLLOW_UP_RATE")
def event_detail(request: HttpRequest, slug: str) -> HttpResponse:
    event = public_event(slug=slug)
    if event is None:
        raise Http404
    language = get_language() or settings.LANGUAGE_CODE
    if request.method != "POST":
        form = RegistrationForm(event=event, language=language)
        return render(request, "events/event_detail.html", _event_context(event, form))
    form = RegistrationForm(request.POST, event=event, language=language)
    if not form.is_valid():
        return render(request, "events/event_detail.html", _event_context(event, form), status=422)
    if form.is_spam:
        return render(request, "events/registration_sent.html", {"event": event})
    data = form.cleaned_data
    try:
        outcome = registration_create(
            event=event,
            email=data["email"],
            name=data.get("name", ""),
            language=data["language"],
            access_needs=data.get("access_needs", ""),
            interpretation_language=data.get("interpretation_language", ""),
            user=request.user if request.user.is_authenticated else None,
        )
    except RegistrationRefused:
        form.add_error(None, _("Registration for this event is closed."))
        return render(request, "events/event_detail.html", _event_context(event, form), status=409)
    if outcome.already_registered:
        # Someone who knows an address must not learn another person's registration link: the link goes by e-mail.
        form.add_error(
            "email",
            _(
                "This e-mail address is already registered for this event. Use the link in the e-mail we sent you "
                "to see or cancel the registration."
            ),
        )
        return render(request, "events/event_detail.html", _event_context(event, form), status=409)
    return redirect("events:registration", public_id=outcome.registration.public_id)


def _registration_or_404(public_id: uuid.UUID) -> Registration:
    registration = registration_for_link(public_id=public_id)
    if registration is None:
        raise Http404
    return registration


@never_cache
@require_http_methods(["GET", "POST"])
def registration_detail(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    registration = _registration_or_404(public_id)
    cancelled_now = False
    if request.method == "POST":
        if request.POST.get("action") == "cancel" and registration.status != Registration.Status.CANCELLED:
            registration = registration_cancel(registration=registration)
            cancelled_now = True
        registration = _registration_or_404(public_id)
    event = registration.event
    context = {
        "registration": registration,
        "event": event,
        "position": waitlist_position(registration=registration),
        "cancelled_now": cancelled_now,
        "event_over": event.ends_at <= timezone.now(),
    }
    response = render(request, "events/registration.html", context)
    response["X-Robots-Tag"] = "noindex"
    return no_store(response)


@require_GET
def event_ics(request: HttpRequest, slug: str) -> HttpResponse:
    event = public_event(slug=slug)
    if event is None:
        raise Http404
    response = HttpResponse(event_calendar(event, language=get_language() or ""), content_type=CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{event.slug}.ics"'
    return response


@require_GET
def registration_ics(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    registration = _registration_or_404(public_id)
    response = HttpResponse(registration_calendar(registration), content_type=CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{registration.event.slug}.ics"'
    return no_store(response)
