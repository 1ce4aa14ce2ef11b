"""The programme e-mails a member of the public gets read in their own language, words and all: Lan registered in
Vietnamese and Omar in Arabic; a Vietnamese women's association applied to a call in Vietnamese."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import translation
from django.utils.translation import gettext

from safecommunity.accounts.models import User
from safecommunity.accounts.tests.factories import greater_sacramento
from safecommunity.programs.events.models import Registration
from safecommunity.programs.events.services import registration_cancel
from safecommunity.programs.events.tests.factories import a_full_event, an_event, registered
from safecommunity.programs.opencalls.models import Application, Decision
from safecommunity.programs.opencalls.services import application_decide
from safecommunity.programs.opencalls.tests.factories import a_call, an_application

pytestmark = pytest.mark.django_db

TITLE = {"en": "Know your rights", "vi": "Biết quyền của bạn", "ar": "اعرف حقوقك"}


def in_language(language: str, message: str, **values: str) -> str:
    """The catalogue's sentence in ``language``; it must differ from the English one (it is really translated)."""
    with translation.override(language):
        translated = gettext(message) % values
    assert translated != message % values, f"{message!r} is not translated into {language}"
    return translated


def test_lans_confirmation_is_in_vietnamese(
    sacramento: Any, django_capture_on_commit_callbacks: Callable[..., Any]
) -> None:
    event = an_event(greater_sacramento(), title=TITLE, capacity=10)
    with django_capture_on_commit_callbacks(execute=True):
        registered(event, email="lan@example.org", language="vi")
    [message] = mail.outbox
    assert message.subject == in_language("vi", "Your place is confirmed: %(title)s", title=TITLE["vi"])


def test_omar_moved_up_from_the_wait_list_is_told_in_arabic(
    sacramento: Any, django_capture_on_commit_callbacks: Callable[..., Any]
) -> None:
    event = a_full_event(greater_sacramento(), capacity=1, title=TITLE)
    registered(event, email="omar@example.org", language="ar")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        registration_cancel(registration=Registration.objects.get(event=event, status=Registration.Status.CONFIRMED))
    [message] = mail.outbox
    assert message.to == ["omar@example.org"]
    assert message.subject == in_language("ar", "A place became free for you: %(title)s", title=TITLE["ar"])


def test_the_reminder_the_day_before_is_in_vietnamese(
    sacramento: Any, django_capture_on_commit_callbacks: Callable[..., Any]
) -> None:
    event = an_event(greater_sacramento(), title=TITLE, starts_in=dt.timedelta(hours=20), capacity=10)
    registered(event, email="lan@example.org", language="vi")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_event_reminders", stdout=open("/dev/null", "w"))  # noqa: SIM115
    [message] = mail.outbox
    assert message.subject == in_language("vi", "Reminder: %(title)s is tomorrow", title=TITLE["vi"])


def test_the_decision_on_an_application_is_in_the_applicants_language(
    organiser_a: User, django_capture_on_commit_callbacks: Callable[..., Any]
) -> None:
    call = a_call(greater_sacramento())
    application = an_application(call, "Hội Phụ nữ Việt", language="vi", email="lan@example.org").application
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        application_decide(actor=organiser_a, application=application, outcome=Decision.Outcome.AWARD, message="")
    [message] = mail.outbox
    with translation.override("vi"):
        from safecommunity.core.multilingual import text_in

        call_title = text_in(call.title, "vi")
    assert message.subject == in_language(
        "vi", "A decision on your application to “%(call_title)s”", call_title=call_title
    )
    assert Application.objects.get(pk=application.pk).status == Application.Status.AWARDED
