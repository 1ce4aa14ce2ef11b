"""Events a coalition runs (webinars, workshops, trainings, town halls…) and the people registered for them."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from safecommunity.core.encryption import EncryptedTextField


class Event(models.Model):
    class Kind(models.TextChoices):
        WEBINAR = "webinar", _("Webinar")
        WORKSHOP = "workshop", _("Workshop")
        TRAINING = "training", _("Training")
        TOWN_HALL = "town_hall", _("Town hall")
        OFFICE_HOURS = "office_hours", _("Office hours")
        SHOWCASE = "showcase", _("Showcase")
        COMMUNITY_EVENT = "community_event", _("Community event")

    class Format(models.TextChoices):
        ONLINE = "online", _("Online")
        IN_PERSON = "in_person", _("In person")
        HYBRID = "hybrid", _("In person and online")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")
        CANCELLED = "cancelled", _("Cancelled")

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    # The event's public address (events/<slug>/), made once from its first title and never changed afterwards.
    slug = models.SlugField(max_length=100, blank=True)
    coalition = models.ForeignKey("accounts.Coalition", on_delete=models.PROTECT, related_name="events")
    # The partner that runs it (counts towards that organisation's indicators) and the others taking part.
    organisation = models.ForeignKey(
        "accounts.Organisation", null=True, blank=True, on_delete=models.PROTECT, related_name="events"
    )
    partners = models.ManyToManyField("accounts.Organisation", blank=True, related_name="partner_events")
    kind = models.CharField(max_length=24, choices=Kind.choices)
    format = models.CharField(max_length=16, choices=Format.choices)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.DRAFT)
    # Multilingual texts: {"en": "…", "vi": "…"} (see core.multilingual).
    title = models.JSONField(default=dict)
    description = models.JSONField(default=dict, blank=True)
    # [{"name": "…", "role": {"en": "…"}, "organisation": "…"}]
    speakers = models.JSONField(default=list, blank=True)
    # Languages the event is held in or interpreted into.
    languages = models.JSONField(default=list, blank=True)
    region = models.ForeignKey("core.Region", null=True, blank=True, on_delete=models.PROTECT, related_name="events")
    venue = models.CharField(max_length=200, blank=True)
    address = models.CharField(max_length=300, blank=True)
    online_url = models.URLField(blank=True, help_text=_("Sent to registered people only."))
    # Stored in UTC; shown and entered in ``time_zone`` (an IANA name such as America/Los_Angeles).
    starts_at = models.DateTimeField()
    ends_at = models.DateTimeField()
    time_zone = models.CharField(max_length=64, default="America/Los_Angeles")
    capacity = models.PositiveIntegerField(null=True, blank=True, help_text=_("Leave empty for no limit."))
    allow_anonymous_registration = models.BooleanField(
        default=False, help_text=_("People may register without giving their name.")
    )
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    published_at = models.DateTimeField(null=True, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["starts_at"]
        indexes = [models.Index(fields=["status", "starts_at"])]
        constraints = [
            models.UniqueConstraint(fields=["slug"], condition=~models.Q(slug=""), name="events_event_unique_slug")
        ]

    def __str__(self) -> str:
        from safecommunity.core.multilingual import text_in

        return text_in(self.title) or str(self.public_id)


class Registration(models.Model):
    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("Confirmed")
        WAITLISTED = "waitlisted", _("On the wait list")
        CANCELLED = "cancelled", _("Cancelled")

    # In links sent by e-mail (calendar file, cancellation); knowing it is what lets someone act on the registration.
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="registrations")
    status = models.CharField(max_length=16, choices=Status.choices)
    # A signed-in volunteer or staff member; the public registers without an account.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="registrations"
    )
    name = EncryptedTextField(blank=True)
    email = EncryptedTextField(blank=True)
    # core.encryption.lookup_hash of the e-mail address: one registration per person, trainings completed.
    email_hash = models.CharField(max_length=64, blank=True, db_index=True)
    language = models.CharField(max_length=16, default="en")
    access_needs = EncryptedTextField(blank=True)
    interpretation_language = models.CharField(max_length=16, blank=True)
    checked_in_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    promoted_at = models.DateTimeField(null=True, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    reminder_sent_at = models.DateTimeField(null=True, blank=True)
    feedback_sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["event", "status", "created_at"])]
        constraints = [
            # One registration per e-mail address and event (a cancelled one is reopened, not duplicated).
            models.UniqueConstraint(
                fields=["event", "email_hash"],
                condition=~models.Q(email_hash=""),
                name="events_registration_one_per_email",
            )
        ]

    def __str__(self) -> str:
        return f"{self.event} · {self.get_status_display()}"
