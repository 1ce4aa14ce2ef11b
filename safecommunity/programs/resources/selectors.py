"""Reads of the learning library, already scoped: the public sees published resources that have at least one
language version; an organiser sees their coalition's resources (and, read-only, those the network shares)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Exists, OuterRef, Q, QuerySet, Sum

from safecommunity.accounts.models import Coalition, User
from safecommunity.accounts.selectors import coalition_ids_for
from safecommunity.core.multilingual import site_languages
from safecommunity.programs.resources.models import DownloadCount, Resource, ResourceVersion
from safecommunity.programs.resources.text import folded

MAX_SEARCH_WORDS = 8


@dataclass(frozen=True)
class LibraryFilters:
    query: str = ""
    topic: str = ""
    audience: str = ""
    kind: str = ""
    language: str = ""
    # The library of one coalition: its own resources and those the other coalitions share with the network.
    coalition: Coalition | None = None


def _with_versions(resources: QuerySet[Resource]) -> QuerySet[Resource]:
    return resources.filter(Exists(ResourceVersion.objects.filter(resource=OuterRef("pk"))))


def _public() -> QuerySet[Resource]:
    return _with_versions(Resource.objects.filter(published=True)).select_related("coalition")


def _contains_code(field: str, code: str) -> Q:
    # A JSON list of codes: look for the quoted code in its text (the same on SQLite and PostgreSQL).
    return Q(**{f"{field}__icontains": f'"{code}"'})


def resources_for_public(*, filters: LibraryFilters) -> QuerySet[Resource]:
    resources = _public()
    if filters.coalition is not None:
        resources = resources.filter(Q(coalition=filters.coalition) | Q(shared_with_network=True))
    for word in folded(filters.query).split()[:MAX_SEARCH_WORDS]:
        resources = resources.filter(search_text__contains=word)
    if filters.topic:
        resources = resources.filter(_contains_code("topics", filters.topic))
    if filters.audience:
        resources = resources.filter(_contains_code("audiences", filters.audience))
    if filters.kind:
        resources = resources.filter(kind=filters.kind)
    if filters.language:
        resources = resources.filter(
            Exists(ResourceVersion.objects.filter(resource=OuterRef("pk"), language=filters.language))
        )
    return resources.prefetch_related("versions").order_by("-updated_at", "-pk")


def resource_for_public(*, coalition_slug: str, slug: str) -> Resource | None:
    return _public().filter(coalition__slug=coalition_slug, slug=slug).prefetch_related("versions").first()


def version_for_download(*, coalition_slug: str, slug: str, language: str) -> ResourceVersion | None:
    return (
        ResourceVersion.objects.filter(
            resource__published=True,
            resource__coalition__slug=coalition_slug,
            resource__slug=slug,
            language=language,
        )
        .select_related("resource")
        .first()
    )


def in_visitor_order(versions: Iterable[ResourceVersion], language: str) -> list[ResourceVersion]:
    """The visitor's language first (or its closest variant), then the site's order of languages."""
    order = {code: index for index, code in enumerate(site_languages())}
    base = language.split("-")[0]

    def key(version: ResourceVersion) -> tuple[int, int]:
        if version.language == language:
            closeness = 0
        elif version.language.split("-")[0] == base:
            closeness = 1
        else:
            closeness = 2
        return closeness, order.get(version.language, len(order))

    return sorted(versions, key=key)


def coalitions_for_filters() -> QuerySet[Coalition]:
    return Coalition.objects.order_by("name")


# Staff


def _scoped(user: User) -> QuerySet[Resource]:
    coalition_ids = coalition_ids_for(user=user)
    resources = Resource.objects.select_related("coalition")
    return resources if coalition_ids is None else resources.filter(coalition_id__in=coalition_ids)


def resources_for_staff(*, user: User) -> QuerySet[Resource]:
    """The resources the organiser's coalition owns (every coalition's for an administrator of none)."""
    return _scoped(user).annotate(downloads=Sum("versions__download_counts__count")).order_by("-updated_at", "-pk")


def resources_shared_with(*, user: User) -> QuerySet[Resource]:
    """Published resources other coalitions share with the network: listed for the organiser, never editable."""
    coalition_ids = coalition_ids_for(user=user)
    if coalition_ids is None:
        return Resource.objects.none()
    return _public().filter(shared_with_network=True).exclude(coalition_id__in=coalition_ids).order_by("-updated_at")


def resource_for_staff(*, user: User, resource_id: int) -> Resource | None:
    return _scoped(user).filter(pk=resource_id).first()


def version_for_staff(*, user: User, resource_id: int, version_id: int) -> ResourceVersion | None:
    resource = resource_for_staff(user=user, resource_id=resource_id)
    if resource is None:
        return None
    return resource.versions.filter(pk=version_id).first()


@dataclass(frozen=True)
class DownloadTable:
    months: list[str]  # "2026-03", newest first
    languages: list[str]
    # counts[language][month]
    counts: dict[str, dict[str, int]]
    by_language: dict[str, int]
    by_month: dict[str, int]
    total: int

    @property
    def rows(self) -> list[tuple[str, list[int], int]]:
        """(month, the count of each language in ``languages``' order, the month's total), newest month first."""
        return [
            (month, [self.counts.get(code, {}).get(month, 0) for code in self.languages], self.by_month[month])
            for month in self.months
        ]


def download_table(*, resource: Resource) -> DownloadTable:
    """Exact download counts of one resource per language and month, for its organisers (counts of downloads,
    not of people)."""
    counts: dict[str, dict[str, int]] = defaultdict(dict)
    by_language: dict[str, int] = defaultdict(int)
    by_month: dict[str, int] = defaultdict(int)
    rows = DownloadCount.objects.filter(version__resource=resource).values_list("version__language", "month", "count")
    for language, month, count in rows:
        key = f"{month:%Y-%m}"
        counts[language][key] = counts[language].get(key, 0) + count
        by_language[language] += count
        by_month[key] += count
    order = {code: index for index, code in enumerate(site_languages())}
    return DownloadTable(
        months=sorted(by_month, reverse=True),
        languages=sorted(by_language, key=lambda code: order.get(code, len(order))),
        counts=dict(counts),
        by_language=dict(by_language),
        by_month=dict(by_month),
        total=sum(by_language.values()),
    )


def downloads_per_month(*, coalition_ids: Iterable[int], start: dt.date, end: dt.date) -> dict[str, int]:
    """``{"2026-03": 41, …}``: downloads of every resource of the coalitions, per month from ``start`` to ``end``."""
    rows = (
        DownloadCount.objects.filter(
            version__resource__coalition_id__in=list(coalition_ids),
            month__gte=start.replace(day=1),
            month__lte=end,
        )
        .values("month")
        .annotate(total=Sum("count"))
    )
    return {f"{row['month']:%Y-%m}": int(row["total"] or 0) for row in rows}


def language_name_choices() -> list[tuple[str, str]]:
    return [(code, str(name)) for code, name in settings.LANGUAGES]
