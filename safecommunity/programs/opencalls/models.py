"""Open calls: calls for proposals and essay contests, the applications sent to them, their review and decisions.

Applicants' contact details, answers and files are personal data: stored encrypted, shown to the organisers of
the call's coalition only (every view recorded in the audit trail). Reviewers see the organisation's name, the
answers and the files, never the contact details, and only after declaring that they have no conflict of interest.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from safecommunity.core.encryption import EncryptedTextField


class Call(models.Model):
    class Kind(models.TextChoices):
        FUNDING = "funding", _("Funding for community organisations")
        ESSAY_CONTEST = "essay_contest", _("Essay contest")
        OTHER = "other", _("Another kind of call")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        OPEN = "open", _("Open")
        CLOSED = "closed", _("Closed")
        DECIDED = "decided", _("Decided")

    class FileType(models.TextChoices):
        PDF = "pdf", _("PDF documents")
        DOCX = "docx", _("Word documents (DOCX)")
        IMAGE = "image", _("Images (JPEG, PNG, WebP)")

    coalition = models.ForeignKey("accounts.Coalition", on_delete=models.PROTECT, related_name="calls")
    slug = models.SlugField(unique=True)
    kind = models.CharField(max_length=24, choices=Kind.choices)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.DRAFT)
    # Multilingual texts: {"en": "…", "vi": "…"} (see core.multilingual).
    title = models.JSONField(default=dict)
    summary = models.JSONField(default=dict, blank=True)
    criteria = models.JSONField(default=dict, blank=True, help_text=_("How applications are judged, in words."))
    eligibility = models.JSONField(default=dict, blank=True)
    amount = models.JSONField(default=dict, blank=True, help_text=_("The amount of funding or the prize, in words."))
    # Stored in UTC; shown and entered in ``time_zone``. No application is accepted from ``deadline`` on.
    opens_at = models.DateTimeField()
    deadline = models.DateTimeField()
    time_zone = models.CharField(max_length=64, default="America/Los_Angeles")
    allowed_file_types = models.JSONField(default=list, blank=True)
    max_file_mb = models.PositiveSmallIntegerField(default=10)
    max_files = models.PositiveSmallIntegerField(default=5)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["deadline"]
        indexes = [models.Index(fields=["status", "deadline"])]

    def __str__(self) -> str:
        from safecommunity.core.multilingual import text_in

        return text_in(self.title) or self.slug


class Question(models.Model):
    """A question of the application form, asked in the visitor's language; answered in any language."""

    class Kind(models.TextChoices):
        TEXT = "text", _("A short answer")
        LONG_TEXT = "long_text", _("A long answer")

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="questions")
    position = models.PositiveSmallIntegerField(default=0)
    text = models.JSONField(default=dict)
    help_text = models.JSONField(default=dict, blank=True)
    kind = models.CharField(max_length=16, choices=Kind.choices, default=Kind.LONG_TEXT)
    required = models.BooleanField(default=True)

    class Meta:
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        from safecommunity.core.multilingual import text_in

        return text_in(self.text)


class Criterion(models.Model):
    """One line of the scoring rubric."""

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="rubric")
    position = models.PositiveSmallIntegerField(default=0)
    name = models.JSONField(default=dict)
    description = models.JSONField(default=dict, blank=True)
    weight = models.DecimalField(max_digits=5, decimal_places=2, default=1)
    max_score = models.PositiveSmallIntegerField(default=5)

    class Meta:
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        from safecommunity.core.multilingual import text_in

        return text_in(self.name)


class Application(models.Model):
    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("Submitted")
        WITHDRAWN = "withdrawn", _("Withdrawn")
        SHORTLISTED = "shortlisted", _("Shortlisted")
        AWARDED = "awarded", _("Awarded")
        DECLINED = "declined", _("Declined")

    call = models.ForeignKey(Call, on_delete=models.PROTECT, related_name="applications")
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    # The applying organisation (or, for an essay contest, the entrant's school or group) is shown to reviewers.
    organisation_name = models.CharField(max_length=200)
    contact_name = EncryptedTextField()
    contact_email = EncryptedTextField()
    contact_phone = EncryptedTextField(blank=True)
    language = models.CharField(max_length=16)
    # {"<question id>": "answer", …} as JSON, encrypted.
    answers = EncryptedTextField(blank=True)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.SUBMITTED)
    submitted_at = models.DateTimeField()
    # The code e-mailed to the applicant: encrypted for the e-mail task, a keyed hash to find the application by it.
    receipt_code = EncryptedTextField(blank=True)
    receipt_hash = models.CharField(max_length=64, unique=True)
    receipt_sent_at = models.DateTimeField(null=True, blank=True)
    withdrawn_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["submitted_at"]

    def __str__(self) -> str:
        return self.organisation_name


class Attachment(models.Model):
    """A file sent with an application: checked by its content, cleaned, and stored encrypted in the database."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="attachments")
    filename = models.CharField(max_length=200)
    kind = models.CharField(max_length=16, choices=Call.FileType.choices)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    encrypted_content = models.BinaryField()

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.filename


class ReviewerAssignment(models.Model):
    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="assignments")
    reviewer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="call_assignments")
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    assigned_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["assigned_at"]
        constraints = [models.UniqueConstraint(fields=["call", "reviewer"], name="opencalls_one_assignment")]

    def __str__(self) -> str:
        return f"{self.reviewer_id} reviews {self.call_id}"


class ConflictDeclaration(models.Model):
    """A reviewer's declaration about one application, made before its content is shown. A declared conflict is
    final: the reviewer may not score the application, and any score they gave before no longer counts."""

    assignment = models.ForeignKey(ReviewerAssignment, on_delete=models.CASCADE, related_name="declarations")
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="declarations")
    has_conflict = models.BooleanField()
    declared_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["assignment", "application"], name="opencalls_one_declaration"),
        ]

    def __str__(self) -> str:
        return f"{self.assignment_id} on {self.application_id}: {'conflict' if self.has_conflict else 'no conflict'}"


class Score(models.Model):
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="scores")
    reviewer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="call_scores")
    criterion = models.ForeignKey(Criterion, on_delete=models.CASCADE, related_name="scores")
    score = models.PositiveSmallIntegerField()
    comment = models.TextField(blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["application", "reviewer", "criterion"], name="opencalls_one_score"),
        ]

    def __str__(self) -> str:
        return f"{self.application_id}/{self.criterion_id}: {self.score}"


class Decision(models.Model):
    class Outcome(models.TextChoices):
        AWARD = "award", _("Award")
        DECLINE = "decline", _("Decline")

    application = models.OneToOneField(Application, on_delete=models.CASCADE, related_name="decision")
    outcome = models.CharField(max_length=16, choices=Outcome.choices)
    message = models.TextField(blank=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    decided_at = models.DateTimeField()
    email_sent_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.application_id}: {self.outcome}"
