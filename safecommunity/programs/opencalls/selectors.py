"""Reads of calls, applications and reviews, already scoped to what the person asking may see.

Organisers see the calls of their coalition (a coalition administrator of no organisation: every coalition).
Reviewers see only the calls they are assigned to, and an application's content only after declaring that
they have no conflict with it. A record outside someone's scope is simply not returned (the view answers 404).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from django.db.models import Count, Q, QuerySet

from safecommunity.accounts.models import User
from safecommunity.accounts.selectors import coalition_ids_for
from safecommunity.core.roles import Capability, has_capability
from safecommunity.programs.opencalls.models import (
    Application,
    Attachment,
    Call,
    ConflictDeclaration,
    Criterion,
    ReviewerAssignment,
    Score,
)

# ---------------------------------------------------------------- public


def open_calls(*, now: datetime, coalition_ids: set[int] | None = None) -> QuerySet[Call]:
    """Calls taking applications right now, the nearest deadline first."""
    calls = Call.objects.filter(status=Call.Status.OPEN, opens_at__lte=now, deadline__gt=now)
    if coalition_ids is not None:
        calls = calls.filter(coalition_id__in=coalition_ids)
    return calls.select_related("coalition").order_by("deadline", "pk")


def public_call(*, slug: str) -> Call | None:
    """A call's public page: any call that is no longer a draft (a closed call says so)."""
    return Call.objects.exclude(status=Call.Status.DRAFT).select_related("coalition").filter(slug=slug).first()


def call_accepts_applications(*, call: Call, now: datetime) -> bool:
    return call.status == Call.Status.OPEN and call.opens_at <= now < call.deadline


# ---------------------------------------------------------------- organisers


def calls_for_organiser(*, user: User) -> QuerySet[Call]:
    if not has_capability(user, Capability.MANAGE_PROGRAMS):
        return Call.objects.none()
    calls = Call.objects.select_related("coalition").annotate(
        application_count=Count("applications", filter=~Q(applications__status=Application.Status.WITHDRAWN))
    )
    ids = coalition_ids_for(user=user)
    if ids is not None:
        calls = calls.filter(coalition_id__in=ids)
    return calls.order_by("-deadline", "pk")


def call_for_organiser(*, user: User, call_id: int) -> Call | None:
    return calls_for_organiser(user=user).filter(pk=call_id).first()


def application_for_organiser(*, user: User, public_id: uuid.UUID) -> Application | None:
    calls = calls_for_organiser(user=user)
    return (
        Application.objects.filter(call__in=calls.values("pk"), public_id=public_id)
        .select_related("call", "call__coalition")
        .first()
    )


def reviewer_choices(*, call: Call) -> QuerySet[User]:
    """Who may be asked to review: active reviewers and organisers of the call's coalition not yet assigned."""
    from safecommunity.core.roles import Role

    return (
        User.objects.filter(
            is_active=True,
            role__in=[Role.REVIEWER, Role.ORGANISER, Role.COALITION_ADMIN],
            organisation__coalition_id=call.coalition_id,
        )
        .exclude(call_assignments__call=call)
        .order_by("username")
    )


@dataclass
class ReviewProgress:
    assignment: ReviewerAssignment
    declared: int
    conflicts: int
    scored: int  # applications with every criterion scored (conflicts excluded)


def review_progress(*, call: Call) -> list[ReviewProgress]:
    """For each reviewer of the call: how many applications they declared on, declared a conflict with,
    and scored completely."""
    criteria = call.rubric.count()
    live = Application.objects.filter(call=call).exclude(status=Application.Status.WITHDRAWN)
    rows = []
    for assignment in call.assignments.select_related("reviewer").order_by("reviewer__username"):
        declarations = ConflictDeclaration.objects.filter(assignment=assignment, application__in=live)
        conflicted = set(declarations.filter(has_conflict=True).values_list("application_id", flat=True))
        per_application = (
            Score.objects.filter(reviewer=assignment.reviewer, application__in=live)
            .exclude(application_id__in=conflicted)
            .values("application_id")
            .annotate(n=Count("pk"))
        )
        scored = sum(1 for row in per_application if criteria and row["n"] >= criteria)
        rows.append(ReviewProgress(assignment, declarations.count(), len(conflicted), scored))
    return rows


@dataclass
class RankedApplication:
    application: Application
    score: Decimal | None  # the weighted mean on a 0-100 scale, or None before any score
    score_count: int
    reviewer_count: int
    conflict_count: int
    rank: int | None = None
    tied: bool = False
    criteria_means: list[Decimal | None] = field(default_factory=list)


