"""Newsletter subscribers, issues and take-action links for the outreach stories."""

from __future__ import annotations

from django.utils import timezone

from safecommunity.accounts.models import Coalition
from safecommunity.core.encryption import lookup_hash
from safecommunity.programs.outreach.models import ActionLink, NewsletterIssue, Subscriber
from safecommunity.programs.outreach.services import new_token


def a_subscriber(
    coalition: Coalition, email: str, *, language: str = "en", status: str = Subscriber.Status.CONFIRMED
) -> Subscriber:
    now = timezone.now()
    return Subscriber.objects.create(
        coalition=coalition,
        email=email,
        email_hash=lookup_hash(email),
        language=language,
        status=status,
        unsubscribe_token=new_token(),
        confirm_token=new_token() if status == Subscriber.Status.PENDING else "",
        confirm_sent_at=now,
        confirmed_at=now if status == Subscriber.Status.CONFIRMED else None,
    )


def an_issue(coalition: Coalition, *, subject: dict[str, str], body: dict[str, str]) -> NewsletterIssue:
    return NewsletterIssue.objects.create(coalition=coalition, subject=subject, body=body)


def an_action_link(
    coalition: Coalition, *, kind: str = ActionLink.Kind.DONATE, label: str = "Give to the victims fund", url: str = ""
) -> ActionLink:
    position = ActionLink.objects.filter(coalition=coalition).count()
    return ActionLink.objects.create(
        coalition=coalition,
        kind=kind,
        label={"en": label},
        url=url or f"https://{coalition.slug}.example.org/{kind}",
        position=position,
    )
