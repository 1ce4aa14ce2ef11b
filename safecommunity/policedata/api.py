"""Police-reported counts over JSON: a separate source, published by the agencies, never mixed into community counts."""

from __future__ import annotations

import datetime as dt

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Query, Router, Schema, Status

from safecommunity.policedata.selectors import DIMENSIONS, PoliceQueryError, police_breakdown, police_datasets

router = Router(tags=["police data"])


def source_note(name: str) -> str:
    return _(
        "Police-reported data: %(name)s. This is a separate source from community reports and is never added to them."
    ) % {"name": name}


class DatasetOut(Schema):
    slug: str
    name: str
    source: str
    source_url: str
    description: str
    imported_at: dt.datetime | None
    incidents: int
    year_from: int | None
    year_to: int | None


class BreakdownRowOut(Schema):
    code: str
    label: str
    count: int
    percent: float  # of the total's incidents; rows of a multi-valued dimension can add up to more than 100


class BreakdownOut(Schema):
    source: str
    dataset: str
    total: int
    dimension: str
    rows: list[BreakdownRowOut]


class ErrorsOut(Schema):
    errors: dict[str, list[str]]


@router.get("/police/datasets", response=list[DatasetOut], auth=None)
def list_police_datasets(request: HttpRequest) -> list[DatasetOut]:
    """The police-reported datasets that have been imported (e.g. ``fbi``: the FBI's hate crime incidents)."""
    from django.db.models import Max, Min

    out = []
    for dataset in police_datasets().annotate(first=Min("incidents__year"), last=Max("incidents__year")):
        out.append(
            DatasetOut(
                slug=dataset.slug,
                name=dataset.name,
                source=source_note(dataset.name),
                source_url=dataset.source_url,
                description=dataset.description,
                imported_at=dataset.imported_at,
                incidents=dataset.incident_count,
                year_from=dataset.first,
                year_to=dataset.last,
            )
        )
    return out


@router.get("/police/breakdown", response={200: BreakdownOut, 422: ErrorsOut}, auth=None)
def police_breakdown_api(
    request: HttpRequest,
    dimension: str,
    dataset: str = "fbi",
    year_from: str = "",
    year_to: str = "",
    state: list[str] = Query([]),  # noqa: B008
    region: list[str] = Query([]),  # noqa: B008
    bias_motivation: str = "",
    bias: str = "",
) -> Status[BreakdownOut | ErrorsOut]:
    """Incidents counted by one dimension: year, state, agency, region, bias (the agency's label),
    bias_motivation, ethnicity, offense, incident_type, location or location_type. Filters: a year range,
    states (e.g. CA), regions (slugs), a bias motivation code, an agency's bias label (e.g. Anti-Asian).
    Counts are the agencies' published figures, shown as they are."""
    errors: dict[str, list[str]] = {}
    years: dict[str, int | None] = {}
    for name, value in (("year_from", year_from), ("year_to", year_to)):
        years[name] = None
        if value.strip():
            try:
                years[name] = int(value)
            except ValueError:
                errors[name] = [_("“%(value)s” is not a year.") % {"value": value}]
    if dimension not in DIMENSIONS:
        errors["dimension"] = [
            _("“%(dimension)s” is not a dimension police data can be counted by. Choose one of: %(dimensions)s.")
            % {"dimension": dimension, "dimensions": ", ".join(DIMENSIONS)}
        ]
    if errors:
        return Status(422, ErrorsOut(errors=errors))
    try:
        breakdown = police_breakdown(
            dataset=dataset,
            dimension=dimension,
            year_from=years["year_from"],
            year_to=years["year_to"],
            states=[value for value in state if value.strip()],
            regions=[value for value in region if value.strip()],
            bias_motivation=bias_motivation or None,
            bias_label=bias or None,
        )
    except PoliceQueryError as error:
        return Status(422, ErrorsOut(errors={error.field: [error.message]}))
    return Status(
        200,
        BreakdownOut(
            source=source_note(breakdown.dataset_name),
            dataset=breakdown.dataset,
            total=breakdown.total,
            dimension=breakdown.dimension,
            rows=[
                BreakdownRowOut(code=row.code, label=row.label, count=row.count, percent=breakdown.percent(row))
                for row in breakdown.rows
            ],
        ),
    )
