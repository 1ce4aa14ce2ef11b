"""E-mails to applicants, each in the applicant's language: the receipt and the decision."""

from __future__ import annotations

from collections.abc import Mapping

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django_tasks import task

from safecommunity.core.multilingual import text_in
from safecommunity.programs.opencalls.models import Application, Decision
from safecommunity.programs.opencalls.services import decision_context


def _language_of(application: Application) -> str:
    try:
        return translation.get_supported_language_variant(application.language or settings.LANGUAGE_CODE)
    except LookupError:
        return settings.LANGUAGE_CODE


def _send(*, language: str, subject_template: str, body_template: str, context: Mapping[str, object], to: str) -> None:
    subject = render_to_string(subject_template, context).strip()
    body = render_to_string(body_template, context)
    message = EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [to], headers={"Content-Language": language})
    message.send()


@task()
def send_application_receipt(*, application_id: int) -> None:
    """Confirm an application with its receipt code (the applicant keeps it to withdraw their application)."""
    application = Application.objects.select_related("call", "call__coalition").get(pk=application_id)
    if application.receipt_sent_at is not None:
        return
    language = _language_of(application)
    with translation.override(language):
        call = application.call
        context = {
            "call_title": text_in(call.title, language),
            "organisation_name": application.organisation_name,
            "contact_name": application.contact_name,
            "receipt_code": application.receipt_code,
            "coalition_name": call.coalition.name,
            "call_url": settings.SITE_URL + reverse("opencalls:detail", kwargs={"slug": call.slug}),
        }
        _send(
            language=language,
            subject_template="opencalls/email/receipt_subject.txt",
            body_template="opencalls/email/receipt.txt",
            context=context,
            to=application.contact_email,
        )
    Application.objects.filter(pk=application_id).update(receipt_sent_at=timezone.now())


@task()
def send_decision(*, decision_id: int) -> None:
    decision = Decision.objects.select_related("application", "application__call__coalition").get(pk=decision_id)
    if decision.email_sent_at is not None:
        return
    application = decision.application
    language = _language_of(application)
    with translation.override(language):
        context = decision_context(decision)
        context["call_title"] = text_in(application.call.title, language)
        _send(
            language=language,
            subject_template="opencalls/email/decision_subject.txt",
            body_template="opencalls/email/decision.txt",
            context=context,
            to=application.contact_email,
        )
    Decision.objects.filter(pk=decision_id).update(email_sent_at=timezone.now())
