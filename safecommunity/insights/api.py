"""Statistics over JSON: the same suppressed numbers as the dashboard; exact counts for analysts (audited)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext as _
from django.utils.translation import override
from ninja import Query, Router, Schema, Status

from safecommunity.core.access import require_api_capability
from safecommunity.core.roles import Capability
from safecommunity.insights.engine import DIMENSIONS, SelectionError
from safecommunity.insights.forms import SelectionForm
from safecommunity.insights.selectors import published_breakdown
from safecommunity.insights.services import statistics_exact_export
from safecommunity.insights.suppression import PublishedBreakdown

router = Router(tags=["statistics"])
REGIONS = Query([], description="Region slugs (repeat the parameter for several), or online.")


class RowOut(Schema):
    code: str
    label: str
    count: int
    percent: float


class SuppressedOut(Schema):
    code: str
    label: str
    shown_as: str


class BreakdownOut(Schema):
    total: int | None
    dimension: str
    dimension_label: str
    threshold: int
    exact: bool
    rows: list[RowOut]
    suppressed: list[SuppressedOut]


class PointOut(Schema):
    period: str
    label: str
    count: int | None
    shown_as: str


class TimeSeriesOut(Schema):
    total: int | None
    interval: str
    threshold: int
    exact: bool
    points: list[PointOut]


class ErrorsOut(Schema):
    errors: dict[str, list[str]]


def _published(request: HttpRequest, dimension: str, exact: bool) -> PublishedBreakdown | Status[Any]:
    """The selection in the URL counted by ``dimension``: suppressed, or exact (and audited) for an analyst."""
    form = SelectionForm(request.GET)
    if not form.is_valid():
        return Status(422, ErrorsOut(errors=form.errors_by_parameter()))
    selection = form.selection()
    try:
        if _exact_allowed(request, exact):
            return statistics_exact_export(actor=request.user, selection=selection, dimension=dimension, output="api")
        return published_breakdown(selection, dimension)
    except SelectionError as error:
        return Status(422, ErrorsOut(errors={error.field or "selection": [error.message]}))


def _shown_as(published: PublishedBreakdown, hidden: str) -> str:
    if hidden == "small":
        return _("fewer than %(threshold)d") % {"threshold": published.threshold}
    return _("hidden so that a small number cannot be worked out")


def _exact_allowed(request: HttpRequest, wanted: bool) -> bool:
    if wanted:
        require_api_capability(request, Capability.STATISTICS)
    return wanted


@router.get(
    "/stats/breakdown",
    response={200: BreakdownOut, 401: ErrorsOut, 403: ErrorsOut, 422: ErrorsOut},
    auth=None,
    url_name="stats_breakdown",
)
def stats_breakdown(
    request: HttpRequest,
    dimension: str = "incident_types",
    exact: bool = False,
    lang: str = "en",
    date_from: str = Query("", alias="from"),
    date_to: str = Query("", alias="to"),
    region: list[str] = REGIONS,
    bias_motivation: str = "",
    incident_type: str = "",
) -> Status[BreakdownOut | ErrorsOut]:
    """Reports counted by one dimension (``region``, ``incident_types``, ``location_type``, ``bias_motivations``,
    ``targeted_ethnicities``, ``age_group``, ``gender``, ``channel``, ``year``, ``month``) for a selection:
    ``from`` and ``to`` (YYYY-MM-DD, or YYYY-MM for whole months), ``region`` (repeatable; a slug from
    /api/v1/regions or ``online``), ``bias_motivation`` and ``incident_type`` (codes from /api/v1/taxonomy).

    Percentages are of all reports in the selection: multi-valued dimensions may add up to more than 100.
    Counts below the deployment's threshold, and the cells that would let them be worked out, are listed
    under ``suppressed`` instead of ``rows``. ``exact=true`` returns exact counts to a signed-in analyst and
    is recorded in the audit log."""
    with override(lang):
        if dimension not in DIMENSIONS:
            return Status(422, ErrorsOut(errors={"dimension": [_("There is no such dimension.")]}))
        published = _published(request, dimension, exact)
        if isinstance(published, Status):
            return published
        return Status(
            200,
            BreakdownOut(
                total=published.total,
                dimension=dimension,
                dimension_label=str(DIMENSIONS[dimension]),
                threshold=published.threshold,
                exact=exact,
                rows=[
                    RowOut(code=row.code, label=row.label, count=row.count or 0, percent=row.percent or 0.0)
                    for row in published.visible_rows
                ],
                suppressed=[
                    SuppressedOut(code=row.code, label=row.label, shown_as=_shown_as(published, row.hidden))
                    for row in published.hidden_rows
                ],
            ),
        )


@router.get(
    "/stats/timeseries",
    response={200: TimeSeriesOut, 401: ErrorsOut, 403: ErrorsOut, 422: ErrorsOut},
    auth=None,
    url_name="stats_timeseries",
)
def stats_timeseries(
    request: HttpRequest,
    interval: str = "month",
    exact: bool = False,
    lang: str = "en",
    date_from: str = Query("", alias="from"),
    date_to: str = Query("", alias="to"),
    region: list[str] = REGIONS,
    bias_motivation: str = "",
    incident_type: str = "",
) -> Status[TimeSeriesOut | ErrorsOut]:
    """Reports per ``month`` or ``year`` of the incident for the same selection parameters as the breakdown,
    with empty periods as zeros and small counts hidden the same way."""
    with override(lang):
        if interval not in ("month", "year"):
            return Status(422, ErrorsOut(errors={"interval": [_("Choose month or year as the interval.")]}))
        series = _published(request, interval, exact)
        if isinstance(series, Status):
            return series
        return Status(
            200,
            TimeSeriesOut(
                total=series.total,
                interval=interval,
                threshold=series.threshold,
                exact=exact,
                points=[
                    PointOut(
                        period=row.code,
                        label=row.label,
                        count=row.count,
                        shown_as="" if row.count is not None else _shown_as(series, row.hidden),
                    )
                    for row in series.rows
                ],
            ),
        )
