"""Counting police-reported incidents, always as a source of their own.

Police data is published by the agencies already, so counts are shown as they are (no small-number
suppression). They are never added to community counts: callers show them side by side, labelled.
Incidents can carry several biases, offenses and locations, so the rows of a breakdown by one of
those can add up to more than the total (each row counts the incidents that have that value).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.db.models import Count, QuerySet
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from safecommunity.core.memo import remembered
from safecommunity.core.models import Region
from safecommunity.core.taxonomy import (
    BIAS_MOTIVATIONS,
    INCIDENT_TYPES,
    LOCATION_TYPES,
    TARGETED_ETHNICITIES,
    Vocabulary,
)
from safecommunity.policedata.models import PoliceDataset, PoliceIncident, PoliceIncidentCode


@dataclass(frozen=True)
class Dimension:
    name: str
    kind: str = ""  # a PoliceIncidentCode kind, or "" for a field of the incident itself
    column: str = ""  # the code row's column counted: label, code or ethnicity
    vocabulary: Vocabulary | None = None


DIMENSIONS: dict[str, Dimension] = {
    dimension.name: dimension
    for dimension in (
        Dimension("year"),
        Dimension("state"),
        Dimension("agency"),
        Dimension("region"),
        Dimension("bias", "bias", "label"),
        Dimension("bias_motivation", "bias", "code", BIAS_MOTIVATIONS),
        Dimension("ethnicity", "bias", "ethnicity", TARGETED_ETHNICITIES),
        Dimension("offense", "offense", "label"),
        Dimension("incident_type", "offense", "code", INCIDENT_TYPES),
        Dimension("location", "location", "label"),
        Dimension("location_type", "location", "code", LOCATION_TYPES),
    )
}


class PoliceQueryError(ValueError):
    """A question that cannot be answered as asked; ``field`` names the parameter, the message says why."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


@dataclass(frozen=True)
class PoliceRow:
    code: str
    label: str
    count: int


@dataclass(frozen=True)
class PoliceBreakdown:
    dataset: str
    dataset_name: str
    dimension: str
    total: int
    rows: list[PoliceRow]

    def percent(self, row: PoliceRow) -> float:
        """The share of the total's incidents that ``row`` counts, in percent with one decimal."""
        return round(100 * row.count / self.total, 1) if self.total else 0.0


def police_datasets() -> QuerySet[PoliceDataset]:
    return PoliceDataset.objects.filter(imported_at__isnull=False).order_by("name")


def police_dataset(slug: str) -> PoliceDataset:
    dataset = PoliceDataset.objects.filter(slug=slug).first()
    if dataset is None:
        raise PoliceQueryError(
            "dataset", _("There is no police dataset “%(dataset)s”. See /api/v1/police/datasets.") % {"dataset": slug}
        )
    return dataset


def police_breakdown(
    *,
    dataset: str,
    dimension: str,
    year_from: int | None = None,
    year_to: int | None = None,
    states: Sequence[str] = (),
    regions: Sequence[str] = (),
    bias_motivation: str | None = None,
    bias_label: str | None = None,
) -> PoliceBreakdown:
    """Incidents of ``dataset`` counted by ``dimension`` (one of ``DIMENSIONS``), within the filters.

    Answers are remembered for a minute per worker (a count over the whole FBI file takes about a second;
    the data changes only when a file is imported or agencies are placed in other regions, and those
    services forget what was remembered)."""
    return _remembered_breakdown(
        dataset=dataset,
        dimension=dimension,
        year_from=year_from,
        year_to=year_to,
        states=tuple(states),
        regions=tuple(regions),
        bias_motivation=bias_motivation,
        bias_label=bias_label,
        language=get_language() or "",
    )


@remembered(seconds=60, max_entries=500)
def _remembered_breakdown(
    *,
    dataset: str,
    dimension: str,
    year_from: int | None,
    year_to: int | None,
    states: tuple[str, ...],
    regions: tuple[str, ...],
    bias_motivation: str | None,
    bias_label: str | None,
    language: str,
) -> PoliceBreakdown:
    found = police_dataset(dataset)
    chosen = DIMENSIONS.get(dimension)
    if chosen is None:
        raise PoliceQueryError(
            "dimension",
            _("“%(dimension)s” is not a dimension police data can be counted by. Choose one of: %(dimensions)s.")
            % {"dimension": dimension, "dimensions": ", ".join(DIMENSIONS)},
        )
    region_ids = _region_ids(regions)
    incidents = _filtered(
        PoliceIncident.objects.filter(dataset=found),
        dataset=found,
        year_from=year_from,
        year_to=year_to,
        states=states,
        region_ids=region_ids,
        bias_motivation=bias_motivation,
        bias_label=bias_label,
    )
    total = incidents.count()
    if chosen.kind:
        rows = _code_rows(
            chosen,
            _filtered(
                PoliceIncidentCode.objects.filter(dataset=found, kind=chosen.kind),
                dataset=found,
                year_from=year_from,
                year_to=year_to,
                states=states,
                region_ids=region_ids,
                bias_motivation=bias_motivation,
                bias_label=bias_label,
                by_incident="incident_id",
            ),
        )
    else:
        rows = _incident_rows(chosen, incidents)
    return PoliceBreakdown(dataset=found.slug, dataset_name=found.name, dimension=chosen.name, total=total, rows=rows)


