"""Staying in touch: each coalition's newsletter (double opt-in, one-click unsubscribe) and its "take action" page."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import URLValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from safecommunity.core.encryption import EncryptedTextField

# Only web links: no javascript:, data:, mailto: or ftp: on a public page.
http_url = URLValidator(
    schemes=["http", "https"], message=_("Enter a web address that starts with https:// or http://.")
)


class NewsletterTopic(models.TextChoices):
    EVENTS = "events", _("Events and workshops")
    RESOURCES = "resources", _("New learning resources")
    VOLUNTEERING = "volunteering", _("Volunteering")
    CALLS = "calls", _("Funding calls and contests")
    NEWS = "news", _("News from the coalition")


class Subscriber(models.Model):
    """One e-mail address on one coalition's newsletter list. The address is stored encrypted and found by its
    keyed hash; the tokens in the links of our e-mails are the only way to act on a subscription without signing in."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for confirmation")
        CONFIRMED = "confirmed", _("Subscribed")
        UNSUBSCRIBED = "unsubscribed", _("Unsubscribed")

    coalition = models.ForeignKey("accounts.Coalition", on_delete=models.PROTECT, related_name="subscribers")
    email = EncryptedTextField()
    email_hash = models.CharField(max_length=64, db_index=True)
    language = models.CharField(max_length=16)
    topics = models.JSONField(default=list, blank=True)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.PENDING)
    # Renewed at every sign-up; cleared once used.
    confirm_token = models.CharField(max_length=64, blank=True, db_index=True)
    confirm_sent_at = models.DateTimeField(null=True, blank=True)
    # Secret and random; in every newsletter e-mail (unsubscribe, change the language).
    unsubscribe_token = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    unsubscribed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["coalition", "email_hash"], name="outreach_one_subscription_per_address")
        ]

    def __str__(self) -> str:
        return f"subscriber {self.pk}"


class NewsletterIssue(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SENDING = "sending", _("Sending")
        SENT = "sent", _("Sent")

    coalition = models.ForeignKey("accounts.Coalition", on_delete=models.PROTECT, related_name="newsletter_issues")
    # Multilingual texts: {"en": "…", "vi": "…"} (see core.multilingual); the body is plain text.
    subject = models.JSONField(default=dict)
    body = models.JSONField(default=dict)
    # An issue about one topic goes to the subscribers who chose it and to those who chose none (they want it all).
    topic = models.CharField(max_length=16, choices=NewsletterTopic.choices, blank=True)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.DRAFT)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    send_requested_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    sent_count = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"newsletter issue {self.pk}"


class IssueDelivery(models.Model):
    """One issue sent to one subscriber: a retried send skips everyone who already has a row."""

    issue = models.ForeignKey(NewsletterIssue, on_delete=models.CASCADE, related_name="deliveries")
    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="deliveries")
    language = models.CharField(max_length=16)
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["issue", "subscriber"], name="outreach_one_delivery_per_subscriber")
        ]

    def __str__(self) -> str:
        return f"delivery {self.pk}"


class TakeActionPage(models.Model):
    coalition = models.OneToOneField("accounts.Coalition", on_delete=models.CASCADE, related_name="take_action_page")
    intro = models.JSONField(default=dict, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"take-action page {self.pk}"


class ActionLink(models.Model):
    """One way to help on a coalition's take-action page, in the order the coalition chose."""

    class Kind(models.TextChoices):
        VOLUNTEER = "volunteer", _("Volunteer")
        DONATE = "donate", _("Donate")
        SHARE = "share", _("Share")
        FOLLOW = "follow", _("Follow")
        OTHER = "other", _("Other")

    coalition = models.ForeignKey("accounts.Coalition", on_delete=models.CASCADE, related_name="action_links")
    key = models.SlugField(max_length=64, blank=True, help_text=_("A stable name for the demo data."))
    kind = models.CharField(max_length=16, choices=Kind.choices)
    label = models.JSONField(default=dict)
    description = models.JSONField(default=dict, blank=True)
    url = models.CharField(max_length=500, validators=[http_url])
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return f"action link {self.pk}"
