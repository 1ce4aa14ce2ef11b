"""The network over JSON: each city's protected report counts for a period (the network page's headline)."""

from __future__ import annotations

from django.http import HttpRequest
from ninja import Router, Schema
from ninja.errors import HttpError

from safecommunity.core.access import require_api_capability
from safecommunity.core.roles import Capability
from safecommunity.insights.engine import Selection, SelectionError
from safecommunity.programs.evaluation.forms import NetworkForm
from safecommunity.programs.evaluation.selectors import default_period, network_overview

router = Router(tags=["Network and evaluation"])


class CityOut(Schema):
    slug: str
    name: str
    # None when the city's reports in the period are fewer than the threshold (or it has no regions yet).
    reports: int | None
    shown_as: str  # "", "small" or "no_regions"


class NetworkOut(Schema):
    date_from: str
    date_to: str
    threshold: int
    cities: list[CityOut]


@router.get("/network", response=NetworkOut, summary="Protected report counts of every city of the network")
def network_api(request: HttpRequest) -> NetworkOut:
    require_api_capability(request, Capability.NETWORK)
    form = NetworkForm(request.GET)
    if not form.is_valid():
        raise HttpError(422, " ".join(str(error) for errors in form.errors.values() for error in errors))
    start, end = default_period()
    chosen = form.selection()
    selection = Selection(
        chosen.date_from or start,
        chosen.date_to or end,
        bias_motivation=chosen.bias_motivation,
        incident_type=chosen.incident_type,
    )
    try:
        network = network_overview(selection=selection, with_figures=False)
    except SelectionError as error:
        raise HttpError(422, error.message) from None
    cities = []
    for city in network.cities:
        total = None if city.tables is None else city.tables.total
        shown_as = "no_regions" if city.tables is None else ("small" if total is None else "")
        cities.append(CityOut(slug=city.coalition.slug, name=city.coalition.name, reports=total, shown_as=shown_as))
    return NetworkOut(
        date_from=network.date_from.isoformat(),
        date_to=network.date_to.isoformat(),
        threshold=network.threshold,
        cities=cities,
    )
