"""Reads of the network and its projects, already scoped to what the person asking may see.

Reports are counted per coalition through the published (protected) statistics only
(``insights.selectors.published_tables``), so the network page hides small numbers exactly
like the public dashboard. Projects are read by organisers of their own coalition (another
coalition's project is simply not found); the network sees them only as protected figures.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from safecommunity.accounts.models import Coalition, Organisation, User
from safecommunity.accounts.selectors import coalition_ids_for
from safecommunity.core import indicators as registry
from safecommunity.core.models import Region
from safecommunity.insights.engine import DIMENSIONS, Selection
from safecommunity.insights.selectors import PublishedTables, published_tables
from safecommunity.insights.suppression import PublishedRow, threshold
from safecommunity.programs.evaluation.models import GoodPractice, Milestone, Project, ProjectIndicator
from safecommunity.programs.opencalls.models import Application
from safecommunity.programs.opencalls.selectors import awarded_applications

from .selectors_indicators import Figure, ProjectSummary, compute, figure_of, project_summary

# The tables the network page shows, cities side by side.
NETWORK_DIMENSIONS = ("incident_types", "bias_motivations", "location_type", "age_group", "gender", "month")

# The programme figures shown for every city, as codes of the indicator registry (a code no app registered is
# shown as "not available").
CITY_FIGURES = (
    "events_held",
    "event_attendance",
    "people_trained",
    "volunteer_hours",
    "resource_downloads",
    "survey_responses",
)


def figure_rows() -> list[tuple[str, str]]:
    """The rows of the programme figures table: each code with its label (the registry's, or ours when no app
    provides the indicator, which is then shown as "not available")."""
    labels = {
        "events_held": _("Events held"),
        "event_attendance": _("People who attended events"),
        "people_trained": _("People trained"),
        "volunteer_hours": _("Hours given by volunteers"),
        "resource_downloads": _("Downloads of learning resources"),
        "survey_responses": _("Survey responses"),
    }
    rows = []
    for code in CITY_FIGURES:
        found = registry.indicator(code)
        rows.append((code, str(found.label) if found else str(labels[code])))
    return rows


# --- the network ---------------------------------------------------------------------------------------------


@dataclass
class City:
    coalition: Coalition
    region_slugs: tuple[str, ...]
    tables: PublishedTables | None  # None: the coalition has no regions yet
    figures: list[Figure] = field(default_factory=list)
    projects: list[ProjectSummary] = field(default_factory=list)


@dataclass
class CrossRow:
    code: str
    label: str
    cells: list[PublishedRow | None]  # one per city; None: the city has no regions


@dataclass
class CrossTable:
    dimension: str
    caption: str
    rows: list[CrossRow]


@dataclass
class Network:
    date_from: dt.date
    date_to: dt.date
    threshold: int
    cities: list[City]
    tables: list[CrossTable]


def default_period(today: dt.date | None = None) -> tuple[dt.date, dt.date]:
    """The twelve whole months before the current one."""
    today = today or timezone.localdate()
    end = today.replace(day=1) - dt.timedelta(days=1)
    index = end.year * 12 + end.month - 1 - 11
    return dt.date(index // 12, index % 12 + 1, 1), end


def coalition_region_slugs(coalition: Coalition) -> tuple[str, ...]:
    if coalition.region_set_id is None:
        return ()
    return tuple(
        Region.objects.filter(region_set_id=coalition.region_set_id).order_by("slug").values_list("slug", flat=True)
    )


def network_overview(
    *,
    selection: Selection,
    with_figures: bool = True,
    with_projects: bool = False,
    coalition_ids: set[int] | None = None,
) -> Network:
    """Every coalition side by side for the period (and bias motivation, type of incident) of ``selection``:
    published report counts per dimension, programme figures and, for staff, each city's projects."""
    assert selection.date_from and selection.date_to
    coalitions = Coalition.objects.select_related("region_set").order_by("name")
    if coalition_ids is not None:
        coalitions = coalitions.filter(pk__in=coalition_ids)
    cities = []
    for coalition in coalitions:
        slugs = coalition_region_slugs(coalition)
        tables = None
        if slugs:
            city_selection = Selection(
                selection.date_from, selection.date_to, slugs, selection.bias_motivation, selection.incident_type
            )
            tables = published_tables(city_selection, NETWORK_DIMENSIONS)
        city = City(coalition=coalition, region_slugs=slugs, tables=tables)
        if with_figures:
            city.figures = city_figures(coalition, selection.date_from, selection.date_to)
        if with_projects:
            city.projects = [project_summary(project) for project in network_projects(coalition)]
        cities.append(city)
    return Network(
        date_from=selection.date_from,
        date_to=selection.date_to,
        threshold=threshold(),
        cities=cities,
        tables=_cross_tables(cities),
    )


