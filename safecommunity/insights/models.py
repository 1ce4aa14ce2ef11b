"""Statistics kept ready to answer: counts of reports per month, region and coded value.

``ReportCell`` rows are the only thing a breakdown reads, so answering one costs
the same with ten thousand reports as with a million. They are kept in step with
the reports by ``insights.aggregates`` (see there), which remembers in
``ReportContribution`` what each report added, so a change is applied as a
difference and a report never counts twice.
"""

from __future__ import annotations

from django.db import models


class ReportCell(models.Model):
    """How many counted reports of one month and one region have one code in one dimension.

    ``scope`` narrows the reports to those with one bias motivation or one incident type
    ("bias_motivations:race"), or both, or is empty for all; for the scope "day", ``month`` holds
    a single day (those cells answer periods that start or end inside a month); ``dimension`` "total" holds the number
    of reports. ``region_key`` is the region's id, ``ONLINE`` for online incidents,
    ``NO_REGION`` when no region was given, and ``ALL_REGIONS`` for the sum of them all.
    """

    ONLINE = -1
    NO_REGION = 0
    # The same counts added up over every region, so that a question about all regions reads ten times fewer cells.
    ALL_REGIONS = -2

    scope = models.CharField(max_length=128)
    dimension = models.CharField(max_length=32)
    month = models.DateField()
    region_key = models.IntegerField()
    code = models.CharField(max_length=64)
    count = models.IntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["scope", "dimension", "month", "region_key", "code"], name="insights_cell_unique"
            )
        ]
        # A breakdown asks for one scope and dimension, a few region keys (often only the all-regions sum) and a
        # range of months: with region_key before month it reads only its own cells, and with code and count in the
        # index it never visits the table (an index-only scan), so its cost stops growing with other regions' cells.
        indexes = [
            models.Index(
                fields=["scope", "dimension", "region_key", "month", "code", "count"], name="insights_cell_reading"
            )
        ]

    def __str__(self) -> str:
        return f"{self.scope or '*'} {self.dimension}={self.code} {self.month:%Y-%m} r{self.region_key}: {self.count}"


class ReportContribution(models.Model):
    """What one report adds to the cells now: its coded signature, or null when it does not count."""

    # Not a foreign key: statistics must not hold a report back from being deleted or merged.
    report_id = models.BigIntegerField(primary_key=True)
    signature = models.JSONField(null=True, blank=True)

    def __str__(self) -> str:
        return f"report {self.report_id}: {'counted' if self.signature else 'not counted'}"


class AggregationState(models.Model):
    """One row: how far the cells have caught up with changes to reports."""

    caught_up_to = models.DateTimeField(null=True, blank=True)
    rebuilt_at = models.DateTimeField(null=True, blank=True)
    # Written first in every catch-up so that two catch-ups run one after the other, never interleaved.
    lock_version = models.BigIntegerField(default=0)

    def __str__(self) -> str:
        return f"caught up to {self.caught_up_to}"


from safecommunity.insights.models_briefs import Brief  # noqa: E402,F401  (policy briefs, in their own module)
