"""Policy briefs: a selection of reports written up for a language and an audience, with its figures kept.

A brief stores its inputs (regions, period, narrowing, language, audience) and a
snapshot of the figures computed from them (``figures``, see
``insights.services_briefs``), so a published brief says the same thing tomorrow
even after reports change; "regenerate" recomputes the snapshot from the same
inputs. Public briefs hold published (suppressed) figures only; internal briefs
hold exact counts and are never published.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Brief(models.Model):
    class Audience(models.TextChoices):
        PUBLIC = "public", _("Public: small numbers are hidden, and it may be published")
        INTERNAL = "internal", _("Internal: exact counts, for the coalition's staff only")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    title = models.CharField(max_length=200, blank=True, help_text=_("Left empty, a title is made from the inputs."))
    # The inputs: what "regenerate" computes again.
    regions = models.JSONField(default=list, blank=True)  # region slugs, or "online"
    date_from = models.DateField()
    date_to = models.DateField()
    bias_motivation = models.CharField(max_length=40, blank=True)
    incident_type = models.CharField(max_length=40, blank=True)
    language = models.CharField(max_length=16)
    audience = models.CharField(max_length=16, choices=Audience.choices, default=Audience.PUBLIC)

    status = models.CharField(max_length=16, choices=Status.choices, default=Status.DRAFT)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    computed_at = models.DateTimeField(default=timezone.now)
    published_at = models.DateTimeField(null=True, blank=True)
    # The figures as computed at ``computed_at`` (codes and numbers only; labels are translated when shown).
    figures = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["status", "published_at"], name="insights_brief_published")]

    def __str__(self) -> str:
        return self.title or str(self.public_id)

    @property
    def is_public(self) -> bool:
        return self.audience == self.Audience.PUBLIC

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED
