"""Projects of the network's coalitions, their milestones and computed indicators, and good practices shared between cities.

An indicator of a project is never typed: it names a code of the indicator registry
(``safecommunity.core.indicators``) and a target; its value is computed from what the
platform knows (reports in the project's area, people trained, referrals completed…).
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from safecommunity.core.multilingual import text_in


class GoodPractice(models.Model):
    """Something a coalition learnt and wants the other cities to know: written by its organisers."""

    coalition = models.ForeignKey("accounts.Coalition", on_delete=models.CASCADE, related_name="good_practices")
    title = models.JSONField(default=dict, help_text=_('The title in each language: {"en": "…"}.'))
    summary = models.JSONField(default=dict, help_text=_('The summary in each language: {"en": "…"}.'))
    project = models.ForeignKey(
        "evaluation.Project", null=True, blank=True, on_delete=models.SET_NULL, related_name="good_practices"
    )
    # Shared practices are listed on the network pages for every city; the others only for their own coalition.
    shared = models.BooleanField(default=False)
    key = models.SlugField(max_length=80, blank=True, help_text=_("A stable key for demo data; empty otherwise."))
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-updated_at", "-pk"]

    def __str__(self) -> str:
        return text_in(self.title)


class Project(models.Model):
    """A piece of work of one organisation of a coalition (often funded through an open call), with its area and period."""

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        ACTIVE = "active", _("Running")
        COMPLETED = "completed", _("Completed")
        CANCELLED = "cancelled", _("Cancelled")

    coalition = models.ForeignKey("accounts.Coalition", on_delete=models.PROTECT, related_name="projects")
    organisation = models.ForeignKey("accounts.Organisation", on_delete=models.PROTECT, related_name="projects")
    application = models.OneToOneField(
        "opencalls.Application", null=True, blank=True, on_delete=models.SET_NULL, related_name="project"
    )
    title = models.JSONField(default=dict, help_text=_('The title in each language: {"en": "…"}.'))
    summary = models.JSONField(default=dict, blank=True, help_text=_('The summary in each language: {"en": "…"}.'))
    # The project's area: regions of the coalition's region set.
    regions = models.ManyToManyField("core.Region", blank=True, related_name="projects")
    starts_on = models.DateField()
    ends_on = models.DateField()
    # The period before the project that reports per month are compared with.
    baseline_starts_on = models.DateField(null=True, blank=True)
    baseline_ends_on = models.DateField(null=True, blank=True)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.PLANNED)
    key = models.SlugField(max_length=80, blank=True, help_text=_("A stable key for demo data; empty otherwise."))
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["coalition__name", "-starts_on", "pk"]

    def __str__(self) -> str:
        return text_in(self.title)


class Milestone(models.Model):
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="milestones")
    title = models.JSONField(default=dict, help_text=_('The title in each language: {"en": "…"}.'))
    due_on = models.DateField()
    done_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["due_on", "pk"]

    def __str__(self) -> str:
        return text_in(self.title)


class ProjectIndicator(models.Model):
    """An indicator the project is measured by: a code of the registry and, optionally, the value it aims for."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="indicators")
    code = models.CharField(max_length=64)
    target = models.DecimalField(max_digits=12, decimal_places=2, null=True, blank=True)

    class Meta:
        ordering = ["code"]
        constraints = [models.UniqueConstraint(fields=["project", "code"], name="evaluation_one_indicator_per_code")]

    def __str__(self) -> str:
        return self.code
