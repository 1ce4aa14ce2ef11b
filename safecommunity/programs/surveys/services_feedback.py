"""Feedback surveys after events: who is asked, once, and when."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone

from safecommunity.core.tasks import enqueue_on_commit
from safecommunity.programs.events.models import Registration
from safecommunity.programs.surveys.models import Survey
from safecommunity.programs.surveys.tasks import send_feedback_invitation

FEEDBACK_DELAY = dt.timedelta(hours=2)


def feedback_invitations_send(*, now: dt.datetime | None = None) -> int:
    """E-mail everyone checked in at an event that ended more than two hours ago and has an open feedback survey,
    once each (``Registration.feedback_sent_at``). Returns how many invitations were queued."""
    now = now or timezone.now()
    surveys = Survey.objects.filter(
        kind=Survey.Kind.EVENT_FEEDBACK, status=Survey.Status.OPEN, event__ends_at__lte=now - FEEDBACK_DELAY
    ).exclude(event=None)
    sent = 0
    for survey in surveys:
        if survey.event_id is None:
            continue
        with transaction.atomic():
            due = list(
                Registration.objects.select_for_update(skip_locked=True)
                .filter(
                    event_id=survey.event_id,
                    status=Registration.Status.CONFIRMED,
                    checked_in_at__isnull=False,
                    feedback_sent_at__isnull=True,
                )
                .exclude(email="")
            )
            for registration in due:
                Registration.objects.filter(pk=registration.pk).update(feedback_sent_at=now)
                enqueue_on_commit(send_feedback_invitation, registration_id=registration.pk, survey_id=survey.pk)
            sent += len(due)
    return sent
