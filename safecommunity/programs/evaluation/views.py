"""The network page: every city side by side with protected numbers (staff and public), and its PDF report."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from safecommunity.core.access import staff_view
from safecommunity.core.http import no_store
from safecommunity.core.roles import Capability, has_capability
from safecommunity.insights.engine import Selection, SelectionError
from safecommunity.insights.forms import selection_query
from safecommunity.insights.pdf import render_pdf, static_base_url
from safecommunity.programs.evaluation.forms import NetworkForm
from safecommunity.programs.evaluation.selectors import (
    default_period,
    figure_rows,
    network_overview,
    shared_good_practices,
)


def _network_context(request: HttpRequest, *, staff: bool) -> tuple[dict[str, Any], int]:
    form = NetworkForm(request.GET or None)
    start, end = default_period()
    selection = Selection(start, end)
    status = 200
    if form.is_bound:
        if form.is_valid():
            chosen = form.selection()
            selection = Selection(
                chosen.date_from or start,
                chosen.date_to or end,
                bias_motivation=chosen.bias_motivation,
                incident_type=chosen.incident_type,
            )
            if selection.date_from and selection.date_to and selection.date_from > selection.date_to:
                form.add_error("date_to", _("The end of the period must be on or after its start."))
                selection, status = Selection(start, end), 422
        else:
            status = 422
    else:
        form = NetworkForm(initial={"date_from": start.isoformat(), "date_to": end.isoformat()})
    try:
        network = network_overview(selection=selection, with_projects=staff)
    except SelectionError as error:
        form.add_error(None, error.message)
        network = network_overview(selection=Selection(start, end), with_projects=staff)
        status = 422
    query = [(name, value) for name, value in selection_query(selection) if name != "region"]
    context = {
        "form": form,
        "network": network,
        "practices": list(shared_good_practices()),
        "figure_rows": figure_rows(),
        "staff": staff,
        "query": query,
        "may_manage_projects": staff and has_capability(request.user, Capability.MANAGE_PROGRAMS),
        "generated_on": timezone.localdate(),
    }
    return context, status


@staff_view(Capability.NETWORK)
@require_GET
def network(request: HttpRequest) -> HttpResponse:
    context, status = _network_context(request, staff=True)
    return no_store(render(request, "evaluation/network.html", context, status=status))


@require_GET
def network_public(request: HttpRequest) -> HttpResponse:
    context, status = _network_context(request, staff=False)
    return render(request, "evaluation/network_public.html", context, status=status)


@staff_view(Capability.NETWORK)
@require_GET
def network_pdf(request: HttpRequest) -> HttpResponse:
    context, _status = _network_context(request, staff=True)
    html = render_to_string("evaluation/network_pdf.html", context, request)
    pdf = render_pdf(html, base_url=static_base_url())
    network = context["network"]
    response = HttpResponse(pdf, content_type="application/pdf")
    filename = f"network-{network.date_from:%Y%m%d}-{network.date_to:%Y%m%d}.pdf"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return no_store(response)
