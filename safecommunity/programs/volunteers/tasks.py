"""E-mails to volunteers, in their preferred language: sign-up confirmation, cancellation and the reminder."""

from __future__ import annotations

from typing import Any
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import formats, translation
from django.utils.translation import get_supported_language_variant
from django_tasks import task

from safecommunity.core.multilingual import text_in

from .models import ShiftSignup


def recipient_language(user: Any) -> str:
    """The volunteer's preferred language if the site speaks it, else the site's default."""
    preferred = getattr(user, "preferred_language", "") or ""
    if preferred:
        try:
            return get_supported_language_variant(preferred)
        except LookupError:
            pass
    return settings.LANGUAGE_CODE


def _send(signup_id: int, template: str) -> bool:
    signup = (
        ShiftSignup.objects.select_related("shift", "shift__programme", "shift__programme__coalition", "volunteer")
        .filter(pk=signup_id)
        .first()
    )
    if signup is None or not signup.volunteer.email:
        return False
    shift = signup.shift
    language = recipient_language(signup.volunteer)
    with translation.override(language):
        zone = ZoneInfo(shift.time_zone)
        context = {
            "name": signup.volunteer.first_name or signup.volunteer.username,
            "programme": text_in(shift.programme.name, language),
            "coalition": shift.programme.coalition.name,
            "place": text_in(shift.place, language),
            "meeting_point": text_in(shift.meeting_point, language),
            "starts": formats.date_format(shift.starts_at.astimezone(zone), "DATETIME_FORMAT"),
            "ends": formats.date_format(shift.ends_at.astimezone(zone), "TIME_FORMAT"),
            "time_zone": shift.time_zone,
            "notes": shift.notes,
            "shift_url": settings.SITE_URL + reverse("volunteers:shift_detail", args=[shift.pk]),
            "shifts_url": settings.SITE_URL + reverse("volunteers:shifts"),
        }
        subject = render_to_string(f"volunteers/email/{template}_subject.txt", context).strip()
        body = render_to_string(f"volunteers/email/{template}.txt", context)
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [signup.volunteer.email])
    return True


@task()
def send_signup_confirmation(*, signup_id: int) -> bool:
    return _send(signup_id, "signup_confirmed")


@task()
def send_signup_cancellation(*, signup_id: int) -> bool:
    return _send(signup_id, "signup_cancelled")


@task()
def send_shift_reminder(*, signup_id: int) -> bool:
    return _send(signup_id, "shift_reminder")
