"""Reads for the newsletter, the take-action pages and the city pages, already scoped to the person asking.

Public reads return every coalition of the network (their pages are public). Staff reads return only the coalitions
a staff member's programme work is scoped to (``coalition_ids_for``): another city's page or issue is not returned,
and the view answers 404.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, QuerySet

from safecommunity.accounts.models import Coalition, Organisation, User
from safecommunity.accounts.selectors import coalition_ids_for
from safecommunity.core.models import Region
from safecommunity.programs.outreach.models import ActionLink, NewsletterIssue, Subscriber, TakeActionPage


def public_coalitions() -> QuerySet[Coalition]:
    return Coalition.objects.order_by("name")


def public_coalition(*, slug: str) -> Coalition | None:
    return Coalition.objects.filter(slug=slug).first()


def staff_coalitions(*, user: User) -> QuerySet[Coalition]:
    ids = coalition_ids_for(user=user)
    coalitions = Coalition.objects.order_by("name")
    return coalitions if ids is None else coalitions.filter(pk__in=ids)


def staff_coalition(*, user: User, slug: str) -> Coalition | None:
    return staff_coalitions(user=user).filter(slug=slug).first()


def coalition_regions(*, coalition: Coalition) -> QuerySet[Region]:
    if coalition.region_set_id is None:
        return Region.objects.none()
    return Region.objects.filter(region_set_id=coalition.region_set_id, is_active=True).order_by("name")


def coalition_partners(*, coalition: Coalition) -> QuerySet[Organisation]:
    """Active partners of a coalition: their public websites are the "follow our partners" links."""
    return Organisation.objects.filter(coalition=coalition, is_active=True).order_by("name")


def take_action_intro(*, coalition: Coalition) -> dict[str, str]:
    page = TakeActionPage.objects.filter(coalition=coalition).first()
    return dict(page.intro) if page is not None else {}


def action_links(*, coalition: Coalition) -> list[ActionLink]:
    return list(ActionLink.objects.filter(coalition=coalition).order_by("position", "pk"))


def action_link_for_staff(*, user: User, slug: str, link_id: int) -> ActionLink | None:
    coalition = staff_coalition(user=user, slug=slug)
    if coalition is None:
        return None
    return ActionLink.objects.filter(coalition=coalition, pk=link_id).first()


def subscriber_for_unsubscribe_token(*, token: str) -> Subscriber | None:
    if not token:
        return None
    return Subscriber.objects.select_related("coalition").filter(unsubscribe_token=token).first()


def subscriber_for_confirm_token(*, token: str) -> Subscriber | None:
    if not token:
        return None
    return Subscriber.objects.select_related("coalition").filter(confirm_token=token).first()


def staff_issues(*, user: User) -> QuerySet[NewsletterIssue]:
    ids = coalition_ids_for(user=user)
    issues = NewsletterIssue.objects.select_related("coalition").order_by("-created_at")
    return issues if ids is None else issues.filter(coalition_id__in=ids)


def staff_issue(*, user: User, issue_id: int) -> NewsletterIssue | None:
    return staff_issues(user=user).filter(pk=issue_id).first()


@dataclass(frozen=True)
class ListSize:
    """Exact counts for the owning coalition's staff (never shown publicly)."""

    coalition: Coalition
    confirmed: int
    pending: int
    by_language: dict[str, int]


def list_sizes(*, user: User) -> list[ListSize]:
    sizes = []
    for coalition in staff_coalitions(user=user):
        rows = (
            Subscriber.objects.filter(coalition=coalition)
            .values("status", "language")
            .annotate(count=Count("pk"))
            .order_by()
        )
        confirmed = pending = 0
        by_language: dict[str, int] = {}
        for row in rows:
            if row["status"] == Subscriber.Status.CONFIRMED:
                confirmed += row["count"]
                by_language[row["language"]] = by_language.get(row["language"], 0) + row["count"]
            elif row["status"] == Subscriber.Status.PENDING:
                pending += row["count"]
        sizes.append(ListSize(coalition, confirmed, pending, dict(sorted(by_language.items()))))
    return sizes


def issue_deliveries_by_language(*, issue: NewsletterIssue) -> dict[str, int]:
    rows = issue.deliveries.values("language").annotate(count=Count("pk")).order_by("language")
    return {row["language"]: row["count"] for row in rows}
