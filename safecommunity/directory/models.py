from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from safecommunity.accounts.models import Organisation
from safecommunity.core.models import Region


class ServiceKind(models.TextChoices):
    MENTAL_HEALTH = "mental_health", _("Mental health and counselling")
    LEGAL_AID = "legal_aid", _("Legal aid")
    VICTIM_COMPENSATION = "victim_compensation", _("Help with victim compensation")
    POLICE_LIAISON = "police_liaison", _("Police liaison")
    ESCORT = "escort", _("Escort or community ambassador")
    INTERPRETATION = "interpretation", _("Interpretation")
    MEDICAL = "medical", _("Medical care")
    FINANCIAL_AID = "financial_aid", _("Financial aid")
    HOUSING = "housing", _("Housing")
    SUPPORT_GROUP = "support_group", _("Support group")


# Which kinds of service answer each kind of help a reporter asks for (taxonomy.HELP_WANTED codes).
SERVICE_KINDS_FOR_HELP: dict[str, tuple[str, ...]] = {
    "mental_health": (ServiceKind.MENTAL_HEALTH, ServiceKind.SUPPORT_GROUP),
    "legal": (ServiceKind.LEGAL_AID, ServiceKind.POLICE_LIAISON),
    "language": (ServiceKind.INTERPRETATION,),
    "medical": (ServiceKind.MEDICAL,),
    "financial": (ServiceKind.FINANCIAL_AID, ServiceKind.VICTIM_COMPENSATION),
    "safety_planning": (ServiceKind.ESCORT, ServiceKind.POLICE_LIAISON, ServiceKind.HOUSING),
    "be_heard": (ServiceKind.SUPPORT_GROUP, ServiceKind.MENTAL_HEALTH),
}


class Service(models.Model):
    """Help a partner organisation offers: what, in which languages, where, at what cost, and how to reach it."""

    class Cost(models.TextChoices):
        FREE = "free", _("Free")
        SLIDING_SCALE = "sliding_scale", _("Sliding scale")
        LOW_COST = "low_cost", _("Low cost")
        INSURANCE = "insurance", _("Covered by insurance")

    class Capacity(models.TextChoices):
        OPEN = "open", _("Taking new people")
        LIMITED = "limited", _("Waiting list")
        FULL = "full", _("Not taking new people for now")

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="services")
    name = models.CharField(max_length=200, help_text=_("The service's own name, shown as it is."))
    kind = models.CharField(max_length=32, choices=ServiceKind.choices)
    description = models.TextField(blank=True)
    # Language codes in which the service is given, e.g. ["en", "ko", "yue"].
    languages = models.JSONField(default=list, blank=True)
    # No region means the service is open to the whole coalition's area (e.g. a phone line).
    regions = models.ManyToManyField(Region, blank=True, related_name="services")
    cost = models.CharField(max_length=16, choices=Cost.choices, default=Cost.FREE)
    eligibility = models.TextField(blank=True)
    hours = models.CharField(max_length=200, blank=True)
    phone = models.CharField(max_length=40, blank=True)
    email = models.EmailField(blank=True)
    url = models.URLField(blank=True)
    address = models.CharField(max_length=300, blank=True)
    accessibility = models.TextField(blank=True)
    # The texts above in other languages: {"ko": {"description": "...", "hours": "..."}}.
    translations = models.JSONField(default=dict, blank=True)
    capacity = models.CharField(max_length=16, choices=Capacity.choices, default=Capacity.OPEN)
    accepts_referrals = models.BooleanField(default=True)
    is_published = models.BooleanField(default=True)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def text_in(self, field: str, language: str) -> str:
        """A free-text field in the page's language when the partner wrote one, else as entered."""
        translated = self.translations.get(language, {}).get(field) if isinstance(self.translations, dict) else None
        return str(translated or getattr(self, field))


class ServiceChange(models.Model):
    """A partner's proposed new service or change to one; it is published once a coalition admin approves it."""

    class State(models.TextChoices):
        PENDING = "pending", _("Waiting for review")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Not approved")

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="service_changes")
    # Empty for a proposed new service.
    service = models.ForeignKey(Service, null=True, blank=True, on_delete=models.CASCADE, related_name="changes")
    proposed = models.JSONField(help_text=_("The service's fields as the partner wants them."))
    # What the partner tells the reviewer about the change (why the hours changed, …).
    proposer_note = models.TextField(blank=True)
    state = models.CharField(max_length=16, choices=State.choices, default=State.PENDING)
    proposed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    proposed_at = models.DateTimeField(default=timezone.now)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    review_note = models.TextField(blank=True)

    class Meta:
        ordering = ["-proposed_at"]

    def __str__(self) -> str:
        return f"Change to {self.service or 'a new service'} ({self.state})"
