"""E-mails about surveys, sent in the background in the recipient's language."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django_tasks import task

from safecommunity.core.multilingual import text_in
from safecommunity.programs.events.models import Registration
from safecommunity.programs.surveys.models import Survey


def _language(registration: Registration) -> str:
    from django.utils.translation import get_supported_language_variant

    try:
        return get_supported_language_variant(registration.language or settings.LANGUAGE_CODE)
    except LookupError:
        return settings.LANGUAGE_CODE


@task()
def send_feedback_invitation(*, registration_id: int, survey_id: int) -> None:
    """Ask someone who came to an event what they thought of it, with a link that lets them answer once."""
    from safecommunity.programs.surveys.views_public import invite_token

    registration = Registration.objects.select_related("event").get(pk=registration_id)
    survey = Survey.objects.get(pk=survey_id)
    if not registration.email:
        return
    language = _language(registration)
    with translation.override(language):
        link = f"{settings.SITE_URL}{reverse('surveys:take', args=[survey.slug])}?invite={invite_token(registration)}"
        context = {
            "name": registration.name,
            "event_title": text_in(registration.event.title, language),
            "survey_title": text_in(survey.title, language),
            "link": link,
            "coalition_name": survey.coalition.name,
        }
        subject = render_to_string("surveys/email/feedback_subject.txt", context).strip()
        body = render_to_string("surveys/email/feedback.txt", context)
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [registration.email])
