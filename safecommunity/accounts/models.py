from __future__ import annotations

from typing import Any

from django.contrib.auth.models import AbstractUser
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from safecommunity.core.roles import Role, role_of


class Coalition(models.Model):
    """The partner organisations of one city or region. A deployment may serve several (a network of cities),
    each with its own regions, organisations, programmes and branding."""

    slug = models.SlugField(unique=True)
    name = models.CharField(max_length=200)
    # The regions (counties, wards…) the coalition serves; its reports are those placed in them.
    region_set = models.ForeignKey(
        "core.RegionSet", null=True, blank=True, on_delete=models.SET_NULL, related_name="coalitions"
    )
    # Branding shown on the coalition's public programme pages.
    tagline = models.JSONField(default=dict, blank=True, help_text=_('The tagline in each language: {"en": "…"}.'))
    accent_colour = models.CharField(
        max_length=7,
        default="#1f5f8b",
        validators=[RegexValidator(r"^#[0-9a-fA-F]{6}$", _("Enter a colour as # followed by six hexadecimal digits."))],
    )
    website = models.URLField(blank=True)
    # Events are entered and shown in the coalition's time zone unless an event says otherwise.
    time_zone = models.CharField(max_length=64, default="America/Los_Angeles")
    default_language = models.CharField(max_length=16, default="en")

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Organisation(models.Model):
    """A coalition partner: a community organisation, a mental-health or legal service, victim services…"""

    class Kind(models.TextChoices):
        COMMUNITY = "community", _("Community organisation")
        MENTAL_HEALTH = "mental_health", _("Mental health service")
        LEGAL_AID = "legal_aid", _("Legal aid")
        VICTIM_SERVICES = "victim_services", _("Victim services")
        POLICE_LIAISON = "police_liaison", _("Police liaison")
        FAITH = "faith", _("Faith organisation")
        SCHOOL = "school", _("School or university")
        MEDIA = "media", _("Media")
        HEALTH = "health", _("Health service")
        GOVERNMENT = "government", _("Government agency")
        OTHER = "other", _("Another kind of organisation")

    coalition = models.ForeignKey(Coalition, on_delete=models.PROTECT, related_name="organisations")
    slug = models.SlugField(unique=True)
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=24, choices=Kind.choices)
    # Where referrals and notices for the organisation go.
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=40, blank=True)
    website = models.URLField(blank=True)
    is_active = models.BooleanField(default=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class User(AbstractUser):
    """A staff member or volunteer of a coalition partner. The public never has accounts."""

    preferred_language = models.CharField(max_length=16, blank=True)
    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.PROTECT, related_name="members"
    )
    role = models.CharField(max_length=24, choices=Role.choices, blank=True)

    class Meta:
        ordering = ["username"]

    # Roles, not Django permissions, decide who may do what (see core.roles). In the Django admin, which only
    # coalition administrators may open, each ModelAdmin narrows what they may change.
    def has_perm(self, perm: str, obj: Any = None) -> bool:
        return self.is_active and role_of(self) == Role.COALITION_ADMIN

    def has_module_perms(self, app_label: str) -> bool:
        return self.is_active and role_of(self) == Role.COALITION_ADMIN
