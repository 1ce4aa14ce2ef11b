from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation
from django_tasks import task

from safecommunity.reports.models import Report


@task()
def send_report_acknowledgement(*, report_id: int) -> None:
    """Tell the reporter we received their report, in their language.

    The email says nothing about the incident and carries no receipt code:
    someone else may read the reporter's mailbox.
    """
    report = Report.objects.get(pk=report_id)
    language = report.contact_language or report.language or settings.LANGUAGE_CODE
    with translation.override(language):
        context = {
            "coalition_name": settings.COALITION_NAME,
            "reference": report.reference,
            "emergency_number": settings.EMERGENCY_NUMBER,
        }
        subject = render_to_string("reports/email/acknowledgement_subject.txt", context).strip()
        body = render_to_string("reports/email/acknowledgement.txt", context)
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [report.contact_email])


def _notice_language(report: Report) -> str:
    """The reporter's language if the site speaks it, else the site's default."""
    from django.utils.translation import get_supported_language_variant

    for candidate in (report.contact_language, report.language):
        if candidate:
            try:
                return get_supported_language_variant(candidate)
            except LookupError:
                continue
    return settings.LANGUAGE_CODE


@task()
def send_reply_notice(*, reply_id: int) -> str:
    """Tell a reporter who agreed to be contacted that a reply is waiting on the follow-up page.

    The notice names no case detail and carries no receipt code (someone else may
    read the reporter's mailbox or phone): only that a message is waiting and
    where to read it. Returns how it was sent ("email", "text") or "none".
    """
    from django.urls import reverse
    from django.utils import timezone

    from safecommunity.reports.models import Reply
    from safecommunity.reports.notifications import notice_channel, send_text

    reply = Reply.objects.select_related("report").filter(pk=reply_id).first()
    if reply is None or reply.notified_at is not None:
        return "none"
    report = reply.report
    channel = notice_channel(report)
    if channel is None:
        return "none"
    with translation.override(_notice_language(report)):
        context = {
            "coalition_name": settings.COALITION_NAME,
            "follow_up_url": settings.SITE_URL + reverse("reports:follow_up"),
            "emergency_number": settings.EMERGENCY_NUMBER,
        }
        subject = str(render_to_string("reports/email/reply_waiting_subject.txt", context)).strip()
        if channel == "email":
            body = str(render_to_string("reports/email/reply_waiting.txt", context))
        else:
            body = str(render_to_string("reports/email/reply_waiting_text_message.txt", context)).strip()
    if channel == "email":
        send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [report.contact_email])
    else:
        send_text(to=report.contact_phone, body=body)
    Reply.objects.filter(pk=reply_id).update(notified_at=timezone.now())
    return channel