def call_ranking(*, call: Call) -> list[RankedApplication]:
    """Applications by their weighted mean score, best first.

    Each score counts as ``weight × score / max score``; an application's result is the sum of those over the
    sum of the weights of the scores given, on a 0–100 scale, so a missing score neither helps nor hurts.
    Scores of a reviewer who declared a conflict with the application never count. Applications with the
    same rounded result share a rank and are marked as tied; those without scores come last, unranked.
    """
    criteria = list(call.rubric.all())
    by_id = {criterion.pk: criterion for criterion in criteria}
    applications = list(
        Application.objects.filter(call=call).exclude(status=Application.Status.WITHDRAWN).select_related("decision")
    )
    conflicts: dict[int, set[int]] = {}
    for declaration in ConflictDeclaration.objects.filter(application__call=call, has_conflict=True).select_related(
        "assignment"
    ):
        conflicts.setdefault(declaration.application_id, set()).add(declaration.assignment.reviewer_id)
    scores: dict[int, list[Score]] = {}
    for score in Score.objects.filter(application__call=call):
        if score.reviewer_id in conflicts.get(score.application_id, set()):
            continue
        scores.setdefault(score.application_id, []).append(score)

    ranked: list[RankedApplication] = []
    for application in applications:
        given = [score for score in scores.get(application.pk, []) if score.criterion_id in by_id]
        weights = sum((by_id[score.criterion_id].weight for score in given), Decimal(0))
        total = sum(
            (by_id[s.criterion_id].weight * Decimal(s.score) / Decimal(by_id[s.criterion_id].max_score) for s in given),
            Decimal(0),
        )
        result = (total / weights * 100).quantize(Decimal("0.1")) if weights else None
        means: list[Decimal | None] = []
        for criterion in criteria:
            values = [Decimal(score.score) for score in given if score.criterion_id == criterion.pk]
            means.append((sum(values, Decimal(0)) / len(values)).quantize(Decimal("0.1")) if values else None)
        ranked.append(
            RankedApplication(
                application=application,
                score=result,
                score_count=len(given),
                reviewer_count=len({score.reviewer_id for score in given}),
                conflict_count=len(conflicts.get(application.pk, set())),
                criteria_means=means,
            )
        )
    ranked.sort(key=lambda row: (row.score is None, -(row.score or 0), row.application.submitted_at))
    position = 0
    previous: Decimal | None = None
    for index, row in enumerate(ranked, start=1):
        if row.score is None:
            continue
        if row.score != previous:
            position, previous = index, row.score
        row.rank = position
    for row in ranked:
        row.tied = row.rank is not None and sum(1 for other in ranked if other.rank == row.rank) > 1
    return ranked


# ---------------------------------------------------------------- reviewers


def may_review(user: User) -> bool:
    return has_capability(user, Capability.REVIEW_APPLICATIONS) or has_capability(user, Capability.MANAGE_PROGRAMS)


def calls_for_reviewer(*, user: User) -> QuerySet[Call]:
    """The calls a person is assigned to review (not drafts)."""
    if not may_review(user):
        return Call.objects.none()
    return (
        Call.objects.filter(assignments__reviewer=user)
        .exclude(status=Call.Status.DRAFT)
        .select_related("coalition")
        .order_by("-deadline", "pk")
    )


def call_for_reviewer(*, user: User, call_id: int) -> Call | None:
    return calls_for_reviewer(user=user).filter(pk=call_id).first()


def assignment_of(*, user: User, call: Call) -> ReviewerAssignment | None:
    return ReviewerAssignment.objects.filter(call=call, reviewer=user).first()


def application_for_reviewer(*, user: User, public_id: uuid.UUID) -> Application | None:
    """An application of a call the person reviews (its content is shown only after a declaration of no conflict)."""
    return (
        Application.objects.filter(call__in=calls_for_reviewer(user=user).values("pk"), public_id=public_id)
        .exclude(status=Application.Status.WITHDRAWN)
        .select_related("call", "call__coalition")
        .first()
    )


def declaration_of(*, user: User, application: Application) -> ConflictDeclaration | None:
    return ConflictDeclaration.objects.filter(assignment__reviewer=user, application=application).first()


@dataclass
class ReviewRow:
    application: Application
    declaration: ConflictDeclaration | None
    scored: int


def applications_to_review(*, user: User, call: Call) -> list[ReviewRow]:
    live = Application.objects.filter(call=call).exclude(status=Application.Status.WITHDRAWN)
    declarations = {
        declaration.application_id: declaration
        for declaration in ConflictDeclaration.objects.filter(assignment__reviewer=user, application__call=call)
    }
    scored = dict(
        Score.objects.filter(reviewer=user, application__call=call)
        .values("application_id")
        .annotate(n=Count("pk"))
        .values_list("application_id", "n")
    )
    return [
        ReviewRow(application, declarations.get(application.pk), scored.get(application.pk, 0)) for application in live
    ]


def my_scores(*, user: User, application: Application) -> dict[int, Score]:
    return {score.criterion_id: score for score in Score.objects.filter(reviewer=user, application=application)}


def rubric_of(*, call: Call) -> list[Criterion]:
    return list(call.rubric.all())


def attachment_for_staff(*, user: User, attachment_id: int) -> Attachment | None:
    """A file of an application, for the organisers of its call or a reviewer who declared no conflict with it."""
    attachment = Attachment.objects.select_related("application", "application__call").filter(pk=attachment_id).first()
    if attachment is None:
        return None
    application = attachment.application
    if application_for_organiser(user=user, public_id=application.public_id) is not None:
        return attachment
    if application_for_reviewer(user=user, public_id=application.public_id) is not None:
        declaration = declaration_of(user=user, application=application)
        if declaration is not None and not declaration.has_conflict:
            return attachment
    return None


# ---------------------------------------------------------------- for evaluation


def awarded_applications(*, coalition_ids: set[int] | None = None) -> QuerySet[Application]:
    """Applications that won an award (with their call and decision), for evaluation to start a project from;
    ``coalition_ids=None`` means every coalition. Carries no contact details unless a caller decrypts them."""
    applications = Application.objects.filter(status=Application.Status.AWARDED).select_related(
        "call", "call__coalition", "decision"
    )
    if coalition_ids is not None:
        applications = applications.filter(call__coalition_id__in=coalition_ids)
    return applications.order_by("call__deadline", "organisation_name")
