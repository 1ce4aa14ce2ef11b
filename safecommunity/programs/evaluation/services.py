"""Writes of the evaluation: projects, their milestones and indicators, good practices.

Nothing here holds personal data; projects are still recorded in the audit trail, since they decide which
numbers about a city's reports and referrals an organiser is shown.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal

from django.db import transaction
from django.utils.translation import gettext as _

from safecommunity.accounts.models import Coalition, Organisation, User
from safecommunity.core import indicators as registry
from safecommunity.core.audit import audit_record
from safecommunity.core.models import Region
from safecommunity.programs.evaluation.models import GoodPractice, Milestone, Project, ProjectIndicator
from safecommunity.programs.opencalls.models import Application


class EvaluationError(ValueError):
    """A change that cannot be made; the message is translated and says what to change, ``field`` where."""

    def __init__(self, message: str, *, field: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.field = field


def _check_project(
    *,
    organisation: Organisation,
    regions: Iterable[Region],
    starts_on: dt.date,
    ends_on: dt.date,
    baseline_starts_on: dt.date | None,
    baseline_ends_on: dt.date | None,
) -> Coalition:
    coalition = organisation.coalition
    if ends_on < starts_on:
        raise EvaluationError(_("The project must end on or after the day it starts."), field="ends_on")
    if (baseline_starts_on is None) != (baseline_ends_on is None):
        raise EvaluationError(
            _("Give both the start and the end of the baseline period, or neither."), field="baseline_ends_on"
        )
    if baseline_starts_on and baseline_ends_on:
        if baseline_ends_on < baseline_starts_on:
            raise EvaluationError(
                _("The baseline period must end on or after the day it starts."), field="baseline_ends_on"
            )
        if baseline_ends_on >= starts_on:
            raise EvaluationError(
                _("The baseline period must end before the project starts."), field="baseline_ends_on"
            )
    for region in regions:
        if coalition.region_set_id is None or region.region_set_id != coalition.region_set_id:
            raise EvaluationError(
                _("%(region)s is not one of the regions of %(coalition)s.")
                % {"region": region.name, "coalition": coalition.name},
                field="regions",
            )
    return coalition


@transaction.atomic
def project_create(
    *,
    actor: User,
    organisation: Organisation,
    title: dict[str, str],
    summary: dict[str, str],
    regions: Iterable[Region],
    starts_on: dt.date,
    ends_on: dt.date,
    baseline_starts_on: dt.date | None = None,
    baseline_ends_on: dt.date | None = None,
    status: str = Project.Status.PLANNED,
    application: Application | None = None,
    key: str = "",
) -> Project:
    regions = list(regions)
    coalition = _check_project(
        organisation=organisation,
        regions=regions,
        starts_on=starts_on,
        ends_on=ends_on,
        baseline_starts_on=baseline_starts_on,
        baseline_ends_on=baseline_ends_on,
    )
    project = Project.objects.create(
        coalition=coalition,
        organisation=organisation,
        title=title,
        summary=summary,
        starts_on=starts_on,
        ends_on=ends_on,
        baseline_starts_on=baseline_starts_on,
        baseline_ends_on=baseline_ends_on,
        status=status,
        key=key,
        application=application,
    )
    project.regions.set(regions)
    audit_record(
        actor=actor,
        action="evaluation.project_create",
        target=project,
        details={"application": application.pk if application else None, "regions": [region.pk for region in regions]},
    )
    return project


@transaction.atomic
def project_update(
    *,
    actor: User,
    project: Project,
    organisation: Organisation,
    title: dict[str, str],
    summary: dict[str, str],
    regions: Iterable[Region],
    starts_on: dt.date,
    ends_on: dt.date,
    baseline_starts_on: dt.date | None = None,
    baseline_ends_on: dt.date | None = None,
    status: str,
) -> Project:
    regions = list(regions)
    coalition = _check_project(
        organisation=organisation,
        regions=regions,
        starts_on=starts_on,
        ends_on=ends_on,
        baseline_starts_on=baseline_starts_on,
        baseline_ends_on=baseline_ends_on,
    )
    if coalition.pk != project.coalition_id:
        raise EvaluationError(_("Choose an organisation of the project's own coalition."), field="organisation")
    project.organisation = organisation
    project.title, project.summary = title, summary
    project.starts_on, project.ends_on = starts_on, ends_on
    project.baseline_starts_on, project.baseline_ends_on = baseline_starts_on, baseline_ends_on
    project.status = status
    project.save()
    project.regions.set(regions)
    audit_record(
        actor=actor,
        action="evaluation.project_update",
        target=project,
        details={"regions": [region.pk for region in regions], "status": status},
    )
    return project


@transaction.atomic
def milestone_add(*, actor: User, project: Project, title: dict[str, str], due_on: dt.date) -> Milestone:
    return Milestone.objects.create(project=project, title=title, due_on=due_on)


@transaction.atomic
def milestone_mark(*, actor: User, milestone: Milestone, done_on: dt.date | None) -> Milestone:
    """Mark a milestone reached on ``done_on``, or (``None``) not reached after all."""
    milestone.done_on = done_on
    milestone.save(update_fields=["done_on"])
    return milestone


@transaction.atomic
def project_indicator_set(*, actor: User, project: Project, code: str, target: Decimal | None) -> ProjectIndicator:
    """Measure the project by an indicator of the registry (again: change its target)."""
    if registry.indicator(code) is None:
        raise EvaluationError(_("This indicator is not available on this site."), field="code")
    if target is not None and target < 0:
        raise EvaluationError(_("A target cannot be below zero."), field="target")
    item, _created = ProjectIndicator.objects.update_or_create(project=project, code=code, defaults={"target": target})
    return item


@transaction.atomic
def project_indicator_remove(*, actor: User, item: ProjectIndicator) -> None:
    item.delete()


@transaction.atomic
def good_practice_create(
    *,
    actor: User,
    coalition: Coalition,
    title: dict[str, str],
    summary: dict[str, str],
    project: Project | None = None,
    shared: bool = False,
    key: str = "",
) -> GoodPractice:
    if project is not None and project.coalition_id != coalition.pk:
        raise EvaluationError(_("Choose a project of the same coalition."), field="project")
    return GoodPractice.objects.create(
        coalition=coalition, title=title, summary=summary, project=project, shared=shared, key=key
    )


@transaction.atomic
def good_practice_update(
    *,
    actor: User,
    practice: GoodPractice,
    title: dict[str, str],
    summary: dict[str, str],
    project: Project | None = None,
    shared: bool = False,
) -> GoodPractice:
    if project is not None and project.coalition_id != practice.coalition_id:
        raise EvaluationError(_("Choose a project of the same coalition."), field="project")
    practice.title, practice.summary, practice.project, practice.shared = title, summary, project, shared
    practice.save()
    return practice
