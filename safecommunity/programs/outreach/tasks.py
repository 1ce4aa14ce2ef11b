"""Background work: the confirmation e-mail of a sign-up and the sending of a newsletter issue."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django_tasks import task

from safecommunity.core.multilingual import text_in
from safecommunity.programs.outreach.emails import (
    one_click_headers,
    preferences_url,
    site_link,
    supported_language,
    text_for,
    unsubscribe_url,
)
from safecommunity.programs.outreach.models import IssueDelivery, NewsletterIssue, Subscriber


@task()
def send_subscription_confirmation(*, subscriber_id: int) -> None:
    """The double opt-in: a link that must be opened (and its button pressed) before anything else is sent."""
    subscriber = Subscriber.objects.select_related("coalition").get(pk=subscriber_id)
    if subscriber.status != Subscriber.Status.PENDING or not subscriber.confirm_token:
        return
    language = supported_language(subscriber.language, subscriber.coalition.default_language)
    with translation.override(language):
        context = {
            "coalition_name": subscriber.coalition.name,
            "confirm_url": site_link("outreach:confirm", language=language, token=subscriber.confirm_token),
        }
        subject = render_to_string("outreach/email/confirm_subject.txt", context).strip()
        body = render_to_string("outreach/email/confirm.txt", context)
    EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [subscriber.email]).send()


def _send_one(issue: NewsletterIssue, subscriber: Subscriber) -> bool:
    """Claim the delivery row first, then send; a failed send gives the claim back so a retry tries again."""
    coalition = issue.coalition
    language = supported_language(subscriber.language, coalition.default_language)
    subject, _subject_language = text_for(issue.subject, language=language, coalition=coalition)
    body, body_language = text_for(issue.body, language=language, coalition=coalition)
    try:
        with transaction.atomic():
            delivery = IssueDelivery.objects.create(issue=issue, subscriber=subscriber, language=body_language)
    except IntegrityError:
        return False  # already sent by an earlier run
    try:
        with translation.override(language):
            context = {
                "coalition_name": coalition.name,
                "tagline": text_in(coalition.tagline, language),
                "body": body,
                "unsubscribe_url": unsubscribe_url(subscriber, language),
                "preferences_url": preferences_url(subscriber, language),
            }
            text = render_to_string("outreach/email/issue.txt", context)
        message = EmailMessage(
            subject,
            text,
            settings.DEFAULT_FROM_EMAIL,
            [subscriber.email],
            headers=one_click_headers(subscriber, language),
        )
        message.send()
    except Exception:
        delivery.delete()
        raise
    return True


def wants(subscriber: Subscriber, issue: NewsletterIssue) -> bool:
    """Whether the issue is for this subscriber: every issue for those who chose no topic, else its topic's."""
    return not issue.topic or not subscriber.topics or issue.topic in subscriber.topics


@task()
def send_newsletter_issue(*, issue_id: int) -> int:
    """Send an issue to every confirmed subscriber of its coalition who has not had it yet (idempotent: running it
    again, after a crash or a retry, sends nobody a second copy). Returns how many were sent in this run."""
    issue = NewsletterIssue.objects.select_related("coalition").get(pk=issue_id)
    if issue.status == NewsletterIssue.Status.DRAFT:
        return 0
    subscribers = Subscriber.objects.filter(coalition=issue.coalition, status=Subscriber.Status.CONFIRMED).exclude(
        deliveries__issue=issue
    )
    wanted = (subscriber for subscriber in subscribers.order_by("pk").iterator() if wants(subscriber, issue))
    sent = sum(1 for subscriber in wanted if _send_one(issue, subscriber))
    NewsletterIssue.objects.filter(pk=issue.pk).update(
        status=NewsletterIssue.Status.SENT,
        sent_at=issue.sent_at or timezone.now(),
        sent_count=IssueDelivery.objects.filter(issue=issue).count(),
    )
    return sent
