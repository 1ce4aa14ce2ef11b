from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class RegionSet(models.Model):
    """A deployment's way of dividing its area (counties, wards, districts…)."""

    slug = models.SlugField(unique=True)
    name = models.CharField(max_length=200)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Region(models.Model):
    region_set = models.ForeignKey(RegionSet, on_delete=models.PROTECT, related_name="regions")
    slug = models.SlugField(unique=True, help_text=_("Lower-case with hyphens, e.g. el-dorado."))
    name = models.CharField(max_length=200)
    # GeoJSON geometry (Polygon or MultiPolygon, WGS84); optional, regions may exist without one.
    geometry = models.JSONField(null=True, blank=True)
    is_active = models.BooleanField(default=True)

    class Meta:
        ordering = ["region_set__name", "name"]

    def __str__(self) -> str:
        return self.name


class HelpLine(models.Model):
    """An emergency, crisis or support line shown under "Get help now" on every public page."""

    class Kind(models.TextChoices):
        EMERGENCY = "emergency", _("Emergency")
        CRISIS = "crisis", _("Crisis and suicide prevention")
        HATE_HOTLINE = "hate_hotline", _("Hate incident hotline")
        VICTIM_SERVICES = "victim_services", _("Victim services")
        LEGAL = "legal", _("Legal help")

    kind = models.CharField(max_length=32, choices=Kind.choices)
    name = models.CharField(max_length=200, help_text=_("The service's own name, shown as it is."))
    phone = models.CharField(max_length=40, blank=True)
    text_number = models.CharField(max_length=40, blank=True)
    url = models.URLField(blank=True)
    hours = models.CharField(max_length=200, blank=True)
    # The hours in other languages, e.g. {"vi": "24/7, gọi hoặc nhắn tin"}; pages in a language not listed show ``hours``.
    hours_translations = models.JSONField(default=dict, blank=True)
    # Language codes in which the line answers, e.g. ["en", "es", "zh-hans"]; empty means not stated.
    languages = models.JSONField(default=list, blank=True)
    sort_order = models.PositiveSmallIntegerField(default=100)
    is_active = models.BooleanField(default=True)

    class Meta:
        ordering = ["sort_order", "name"]

    def __str__(self) -> str:
        return self.name

    def hours_in(self, language: str) -> str:
        return str(self.hours_translations.get(language) or self.hours)

    # Numbers are isolated left-to-right so that an Arabic sentence around them does not reverse their digits.
    @property
    def phone_display(self) -> str:
        return f"\u2066{self.phone}\u2069"

    @property
    def text_number_display(self) -> str:
        return f"\u2066{self.text_number}\u2069"


class AuditEvent(models.Model):
    """Who did what to which record, when and from where. Written by ``core.audit`` only; never edited.

    Each entry carries the hash of the one before it, so that an entry changed or
    deleted later (in the database, behind the application's back) breaks the chain
    and ``manage.py verify_audit_chain`` names where.
    """

    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    # Kept as text too: the chain must still verify after the actor's account is deleted.
    actor_label = models.CharField(max_length=150, blank=True)
    action = models.CharField(max_length=64, db_index=True)
    target_type = models.CharField(max_length=64)
    target_id = models.CharField(max_length=64)
    # Codes and identifiers only: never personal data.
    details = models.JSONField(default=dict, blank=True)
    ip_address = models.GenericIPAddressField(null=True, blank=True)
    previous_hash = models.CharField(max_length=64, blank=True)
    entry_hash = models.CharField(max_length=64, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["target_type", "target_id"])]

    def __str__(self) -> str:
        return f"{self.action} {self.target_type}:{self.target_id}"


class RateLimitCounter(models.Model):
    """Attempts of one client at one action in one time window (see ``core.ratelimits``)."""

    bucket = models.CharField(max_length=200)
    window_start = models.BigIntegerField()
    hits = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["bucket", "window_start"], name="ratelimit_bucket_window")]

    def __str__(self) -> str:
        return f"{self.bucket} @ {self.window_start}: {self.hits}"
