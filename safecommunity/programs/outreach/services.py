"""Writes for the newsletter: sign-up with double opt-in, confirmation, one-click unsubscribe, language preference,
and composing and sending issues."""

from __future__ import annotations

import secrets
from collections.abc import Mapping, Sequence
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from safecommunity.accounts.models import Coalition, User
from safecommunity.core.audit import audit_record
from safecommunity.core.encryption import lookup_hash
from safecommunity.core.tasks import enqueue_on_commit
from safecommunity.programs.outreach.models import NewsletterIssue, Subscriber

# A confirmation link older than this no longer confirms: the person signs up again and gets a new one.
CONFIRM_LINK_VALID_FOR = timedelta(days=7)


def new_token() -> str:
    return secrets.token_urlsafe(32)


@transaction.atomic
def subscriber_sign_up(*, coalition: Coalition, email: str, language: str, topics: Sequence[str] = ()) -> None:
    """Ask for a confirmation (double opt-in). Returns nothing on purpose: the page says the same thing whether or
    not the address was already on the list. A confirmed subscriber is left as they are and gets no e-mail;
    a pending or unsubscribed one gets a new confirmation link."""
    from safecommunity.programs.outreach.tasks import send_subscription_confirmation

    email = email.strip()
    email_hash = lookup_hash(email)
    subscriber = Subscriber.objects.select_for_update().filter(coalition=coalition, email_hash=email_hash).first()
    if subscriber is not None and subscriber.status == Subscriber.Status.CONFIRMED:
        return
    now = timezone.now()
    if subscriber is None:
        subscriber = Subscriber(coalition=coalition, email_hash=email_hash, unsubscribe_token=new_token())
    subscriber.email = email
    subscriber.language = language
    subscriber.topics = list(topics)
    subscriber.status = Subscriber.Status.PENDING
    subscriber.confirm_token = new_token()
    subscriber.confirm_sent_at = now
    subscriber.save()
    audit_record(actor=None, action="newsletter.sign_up", target=subscriber, details={"language": language})
    enqueue_on_commit(send_subscription_confirmation, subscriber_id=subscriber.pk)


def confirm_link_is_fresh(subscriber: Subscriber) -> bool:
    sent = subscriber.confirm_sent_at
    return sent is not None and timezone.now() - sent <= CONFIRM_LINK_VALID_FOR


@transaction.atomic
def subscriber_confirm(*, subscriber: Subscriber) -> bool:
    """Make a pending subscription active; False when the link has expired."""
    if subscriber.status == Subscriber.Status.CONFIRMED:
        return True
    if subscriber.status != Subscriber.Status.PENDING or not confirm_link_is_fresh(subscriber):
        return False
    subscriber.status = Subscriber.Status.CONFIRMED
    subscriber.confirmed_at = timezone.now()
    subscriber.confirm_token = ""
    subscriber.save(update_fields=["status", "confirmed_at", "confirm_token", "updated_at"])
    audit_record(actor=None, action="newsletter.confirm", target=subscriber)
    return True


@transaction.atomic
def subscriber_unsubscribe(*, subscriber: Subscriber) -> None:
    if subscriber.status == Subscriber.Status.UNSUBSCRIBED:
        return
    subscriber.status = Subscriber.Status.UNSUBSCRIBED
    subscriber.unsubscribed_at = timezone.now()
    subscriber.confirm_token = ""
    subscriber.save(update_fields=["status", "unsubscribed_at", "confirm_token", "updated_at"])
    audit_record(actor=None, action="newsletter.unsubscribe", target=subscriber)


@transaction.atomic
def subscriber_change_preferences(*, subscriber: Subscriber, language: str, topics: Sequence[str]) -> None:
    subscriber.language = language
    subscriber.topics = list(topics)
    subscriber.save(update_fields=["language", "topics", "updated_at"])
    audit_record(actor=None, action="newsletter.preferences", target=subscriber, details={"language": language})


@transaction.atomic
def issue_create(
    *, actor: User, coalition: Coalition, subject: Mapping[str, str], body: Mapping[str, str], topic: str = ""
) -> NewsletterIssue:
    return NewsletterIssue.objects.create(
        coalition=coalition, subject=dict(subject), body=dict(body), topic=topic, created_by=actor
    )


class IssueAlreadySent(Exception):
    """An issue that is sending or sent can no longer be changed or sent again."""


@transaction.atomic
def issue_update(
    *, actor: User, issue: NewsletterIssue, subject: Mapping[str, str], body: Mapping[str, str], topic: str = ""
) -> None:
    locked = NewsletterIssue.objects.select_for_update().get(pk=issue.pk)
    if locked.status != NewsletterIssue.Status.DRAFT:
        raise IssueAlreadySent
    locked.subject, locked.body, locked.topic = dict(subject), dict(body), topic
    locked.save(update_fields=["subject", "body", "topic", "updated_at"])


@transaction.atomic
def issue_send(*, actor: User, issue: NewsletterIssue) -> None:
    """Queue the sending of a draft to every confirmed subscriber of its coalition (once: a second click or a
    retried request does nothing)."""
    from safecommunity.programs.outreach.tasks import send_newsletter_issue

    locked = NewsletterIssue.objects.select_for_update().get(pk=issue.pk)
    if locked.status != NewsletterIssue.Status.DRAFT:
        raise IssueAlreadySent
    locked.status = NewsletterIssue.Status.SENDING
    locked.send_requested_at = timezone.now()
    locked.save(update_fields=["status", "send_requested_at", "updated_at"])
    audit_record(actor=actor, action="newsletter.issue_send", target=locked)
    enqueue_on_commit(send_newsletter_issue, issue_id=locked.pk)
