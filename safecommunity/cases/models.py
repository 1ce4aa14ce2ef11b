from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from safecommunity.accounts.models import Organisation
from safecommunity.core.encryption import EncryptedTextField
from safecommunity.directory.models import Service
from safecommunity.reports.models import Report


class Case(models.Model):
    """Support for one survivor, opened from one or more reports and run by one partner organisation."""

    class Status(models.TextChoices):
        NEW = "new", _("New")
        IN_CONTACT = "in_contact", _("In contact")
        IN_SUPPORT = "in_support", _("In support")
        REFERRED = "referred", _("Referred")
        FOLLOW_UP = "follow_up", _("Follow-up")
        CLOSED = "closed", _("Closed")

    class Outcome(models.TextChoices):
        SUPPORTED = "supported", _("Support given and needs met")
        REFERRED_ON = "referred_on", _("Referred to a service that took over")
        DECLINED = "declined", _("The survivor declined support")
        UNREACHABLE = "unreachable", _("The survivor could not be reached")
        WITHDRAWN = "withdrawn", _("The survivor withdrew")
        OTHER = "other", _("Another outcome")

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="cases")
    caseworker = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="cases"
    )
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.NEW, db_index=True)
    outcome = models.CharField(max_length=16, choices=Outcome.choices, blank=True)
    opened_at = models.DateTimeField(default=timezone.now)
    opened_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    closed_at = models.DateTimeField(null=True, blank=True)

    preferred_language = models.CharField(max_length=16, blank=True)
    interpreter_needed = models.BooleanField(default=False)

    # The survivor's current consent; every change is kept in ConsentRecord with when and how it was given.
    consent_contact = models.BooleanField(default=False)
    consent_share = models.BooleanField(default=False)
    consent_statistics = models.BooleanField(default=False)

    # Service standards: when the first contact and the next follow-up are due.
    first_contact_due_at = models.DateTimeField(null=True, blank=True)
    first_contact_at = models.DateTimeField(null=True, blank=True)
    next_follow_up_on = models.DateField(null=True, blank=True)

    safety_plan = EncryptedTextField(blank=True)
    personal_data_erased_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-opened_at"]

    def __str__(self) -> str:
        return f"Case {self.reference}"

    @property
    def reference(self) -> str:
        return self.public_id.hex[:8].upper()

    @property
    def is_closed(self) -> bool:
        return self.status == self.Status.CLOSED


class CaseReport(models.Model):
    """A report a case was opened from; a report belongs to one case at most."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="case_reports")
    report = models.OneToOneField(Report, on_delete=models.PROTECT, related_name="+")

    def __str__(self) -> str:
        return f"{self.case} ← {self.report}"


class ConsentRecord(models.Model):
    class Kind(models.TextChoices):
        CONTACT = "contact", _("Contact the survivor")
        SHARE = "share", _("Share with partner organisations")
        STATISTICS = "statistics", _("Use in anonymised statistics")

    class How(models.TextChoices):
        ONLINE_FORM = "online_form", _("On the online form")
        VERBAL_PHONE = "verbal_phone", _("Verbally, by phone")
        VERBAL_IN_PERSON = "verbal_in_person", _("Verbally, in person")
        WRITTEN = "written", _("In writing")
        INTERPRETER = "interpreter", _("Through an interpreter")
        MESSAGE = "message", _("In a message through the follow-up page")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="consents")
    kind = models.CharField(max_length=16, choices=Kind.choices)
    given = models.BooleanField()
    how = models.CharField(max_length=24, choices=How.choices)
    recorded_at = models.DateTimeField(default=timezone.now)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["-recorded_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.kind}={self.given} ({self.how})"


class NeedsAssessment(models.Model):
    """A structured assessment; the latest one is the case's current picture."""

    class Domain(models.TextChoices):
        SAFETY = "safety", _("Safety")
        MENTAL_HEALTH = "mental_health", _("Mental health")
        LEGAL = "legal", _("Legal")
        MEDICAL = "medical", _("Medical")
        FINANCIAL = "financial", _("Financial")
        HOUSING = "housing", _("Housing")
        LANGUAGE = "language", _("Language")
        PRACTICAL = "practical", _("Practical")

    class Level(models.TextChoices):
        NONE = "none", _("No need")
        SOME = "some", _("Some need")
        URGENT = "urgent", _("Urgent need")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="assessments")
    assessed_at = models.DateTimeField(default=timezone.now)
    assessed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    # {domain: level} for every Domain.
    levels = models.JSONField(default=dict)
    notes = EncryptedTextField(blank=True)

    class Meta:
        ordering = ["-assessed_at", "-pk"]

    def __str__(self) -> str:
        return f"Assessment of {self.case}"


class CaseNote(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="notes")
    created_at = models.DateTimeField(default=timezone.now)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    text = EncryptedTextField()

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"Note on {self.case}"


class CaseTask(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="tasks")
    title = models.CharField(max_length=200)
    due_on = models.DateField()
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="case_tasks"
    )
    created_at = models.DateTimeField(default=timezone.now)
    done_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["due_on", "pk"]

    def __str__(self) -> str:
        return self.title


class ContactLogEntry(models.Model):
    class Method(models.TextChoices):
        CALL = "call", _("Phone call")
        TEXT = "text", _("Text message")
        EMAIL = "email", _("Email")
        MEETING = "meeting", _("Meeting")
        MESSAGE = "message", _("Message through the follow-up page")

    class Result(models.TextChoices):
        REACHED = "reached", _("Reached the survivor")
        NO_ANSWER = "no_answer", _("No answer")
        LEFT_MESSAGE = "left_message", _("Left a message")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="contacts")
    method = models.CharField(max_length=16, choices=Method.choices)
    result = models.CharField(max_length=16, choices=Result.choices)
    contacted_at = models.DateTimeField(default=timezone.now)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    interpreter_language = models.CharField(max_length=16, blank=True)
    note = EncryptedTextField(blank=True)

    class Meta:
        ordering = ["-contacted_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.method} {self.result}"


class Referral(models.Model):
    """A case referred to a partner's service; the receiving organisation sees only what was shared."""

    class State(models.TextChoices):
        SENT = "sent", _("Sent")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")
        COMPLETED = "completed", _("Completed")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="referrals")
    service = models.ForeignKey(Service, on_delete=models.PROTECT, related_name="referrals")
    # Denormalised: the receiving organisation's staff query by it.
    to_organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="referrals_received")
    state = models.CharField(max_length=16, choices=State.choices, default=State.SENT, db_index=True)
    # The names of what was shared (e.g. ["contact_name", "contact_phone", "needs"]) and, frozen at sending, the text.
    shared_fields = models.JSONField(default=list)
    shared_summary = EncryptedTextField(blank=True)
    # Why the system suggested this service (codes), kept for evaluation.
    match_reasons = models.JSONField(default=list, blank=True)
    decline_reason = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    responded_at = models.DateTimeField(null=True, blank=True)
    responded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    completed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.case} → {self.service}"


class CaseTransfer(models.Model):
    """The case moved to another organisation, with the survivor's recorded consent to share."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="transfers")
    from_organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    to_organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    consent = models.ForeignKey(ConsentRecord, on_delete=models.PROTECT, related_name="+")
    transferred_at = models.DateTimeField(default=timezone.now)
    transferred_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")

    def __str__(self) -> str:
        return f"{self.case}: {self.from_organisation} → {self.to_organisation}"