def police_counts_by_region_year(
    *,
    dataset: str,
    regions: Iterable[str],
    years: Iterable[int],
    bias_motivation: str | None = None,
    bias_label: str | None = None,
) -> dict[tuple[str, int], int]:
    """Incidents per (region slug, year), zero where there were none, for side-by-side tables with
    community figures. Only incidents of agencies placed in a region count (see PoliceAgencyRegion)."""
    found = police_dataset(dataset)
    slugs, wanted_years = list(regions), sorted(set(years))
    region_ids = _region_ids(slugs)
    counts = dict.fromkeys(((slug, year) for slug in slugs for year in wanted_years), 0)
    if not slugs or not wanted_years:
        return counts
    incidents = _filtered(
        PoliceIncident.objects.filter(dataset=found, year__in=wanted_years),
        dataset=found,
        region_ids=region_ids,
        bias_motivation=bias_motivation,
        bias_label=bias_label,
    )
    for slug, year, count in incidents.values_list("region__slug", "year").annotate(n=Count("id")).order_by():
        counts[(slug, year)] = count
    return counts


def _region_ids(slugs: Sequence[str]) -> list[int]:
    if not slugs:
        return []
    ids = dict(Region.objects.filter(slug__in=slugs).values_list("slug", "pk"))
    unknown = [slug for slug in slugs if slug not in ids]
    if unknown:
        raise PoliceQueryError(
            "region", _("There is no region “%(region)s”. See /api/v1/regions.") % {"region": ", ".join(unknown)}
        )
    return [ids[slug] for slug in slugs]


def _filtered(
    queryset: QuerySet,
    *,
    dataset: PoliceDataset,
    year_from: int | None = None,
    year_to: int | None = None,
    states: Sequence[str] = (),
    region_ids: Sequence[int] = (),
    bias_motivation: str | None = None,
    bias_label: str | None = None,
    by_incident: str = "pk",
) -> QuerySet:
    """The same filters for incidents and for their code rows (which repeat year, state and region)."""
    if year_from is not None and year_to is not None and year_from > year_to:
        raise PoliceQueryError("year_from", _("The first year comes after the last year."))
    if year_from is not None:
        queryset = queryset.filter(year__gte=year_from)
    if year_to is not None:
        queryset = queryset.filter(year__lte=year_to)
    if states:
        queryset = queryset.filter(state__in=[state.strip().upper() for state in states])
    if region_ids:
        queryset = queryset.filter(region_id__in=region_ids)
    if bias_motivation:
        if bias_motivation not in BIAS_MOTIVATIONS.codes:
            raise PoliceQueryError(
                "bias_motivation",
                _("“%(code)s” is not a bias motivation code. Choose one of: %(codes)s.")
                % {"code": bias_motivation, "codes": ", ".join(BIAS_MOTIVATIONS.codes)},
            )
        having = PoliceIncidentCode.objects.filter(dataset=dataset, kind="bias", code=bias_motivation)
        queryset = queryset.filter(**{f"{by_incident}__in": having.values("incident_id")})
    if bias_label:
        having = PoliceIncidentCode.objects.filter(dataset=dataset, kind="bias", label=bias_label)
        queryset = queryset.filter(**{f"{by_incident}__in": having.values("incident_id")})
    return queryset


def _code_rows(dimension: Dimension, codes: QuerySet) -> list[PoliceRow]:
    column = dimension.column
    if column == "ethnicity":
        # Only the labels that name a group: an incident's other biases say nothing about a group.
        codes = codes.exclude(ethnicity="")
    # A label is there once per incident; two labels of one incident may share a project code.
    counted = Count("incident_id", distinct=True) if column != "label" else Count("id")
    rows = []
    for value, count in codes.values_list(column).annotate(n=counted).order_by():
        if dimension.vocabulary is None:
            label = value
        elif value:
            label = dimension.vocabulary.label(value)
        else:
            label = _("Not mapped to a project code")
        rows.append(PoliceRow(code=value, label=label, count=count))
    return sorted(rows, key=lambda row: (-row.count, row.label))


def _incident_rows(dimension: Dimension, incidents: QuerySet) -> list[PoliceRow]:
    if dimension.name == "year":
        grouped = incidents.values_list("year").annotate(n=Count("id")).order_by("year")
        return [PoliceRow(code=str(year), label=str(year), count=count) for year, count in grouped]
    if dimension.name == "state":
        grouped = incidents.values_list("state").annotate(n=Count("id")).order_by()
        rows = [PoliceRow(code=state, label=state, count=count) for state, count in grouped]
    elif dimension.name == "agency":
        grouped = incidents.values_list("agency_id", "agency_name").annotate(n=Count("id")).order_by()
        rows = [PoliceRow(code=agency_id or name, label=name or agency_id, count=n) for agency_id, name, n in grouped]
    else:
        grouped = incidents.values_list("region__slug", "region__name").annotate(n=Count("id")).order_by()
        rows = [
            PoliceRow(
                code=slug or "", label=name or _("Agencies not placed in any of the coalition's regions"), count=n
            )
            for slug, name, n in grouped
        ]
    return sorted(rows, key=lambda row: (-row.count, row.label))
