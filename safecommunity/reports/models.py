from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from safecommunity.core import taxonomy
from safecommunity.core.encryption import EncryptedTextField
from safecommunity.core.models import Region


class Report(models.Model):
    """One account of an incident, as the reporter (or staff on their behalf) gave it.

    Coded fields (taxonomy codes, region, dates) are plain so statistics can use
    them; everything that could identify someone is an ``EncryptedTextField``.
    """

    class Verification(models.TextChoices):
        UNVERIFIED = "unverified", _("Not yet verified")
        VERIFIED = "verified", _("Verified")
        NEEDS_INFO = "needs_info", _("Needs more information")
        SPAM = "spam", _("Spam")
        DUPLICATE = "duplicate", _("Duplicate")

    class DatePrecision(models.TextChoices):
        DAY = "day", _("Exact day")
        MONTH = "month", _("Month only")

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    receipt_hash = models.CharField(max_length=64, unique=True, null=True, blank=True, editable=False)
    # Lets a browser's resubmission of the same form be recognised instead of stored twice.
    submission_key = models.UUIDField(unique=True, null=True, blank=True, editable=False)
    status = models.CharField(max_length=16, choices=taxonomy.REPORT_STATUSES.choices, default="received")
    submitted_at = models.DateTimeField(auto_now_add=True, db_index=True)
    # Indexed: other parts of the product (statistics, exports) look for reports changed since a moment.
    updated_at = models.DateTimeField(auto_now=True, db_index=True)

    channel = models.CharField(max_length=16, choices=taxonomy.CHANNELS.choices, default="web")
    interpreter_language = models.CharField(max_length=16, blank=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    source = models.CharField(max_length=100, blank=True, help_text=_("Where an imported report came from."))
    external_id = models.CharField(max_length=100, blank=True)
    language = models.CharField(max_length=16, blank=True, help_text=_("The language the reporter used the site in."))

    reporter_role = models.CharField(max_length=24, choices=taxonomy.REPORTER_ROLES.choices, blank=True)
    occurred_on = models.DateField(db_index=True)
    occurred_precision = models.CharField(max_length=8, choices=DatePrecision.choices, default=DatePrecision.DAY)
    time_of_day = models.CharField(max_length=16, choices=taxonomy.TIMES_OF_DAY.choices, blank=True)
    region = models.ForeignKey(Region, null=True, blank=True, on_delete=models.PROTECT, related_name="reports")
    location_type = models.CharField(max_length=24, choices=taxonomy.LOCATION_TYPES.choices, blank=True)
    place = EncryptedTextField(blank=True, help_text=_("Address or place name."))

    incident_types = models.JSONField(default=list, blank=True)
    bias_motivations = models.JSONField(default=list, blank=True)
    targeted_ethnicities = models.JSONField(default=list, blank=True)
    age_group = models.CharField(max_length=16, choices=taxonomy.AGE_GROUPS.choices, blank=True)
    gender = models.CharField(max_length=24, choices=taxonomy.GENDERS.choices, blank=True)

    description = EncryptedTextField(blank=True)
    description_language = models.CharField(max_length=16, blank=True)

    reported_to_police = models.CharField(max_length=8, choices=taxonomy.POLICE_REPORTED.choices, blank=True)
    police_report_number = EncryptedTextField(blank=True)

    help_wanted = models.JSONField(default=list, blank=True)
    may_contact = models.BooleanField(default=False)
    contact_methods = models.JSONField(default=list, blank=True)
    contact_language = models.CharField(max_length=16, blank=True)
    contact_name = EncryptedTextField(blank=True)
    contact_email = EncryptedTextField(blank=True)
    contact_phone = EncryptedTextField(blank=True)

    consent_statistics = models.BooleanField(default=False)

    # Triage: set by intake coordinators; flags are raised at submission and explained on the triage screen.
    verification = models.CharField(max_length=16, choices=Verification.choices, default=Verification.UNVERIFIED)
    urgency_flags = models.JSONField(default=list, blank=True)
    # A merged duplicate points at the report that stands for the incident; statistics count that one only.
    merged_into = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="merged_reports"
    )
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    # When contact details, description, address and attachments were erased (on request or after retention).
    personal_data_erased_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-submitted_at"]
        permissions = [("view_personal_data", "Can see reporters' contact details, descriptions and addresses")]
        constraints = [
            models.UniqueConstraint(
                fields=["source", "external_id"],
                condition=~models.Q(external_id=""),
                name="report_unique_source_external_id",
            )
        ]

    def __str__(self) -> str:
        return f"Report {self.reference}"

    @property
    def reference(self) -> str:
        """A short, non-secret reference staff can say aloud (not the receipt code)."""
        return self.public_id.hex[:8].upper()

    @property
    def is_online(self) -> bool:
        return self.location_type == "online"


class ReportUpdate(models.Model):
    """Information a reporter added later through the follow-up page."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="updates")
    created_at = models.DateTimeField(auto_now_add=True)
    text = EncryptedTextField()
    text_language = models.CharField(max_length=16, blank=True)

    class Meta:
        ordering = ["created_at"]

    def __str__(self) -> str:
        return f"Update to {self.report}"


class Attachment(models.Model):
    """A photo or PDF, cleaned of metadata and stored encrypted outside any public URL."""

    class Kind(models.TextChoices):
        IMAGE = "image", _("Photo")
        PDF = "pdf", _("PDF document")

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="attachments")
    update = models.ForeignKey(
        ReportUpdate, null=True, blank=True, on_delete=models.CASCADE, related_name="attachments"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    kind = models.CharField(max_length=8, choices=Kind.choices)
    content_type = models.CharField(max_length=64)
    size = models.PositiveIntegerField()
    # Of the cleaned content: the same photo sent twice has the same hash.
    sha256 = models.CharField(max_length=64, db_index=True)
    storage_name = models.CharField(max_length=200, unique=True)

    class Meta:
        ordering = ["created_at"]

    def __str__(self) -> str:
        return f"{self.kind} {self.sha256[:12]}"


class ReportLink(models.Model):
    """Two reports a coordinator judged related (not the same incident), or judged not to be duplicates,
    so they are no longer suggested as such."""

    class Kind(models.TextChoices):
        RELATED = "related", _("Related incident")
        NOT_DUPLICATE = "not_duplicate", _("Not the same incident")

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="links_from")
    other = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="links_to")
    kind = models.CharField(max_length=16, choices=Kind.choices)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["report", "other", "kind"], name="report_link_unique")]

    def __str__(self) -> str:
        return f"{self.report} {self.kind} {self.other}"


class Reply(models.Model):
    """A message from staff to the reporter, read on the follow-up page with the receipt code."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="replies")
    created_at = models.DateTimeField(auto_now_add=True)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    text = EncryptedTextField()
    language = models.CharField(max_length=16, blank=True)
    notified_at = models.DateTimeField(null=True, blank=True)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at"]
        verbose_name_plural = "replies"

    def __str__(self) -> str:
        return f"Reply to {self.report}"