def _cross_tables(cities: list[City]) -> list[CrossTable]:
    tables = []
    for dimension in NETWORK_DIMENSIONS:
        order: dict[str, str] = {}
        by_city: list[dict[str, PublishedRow] | None] = []
        for city in cities:
            if city.tables is None:
                by_city.append(None)
                continue
            rows = city.tables[dimension].rows
            for row in rows:
                order.setdefault(row.code, row.label)
            by_city.append({row.code: row for row in rows})
        if dimension != "month":
            # The first city's order (most reports first) would favour it: the vocabulary's order for everyone.
            order = dict(sorted(order.items(), key=lambda item: (item[0] == "not_stated", str(item[1]))))
        rows_out = [
            CrossRow(
                code=code,
                label=label,
                cells=[None if rows is None else rows.get(code) for rows in by_city],
            )
            for code, label in order.items()
        ]
        tables.append(CrossTable(dimension=dimension, caption=str(DIMENSIONS[dimension]), rows=rows_out))
    return tables


def city_figures(coalition: Coalition, start: dt.date, end: dt.date) -> list[Figure]:
    scope = registry.IndicatorScope(
        organisation_ids=tuple(Organisation.objects.filter(coalition=coalition).values_list("pk", flat=True)),
        region_ids=tuple(Region.objects.filter(region_set_id=coalition.region_set_id).values_list("pk", flat=True))
        if coalition.region_set_id
        else (),
        start=start,
        end=end,
        coalition_id=coalition.pk,
    )
    return [figure_of(code, compute(code, scope), protect_people=True) for code in CITY_FIGURES]


def shared_good_practices() -> QuerySet[GoodPractice]:
    return GoodPractice.objects.filter(shared=True).select_related("coalition", "project").order_by("coalition__name")


# --- projects -------------------------------------------------------------------------------------------------


def projects_for_staff(*, user: User) -> QuerySet[Project]:
    projects = Project.objects.select_related("coalition", "organisation").prefetch_related("milestones", "indicators")
    ids = coalition_ids_for(user=user)
    return projects if ids is None else projects.filter(coalition_id__in=ids)


def project_for_staff(*, user: User, project_id: int) -> Project | None:
    return projects_for_staff(user=user).filter(pk=project_id).first()


def milestone_for_staff(*, user: User, project: Project, milestone_id: int) -> Milestone | None:
    return project.milestones.filter(pk=milestone_id).first()


def project_indicator_for_staff(*, project: Project, indicator_id: int) -> ProjectIndicator | None:
    return project.indicators.filter(pk=indicator_id).first()


def good_practices_for_staff(*, user: User) -> QuerySet[GoodPractice]:
    practices = GoodPractice.objects.select_related("coalition", "project")
    ids = coalition_ids_for(user=user)
    return practices if ids is None else practices.filter(coalition_id__in=ids)


def network_projects(coalition: Coalition) -> list[Project]:
    return list(
        Project.objects.filter(coalition=coalition)
        .exclude(status=Project.Status.CANCELLED)
        .select_related("coalition", "organisation")
        .prefetch_related("milestones", "indicators", "regions")
    )


def organisations_for_projects(*, user: User) -> QuerySet[Organisation]:
    organisations = Organisation.objects.filter(is_active=True).select_related("coalition")
    ids = coalition_ids_for(user=user)
    return organisations if ids is None else organisations.filter(coalition_id__in=ids)


def regions_for_projects(*, user: User) -> QuerySet[Region]:
    regions = Region.objects.filter(region_set__coalitions__isnull=False).distinct()
    ids = coalition_ids_for(user=user)
    if ids is not None:
        regions = regions.filter(region_set__coalitions__in=ids)
    return regions.order_by("name")


def coalitions_for_staff(*, user: User) -> QuerySet[Coalition]:
    ids = coalition_ids_for(user=user)
    coalitions = Coalition.objects.order_by("name")
    return coalitions if ids is None else coalitions.filter(pk__in=ids)


# --- open calls: awards that can become projects ----------------------------------------------------------------


def awarded_applications_without_project(*, user: User) -> list[Application]:
    """Awards of the open calls of the staff member's coalitions that no project continues yet."""
    return list(awarded_applications(coalition_ids=coalition_ids_for(user=user)).filter(project__isnull=True))


def awarded_application_for_staff(*, user: User, application_id: int) -> Application | None:
    return (
        awarded_applications(coalition_ids=coalition_ids_for(user=user))
        .filter(project__isnull=True, pk=application_id)
        .first()
    )
