from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation
from django_tasks import task

from safecommunity.core.language_detection import detect_language
from safecommunity.reports.models import Report, ReportUpdate


@task()
def detect_report_language(*, report_id: int) -> str:
    """Name the description's language so staff know which interpreter to call (seconds after submission)."""
    report = Report.objects.get(pk=report_id)
    language = detect_language(report.description)
    Report.objects.filter(pk=report_id).update(description_language=language)
    return language


@task()
def detect_update_language(*, update_id: int) -> str:
    update = ReportUpdate.objects.get(pk=update_id)
    language = detect_language(update.text)
    ReportUpdate.objects.filter(pk=update_id).update(text_language=language)
    return language


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
