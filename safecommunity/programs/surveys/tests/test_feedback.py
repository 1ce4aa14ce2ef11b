"""After a workshop, the people who came are asked for feedback once, in their language."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client

from safecommunity.accounts.models import Coalition
from safecommunity.programs.events.models import Registration
from safecommunity.programs.surveys.models import Response
from safecommunity.programs.surveys.tests.factories import a_past_event, a_registration, a_template_survey

pytestmark = pytest.mark.django_db


def test_checked_in_people_get_the_feedback_link_once_in_their_language(
    sacramento_coalition: Coalition, django_capture_on_commit_callbacks: Any
) -> None:
    event = a_past_event(sacramento_coalition)
    survey = a_template_survey(sacramento_coalition, "event_feedback", event=event)
    hoa = a_registration(event, email="hoa@example.org", language="vi", name="Hoa")
    a_registration(event, email="maria@example.org", language="es", name="María")
    a_registration(event, email="absent@example.org", checked_in=False)
    a_registration(event, email="cancelled@example.org", status=Registration.Status.CANCELLED)

    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_event_feedback")

    assert sorted(message.to[0] for message in mail.outbox) == ["hoa@example.org", "maria@example.org"]
    vietnamese = next(message for message in mail.outbox if message.to == ["hoa@example.org"])
    assert "Biết quyền của bạn" in vietnamese.subject
    assert "Hoa" in vietnamese.body
    spanish = next(message for message in mail.outbox if message.to == ["maria@example.org"])
    assert "Conozca sus derechos" in spanish.subject
    link = re.search(r"http\S+/surveys/\S+", str(vietnamese.body))
    assert link and f"/vi/surveys/{survey.slug}/?invite=" in link.group(0)
    hoa.refresh_from_db()
    assert hoa.feedback_sent_at is not None

    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_event_feedback")
    assert len(mail.outbox) == 2

    # The link lets Hoa answer once.
    path = "/" + link.group(0).split("/", 3)[3]
    assert Client().post(path, {"q_overall": "5"}).status_code == 200
    assert Client().post(path, {"q_overall": "1"}).status_code == 409
    assert Response.objects.get().language == "vi"


def test_nobody_is_asked_before_two_hours_have_passed_or_without_an_open_feedback_survey(
    sacramento_coalition: Coalition, django_capture_on_commit_callbacks: Any
) -> None:
    just_ended = a_past_event(sacramento_coalition, ended_ago=dt.timedelta(minutes=30))
    a_template_survey(sacramento_coalition, "event_feedback", event=just_ended)
    a_registration(just_ended, email="early@example.org")
    no_survey = a_past_event(sacramento_coalition)
    a_registration(no_survey, email="nosurvey@example.org")

    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_event_feedback")

    assert mail.outbox == []
