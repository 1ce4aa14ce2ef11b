from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation
from django_tasks import task

from safecommunity.directory.models import ServiceChange


@task()
def send_service_change_decision(*, change_id: int) -> None:
    """Tell the partner organisation that its proposed change was approved or not, with the reviewer's note.

    Written to the organisation's address (or the proposer's when the organisation
    has none), in the proposer's language."""
    change = ServiceChange.objects.select_related("organisation", "service", "proposed_by").get(pk=change_id)
    proposer = change.proposed_by
    recipient = change.organisation.email or (proposer.email if proposer is not None else "")
    if not recipient:
        return
    language = (proposer.preferred_language if proposer is not None else "") or settings.LANGUAGE_CODE
    with translation.override(language):
        context = {
            "coalition_name": settings.COALITION_NAME,
            "organisation": change.organisation.name,
            "service_name": change.proposed.get("name") or (change.service.name if change.service else ""),
            "approved": change.state == ServiceChange.State.APPROVED,
            "note": change.review_note,
        }
        subject = render_to_string("directory/email/decision_subject.txt", context).strip()
        body = render_to_string("directory/email/decision.txt", context)
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [recipient])
