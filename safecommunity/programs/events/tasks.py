"""E-mails to registered people, each in the language they chose, sent in the background after the commit."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import get_supported_language_variant
from django_tasks import task

from safecommunity.core.multilingual import text_in
from safecommunity.programs.events.models import Registration

KINDS = {"confirmation", "waitlisted", "promoted", "reminder", "event_cancelled"}


def _language(registration: Registration) -> str:
    try:
        return get_supported_language_variant(registration.language or settings.LANGUAGE_CODE)
    except LookupError:
        return settings.LANGUAGE_CODE


def registration_email(registration: Registration, kind: str) -> EmailMessage:
    """The e-mail of ``kind`` for a registration, rendered in the registrant's language."""
    from safecommunity.programs.events.ics import CONTENT_TYPE, registration_calendar
    from safecommunity.programs.events.selectors import waitlist_position

    event = registration.event
    language = _language(registration)
    zone = ZoneInfo(event.time_zone)
    with translation.override(language):
        context = {
            "kind": kind,
            "registration": registration,
            "event": event,
            "title": text_in(event.title, language),
            "coalition_name": event.coalition.name,
            "starts_at": event.starts_at.astimezone(zone),
            "ends_at": event.ends_at.astimezone(zone),
            "time_zone": event.time_zone,
            "position": waitlist_position(registration=registration),
            "registration_url": settings.SITE_URL
            + reverse("events:registration", kwargs={"public_id": registration.public_id}),
            "online_url": event.online_url if registration.status == Registration.Status.CONFIRMED else "",
            "language": language,
        }
        subject = " ".join(render_to_string(f"events/email/{kind}_subject.txt", context).split())
        body = render_to_string(f"events/email/{kind}.txt", context)
    message = EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [registration.email])
    message.extra_headers["Content-Language"] = language
    if kind in {"confirmation", "promoted", "reminder"}:
        message.attach("event.ics", registration_calendar(registration), CONTENT_TYPE)
    return message


@task()
def send_registration_email(*, registration_id: int, kind: str) -> bool:
    """Send one of the e-mails about a registration. Says whether one was sent (nothing without an address)."""
    if kind not in KINDS:
        raise ValueError(f"Unknown e-mail kind: {kind}")
    registration = Registration.objects.select_related("event", "event__coalition").filter(pk=registration_id).first()
    if registration is None or not registration.email:
        return False
    registration_email(registration, kind).send()
    return True
