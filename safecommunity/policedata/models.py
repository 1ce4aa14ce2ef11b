"""Police-reported hate-crime data: a source of its own, kept apart from community reports.

Each imported file belongs to a ``PoliceDataset`` (the FBI's national file, a city's open data…).
An incident keeps the agency's own labels (e.g. "Anti-Asian", "Intimidation") next to the project's
codes they map to. Counting goes through ``PoliceIncidentCode``: one small row per label of an
incident, carrying the incident's year, state and region, so that a count by year × bias reads one
table through one index, on SQLite as on PostgreSQL.
"""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from safecommunity.core.models import Region

EXTERNAL_ID_MAX = 64
LABEL_MAX = 200


class PoliceDataset(models.Model):
    slug = models.SlugField(unique=True, help_text=_("A short stable name, e.g. fbi or oakland-pd."))
    name = models.CharField(max_length=200)
    source_url = models.URLField(blank=True)
    description = models.TextField(blank=True)
    imported_at = models.DateTimeField(null=True, blank=True)
    file_name = models.CharField(max_length=255, blank=True)
    rows_read = models.PositiveIntegerField(default=0)
    rows_skipped = models.PositiveIntegerField(default=0)
    incident_count = models.PositiveIntegerField(default=0)
    # The mapping file's content as read at the last import (the TOML turned into JSON).
    mapping = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class PoliceIncident(models.Model):
    dataset = models.ForeignKey(PoliceDataset, on_delete=models.CASCADE, related_name="incidents", db_index=False)
    external_id = models.CharField(max_length=EXTERNAL_ID_MAX)
    year = models.PositiveSmallIntegerField()
    date = models.DateField(null=True, blank=True)
    state = models.CharField(max_length=8, blank=True)
    agency_id = models.CharField(max_length=20, blank=True)  # the ORI in FBI data
    agency_name = models.CharField(max_length=LABEL_MAX, blank=True)
    region = models.ForeignKey(Region, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    # The agency's own labels and the project codes they map to ("" where a label maps to none).
    bias_labels = models.JSONField(default=list, blank=True)
    bias_motivations = models.JSONField(default=list, blank=True)
    targeted_ethnicities = models.JSONField(default=list, blank=True)
    offense_labels = models.JSONField(default=list, blank=True)
    incident_types = models.JSONField(default=list, blank=True)
    location_labels = models.JSONField(default=list, blank=True)
    location_types = models.JSONField(default=list, blank=True)
    victim_count = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["-year", "external_id"]
        constraints = [
            models.UniqueConstraint(fields=["dataset", "external_id"], name="policeincident_dataset_external_id")
        ]
        indexes = [models.Index(fields=["dataset", "year"], name="policeincident_dataset_year")]

    def __str__(self) -> str:
        return f"{self.external_id} ({self.year})"


class PoliceIncidentCode(models.Model):
    """One label of an incident (a bias, an offense or a location) with the project codes it maps to.

    ``dataset``, ``year``, ``state`` and ``region`` repeat the incident's so that counts need no join.
    """

    class Kind(models.TextChoices):
        BIAS = "bias", _("Bias")
        OFFENSE = "offense", _("Offense")
        LOCATION = "location", _("Location")

    incident = models.ForeignKey(PoliceIncident, on_delete=models.CASCADE, related_name="codes")
    dataset = models.ForeignKey(PoliceDataset, on_delete=models.CASCADE, related_name="+", db_index=False)
    year = models.PositiveSmallIntegerField()
    state = models.CharField(max_length=8, blank=True)
    region = models.ForeignKey(
        Region, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", db_index=False
    )
    kind = models.CharField(max_length=16, choices=Kind.choices)
    label = models.CharField(max_length=LABEL_MAX)
    # Bias: a bias motivation; offense: an incident type; location: a location type. "" when not mapped.
    code = models.CharField(max_length=40, blank=True)
    # Bias only: the targeted group, where the label names one the project has a code for.
    ethnicity = models.CharField(max_length=40, blank=True)

    class Meta:
        indexes = [
            models.Index(fields=["dataset", "kind", "year"], name="policecode_dataset_kind_year"),
        ]

    def __str__(self) -> str:
        return f"{self.kind}: {self.label}"


class PoliceAgencyRegion(models.Model):
    """Which agencies belong to which of the coalition's regions, for every dataset.

    ``ori_pattern`` and ``name_pattern`` are exact values or shell-style patterns (``CA034*`` is every
    agency whose ORI starts with CA034, i.e. every agency in Sacramento County). Where both are given,
    both must match. The most specific rule wins: an exact ORI, then the longest ORI pattern, then a name.
    """

    region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="+")
    state = models.CharField(max_length=8, help_text=_("The state code, e.g. CA."))
    ori_pattern = models.CharField(
        max_length=20,
        blank=True,
        help_text=_("An agency identifier (ORI) such as CA0340400, or a pattern such as CA034*."),
    )
    name_pattern = models.CharField(
        max_length=LABEL_MAX,
        blank=True,
        help_text=_("An agency name such as Oakland, or a pattern such as Sacramento*."),
    )
    note = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["state", "region__name", "ori_pattern", "name_pattern"]
        constraints = [
            models.UniqueConstraint(
                fields=["state", "ori_pattern", "name_pattern"], name="policeagencyregion_unique_rule"
            ),
            models.CheckConstraint(
                condition=~models.Q(ori_pattern="", name_pattern=""), name="policeagencyregion_has_pattern"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.state} {self.ori_pattern or self.name_pattern}"
