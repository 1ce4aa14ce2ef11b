"""E-mails to registered people, in each person's language: confirmation, wait list, promotion, reminder and
cancellation of the event. (The site's catalogues are translated later; these stories check that the person's
language was active while the e-mail was written: Django's own date names and the Content-Language header.)"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone, translation

from safecommunity.accounts.tests.factories import signed_in
from safecommunity.programs.events import tasks
from safecommunity.programs.events.models import Event, Registration
from safecommunity.programs.events.tests.factories import a_full_event, an_event, registered

pytestmark = pytest.mark.django_db

DECEMBER = dt.datetime(2030, 12, 3, 18, 30, tzinfo=dt.UTC)  # 10:30 in Sacramento


def test_the_confirmation_carries_the_calendar_file_with_the_online_link(
    sacramento_coalition, django_capture_on_commit_callbacks
):
    event = an_event(
        sacramento_coalition, format=Event.Format.HYBRID, online_url="https://meet.example.org/rights", capacity=5
    )
    with django_capture_on_commit_callbacks(execute=True):
        registration = registered(event, email="lan@example.org")
    [message] = mail.outbox
    assert "https://meet.example.org/rights" in message.body
    assert str(registration.public_id) in message.body  # the secret link to the registration page
    [(filename, content, content_type)] = message.attachments
    assert filename == "event.ics" and content_type.startswith("text/calendar")
    text = content.decode() if isinstance(content, bytes) else content
    assert "BEGIN:VEVENT" in text and "meet.example.org/rights" in text


def test_a_confirmation_in_vietnamese_is_written_with_vietnamese_active(
    sacramento_coalition, django_capture_on_commit_callbacks, monkeypatch
):
    seen: list[str | None] = []
    original = tasks.render_to_string

    def spy(*args: Any, **kwargs: Any) -> str:
        seen.append(translation.get_language())
        return original(*args, **kwargs)

    monkeypatch.setattr(tasks, "render_to_string", spy)
    event = an_event(sacramento_coalition, starts_at=DECEMBER)
    with django_capture_on_commit_callbacks(execute=True):
        registered(event, email="lan@example.org", language="vi")
    [message] = mail.outbox
    assert set(seen) == {"vi"}
    assert message.extra_headers["Content-Language"] == "vi"
    assert "tháng 12" in message.body  # Django's Vietnamese date: "3 tháng 12 năm 2030"
    assert "America/Los_Angeles" in message.body
    assert translation.get_language() == "en"  # the language is put back afterwards


def test_an_arabic_wait_list_email_is_written_in_arabic(sacramento_coalition, django_capture_on_commit_callbacks):
    event = a_full_event(sacramento_coalition, capacity=1, starts_at=DECEMBER)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        registered(event, email="omar@example.org", language="ar")
    [message] = mail.outbox
    assert message.extra_headers["Content-Language"] == "ar"
    assert "ديسمبر" in message.body  # December, in Django's Arabic dates
    assert "1" in message.body  # position on the wait list
    assert message.attachments == []  # no calendar file before a place is given


def test_the_promotion_email_is_in_the_language_of_the_person_moved_up(
    sacramento_coalition, django_capture_on_commit_callbacks
):
    event = a_full_event(sacramento_coalition, capacity=1, starts_at=DECEMBER)
    waiting = registered(event, email="waiting@example.org", language="ar")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        from safecommunity.programs.events.services import registration_cancel

        registration_cancel(
            registration=Registration.objects.get(email_hash__isnull=False, event=event, status="confirmed")
        )
    [message] = mail.outbox
    assert message.to == ["waiting@example.org"]
    assert message.extra_headers["Content-Language"] == "ar"
    assert [name for name, _content, _type in message.attachments] == ["event.ics"]
    waiting.refresh_from_db()
    assert waiting.status == Registration.Status.CONFIRMED


def test_reminders_go_once_to_people_with_a_place_a_day_before(
    sacramento_coalition, django_capture_on_commit_callbacks
):
    tomorrow = an_event(sacramento_coalition, starts_in=dt.timedelta(hours=20), capacity=1)
    with_place = registered(tomorrow, email="place@example.org", language="vi")
    registered(tomorrow, email="waiting@example.org")
    next_week = an_event(sacramento_coalition, starts_in=dt.timedelta(days=7))
    registered(next_week, email="later@example.org")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_event_reminders", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert [message.to for message in mail.outbox] == [["place@example.org"]]
    assert mail.outbox[0].extra_headers["Content-Language"] == "vi"
    with_place.refresh_from_db()
    assert with_place.reminder_sent_at is not None
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_event_reminders", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert len(mail.outbox) == 1  # idempotent


def test_no_reminder_for_a_cancelled_or_past_event(sacramento_coalition, django_capture_on_commit_callbacks):
    from safecommunity.programs.events.services import registrations_remind

    past = an_event(sacramento_coalition, starts_in=-dt.timedelta(hours=1))
    Registration.objects.create(event=past, status="confirmed", email="a@example.org", email_hash="a")
    cancelled = an_event(sacramento_coalition, starts_in=dt.timedelta(hours=3), status=Event.Status.CANCELLED)
    Registration.objects.create(event=cancelled, status="confirmed", email="b@example.org", email_hash="b")
    assert registrations_remind(now=timezone.now()) == 0


def test_cancelling_an_event_tells_everyone_registered_or_waiting_in_their_language(
    sacramento_coalition, organiser_a, django_capture_on_commit_callbacks
):
    event = an_event(sacramento_coalition, capacity=1)
    registered(event, email="vi@example.org", language="vi")
    registered(event, email="ar@example.org", language="ar")
    gone = registered(event, email="gone@example.org")
    from safecommunity.programs.events.services import registration_cancel

    registration_cancel(registration=gone)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = signed_in(organiser_a).post(f"/en/staff/programmes/events/{event.public_id}/cancel/")
    assert response.status_code == 302
    assert sorted((message.to[0], message.extra_headers["Content-Language"]) for message in mail.outbox) == [
        ("ar@example.org", "ar"),
        ("vi@example.org", "vi"),
    ]
    event.refresh_from_db()
    assert event.status == Event.Status.CANCELLED
