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
