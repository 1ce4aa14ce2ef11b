"""Projects, and reports placed in the two cities of the network, for the evaluation's stories."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from safecommunity.accounts.models import Organisation
from safecommunity.core.models import Region
from safecommunity.programs.evaluation.models import Milestone, Project, ProjectIndicator
from safecommunity.reports.tests.factories import a_submitted_report


def reports_in(region: Region, count: int, *, occurred_on: dt.date = dt.date(2026, 3, 14), **fields: Any) -> None:
    """``count`` reports of incidents in ``region`` whose authors agreed to their use in statistics."""
    fields.setdefault("consent_statistics", True)
    for _index in range(count):
        a_submitted_report(region_id=region.pk, occurred_on=occurred_on, **fields)


def a_project(
    organisation: Organisation,
    *,
    title: str = "Safe rides for elders",
    regions: list[Region] | None = None,
    starts_on: dt.date = dt.date(2026, 1, 1),
    ends_on: dt.date = dt.date(2026, 6, 30),
    baseline: tuple[dt.date, dt.date] | None = (dt.date(2025, 1, 1), dt.date(2025, 12, 31)),
    indicators: dict[str, Decimal | None] | None = None,
    **fields: Any,
) -> Project:
    project = Project.objects.create(
        coalition=organisation.coalition,
        organisation=organisation,
        title={"en": title},
        starts_on=starts_on,
        ends_on=ends_on,
        baseline_starts_on=baseline[0] if baseline else None,
        baseline_ends_on=baseline[1] if baseline else None,
        status=fields.pop("status", Project.Status.ACTIVE),
        **fields,
    )
    project.regions.set(regions or [])
    for code, target in (indicators or {}).items():
        ProjectIndicator.objects.create(project=project, code=code, target=target)
    return project


def a_milestone(
    project: Project, title: str = "Volunteers trained", *, due_on: dt.date = dt.date(2026, 2, 28)
) -> Milestone:
    return Milestone.objects.create(project=project, title={"en": title}, due_on=due_on)
