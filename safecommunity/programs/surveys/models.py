"""Surveys a coalition runs: needs assessments, pre/post workshop evaluations, safety surveys, event feedback.

Question and option texts are multilingual (``{"en": "…", "vi": "…"}``, see core.multilingual). Answers are
stored as codes and numbers, except free text, which may identify someone and is encrypted. Nothing here knows
who a respondent is: one-per-person surveys keep a keyed hash (of an e-mail address, an account or a browser
token); identified surveys keep the name and e-mail encrypted.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from safecommunity.core.encryption import EncryptedTextField


class Survey(models.Model):
    class Kind(models.TextChoices):
        GENERAL = "general", _("General survey")
        NEEDS_ASSESSMENT = "needs_assessment", _("Needs assessment")
        PRE_POST = "pre_post", _("Before and after evaluation")
        PUBLIC_SAFETY = "public_safety", _("Community safety survey")
        EVENT_FEEDBACK = "event_feedback", _("Event feedback")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        OPEN = "open", _("Open for answers")
        CLOSED = "closed", _("Closed")

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    slug = models.SlugField(max_length=80, unique=True)
    coalition = models.ForeignKey("accounts.Coalition", on_delete=models.PROTECT, related_name="surveys")
    organisation = models.ForeignKey(
        "accounts.Organisation", null=True, blank=True, on_delete=models.PROTECT, related_name="surveys"
    )
    kind = models.CharField(max_length=24, choices=Kind.choices, default=Kind.GENERAL)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.DRAFT)
    title = models.JSONField(default=dict)
    intro = models.JSONField(default=dict, blank=True)
    thanks = models.JSONField(default=dict, blank=True)
    # Identified surveys ask for a name and an e-mail address (kept encrypted); anonymous ones never do.
    anonymous = models.BooleanField(default=True)
    one_response_per_person = models.BooleanField(default=False)
    # Feedback on this event, or the workshop a before-and-after evaluation is about.
    event = models.ForeignKey("events.Event", null=True, blank=True, on_delete=models.SET_NULL, related_name="surveys")
    template = models.CharField(max_length=40, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    opened_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "id"]

    def __str__(self) -> str:
        from safecommunity.core.multilingual import text_in

        return text_in(self.title) or self.slug

    @property
    def is_pre_post(self) -> bool:
        return self.kind == self.Kind.PRE_POST


class Question(models.Model):
    class Kind(models.TextChoices):
        SINGLE_CHOICE = "single_choice", _("One answer from a list")
        MULTIPLE_CHOICE = "multiple_choice", _("Several answers from a list")
        SCALE = "scale", _("A scale")
        TEXT = "text", _("Free text")
        MATRIX = "matrix", _("A grid: several statements on the same scale")

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="questions")
    # A stable key for exports and conditions; never shown to respondents.
    code = models.SlugField(max_length=40)
    order = models.PositiveIntegerField(default=0)
    kind = models.CharField(max_length=24, choices=Kind.choices)
    text = models.JSONField(default=dict)
    help = models.JSONField(default=dict, blank=True)
    required = models.BooleanField(default=False)
    # Scales and grids: the points from ``scale_min`` to ``scale_max`` with words at either end.
    scale_min = models.SmallIntegerField(default=1)
    scale_max = models.SmallIntegerField(default=5)
    scale_min_label = models.JSONField(default=dict, blank=True)
    scale_max_label = models.JSONField(default=dict, blank=True)
    # Shown only to people whose answer to an earlier choice question is one of ``condition_options``.
    condition_question = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="dependent_questions"
    )
    condition_options = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["order", "id"]
        constraints = [models.UniqueConstraint(fields=["survey", "code"], name="surveys_question_code_unique")]

    def __str__(self) -> str:
        from safecommunity.core.multilingual import text_in

        return text_in(self.text) or self.code

    @property
    def has_options(self) -> bool:
        return self.kind in {self.Kind.SINGLE_CHOICE, self.Kind.MULTIPLE_CHOICE, self.Kind.MATRIX}

    @property
    def is_choice(self) -> bool:
        return self.kind in {self.Kind.SINGLE_CHOICE, self.Kind.MULTIPLE_CHOICE}

    @property
    def is_scaled(self) -> bool:
        return self.kind in {self.Kind.SCALE, self.Kind.MATRIX}


class Option(models.Model):
    """An answer of a choice question, or a row (statement) of a grid."""

    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="options")
    code = models.SlugField(max_length=40)
    order = models.PositiveIntegerField(default=0)
    label = models.JSONField(default=dict)

    class Meta:
        ordering = ["order", "id"]
        constraints = [models.UniqueConstraint(fields=["question", "code"], name="surveys_option_code_unique")]

    def __str__(self) -> str:
        from safecommunity.core.multilingual import text_in

        return text_in(self.label) or self.code


class Response(models.Model):
    class Phase(models.TextChoices):
        NONE = "", _("Not applicable")
        PRE = "pre", _("Before")
        POST = "post", _("After")

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="responses")
    language = models.CharField(max_length=16, default="en")
    phase = models.CharField(max_length=8, choices=Phase.choices, blank=True, default="")
    # A keyed hash (core.encryption.lookup_hash) of the code that pairs someone's "before" and "after" answers.
    pairing_hash = models.CharField(max_length=64, blank=True, db_index=True)
    # A keyed hash of who answered (e-mail, account or browser token): one response per person where required.
    respondent_hash = models.CharField(max_length=64, blank=True)
    # Identified surveys only.
    name = EncryptedTextField(blank=True)
    email = EncryptedTextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["survey", "phase", "language"])]
        constraints = [
            models.UniqueConstraint(
                fields=["survey", "phase", "respondent_hash"],
                condition=~Q(respondent_hash=""),
                name="surveys_one_response_per_person",
            )
        ]

    def __str__(self) -> str:
        return f"{self.survey} · {self.created_at:%Y-%m-%d}"


class Answer(models.Model):
    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="answers")
    option_codes = models.JSONField(default=list, blank=True)
    number = models.SmallIntegerField(null=True, blank=True)
    # Free text may name or describe someone: encrypted, shown only to the owning coalition's organisers.
    text = EncryptedTextField(blank=True)
    # Grids: row (option) code → the point of the scale chosen.
    matrix = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["id"]
        constraints = [models.UniqueConstraint(fields=["response", "question"], name="surveys_one_answer_per_question")]

    def __str__(self) -> str:
        return f"{self.question.code}"
