"""Volunteer programmes (community ambassadors, street strolling, accompaniment), their shifts and who signed up.

A programme may require trainings: each is satisfied by a check-in at any of its sessions (events of kind
"training" of the events app). Hours are logged on the sign-up by the shift's lead or an organiser.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Programme(models.Model):
    class Kind(models.TextChoices):
        COMMUNITY_AMBASSADORS = "community_ambassadors", _("Community ambassadors")
        VOLUNTEER_STROLLING = "volunteer_strolling", _("Volunteer strolling")
        ACCOMPANIMENT = "accompaniment", _("Accompaniment")
        OTHER = "other", _("Another kind of programme")

    coalition = models.ForeignKey("accounts.Coalition", on_delete=models.PROTECT, related_name="volunteer_programmes")
    # The partner that runs it: its hours count towards that organisation's indicators.
    organisation = models.ForeignKey(
        "accounts.Organisation",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="volunteer_programmes",
    )
    kind = models.CharField(max_length=32, choices=Kind.choices)
    # Multilingual texts: {"en": "…", "vi": "…"} (see core.multilingual).
    name = models.JSONField(default=dict)
    description = models.JSONField(default=dict, blank=True)
    is_active = models.BooleanField(default=True)
    # A stable key for data loaded by a script (the demo); empty for programmes created on the pages.
    key = models.CharField(max_length=64, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["coalition__name", "kind", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["coalition", "key"], condition=~models.Q(key=""), name="volunteers_programme_unique_key"
            )
        ]

    def __str__(self) -> str:
        from safecommunity.core.multilingual import text_in

        return text_in(self.name) or f"programme {self.pk}"


class TrainingRequirement(models.Model):
    """A training a volunteer must have completed before taking a shift of the programme: a check-in at any one of
    its sessions (the same training is usually held several times)."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="training_requirements")
    name = models.JSONField(default=dict)
    sessions = models.ManyToManyField("events.Event", blank=True, related_name="volunteer_requirements")
    key = models.CharField(max_length=64, blank=True)

    class Meta:
        ordering = ["programme", "id"]

    def __str__(self) -> str:
        from safecommunity.core.multilingual import text_in

        return text_in(self.name) or f"training {self.pk}"


class Shift(models.Model):
    programme = models.ForeignKey(Programme, on_delete=models.PROTECT, related_name="shifts")
    place = models.JSONField(default=dict)
    meeting_point = models.JSONField(default=dict, blank=True)
    region = models.ForeignKey(
        "core.Region", null=True, blank=True, on_delete=models.PROTECT, related_name="volunteer_shifts"
    )
    # Stored in UTC; shown and entered in ``time_zone`` (an IANA name such as America/Los_Angeles).
    starts_at = models.DateTimeField()
    ends_at = models.DateTimeField()
    time_zone = models.CharField(max_length=64, default="America/Los_Angeles")
    size = models.PositiveIntegerField(help_text=_("How many volunteers the shift needs."))
    lead = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="shifts_led"
    )
    # Practical notes for the volunteers who signed up (what to bring, who to call…).
    notes = models.TextField(blank=True)
    key = models.CharField(max_length=64, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["starts_at", "id"]
        indexes = [models.Index(fields=["starts_at"])]
        constraints = [
            models.CheckConstraint(condition=models.Q(ends_at__gt=models.F("starts_at")), name="volunteers_shift_ends"),
            models.CheckConstraint(condition=models.Q(size__gte=1), name="volunteers_shift_size"),
        ]

    def __str__(self) -> str:
        from safecommunity.core.multilingual import text_in

        return f"{self.programme} · {text_in(self.place)} · {self.starts_at:%Y-%m-%d %H:%M}"


class ShiftSignup(models.Model):
    class Status(models.TextChoices):
        SIGNED_UP = "signed_up", _("Signed up")
        CANCELLED = "cancelled", _("Cancelled")

    shift = models.ForeignKey(Shift, on_delete=models.CASCADE, related_name="signups")
    volunteer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="shift_signups")
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.SIGNED_UP)
    created_at = models.DateTimeField(auto_now_add=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    reminder_sent_at = models.DateTimeField(null=True, blank=True)
    # Filled in by the shift's lead or an organiser after the shift: None until marked.
    attended = models.BooleanField(null=True, blank=True)
    hours = models.DecimalField(max_digits=5, decimal_places=2, null=True, blank=True)
    hours_confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    hours_confirmed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [models.UniqueConstraint(fields=["shift", "volunteer"], name="volunteers_one_signup_per_shift")]
        indexes = [models.Index(fields=["volunteer", "status"])]

    def __str__(self) -> str:
        return f"{self.shift} · {self.get_status_display()}"
