"""Open data: public downloads of the suppressed statistics for a selection, and the data dictionary.

The selection is the dashboard's (``from``, ``to``, ``region``, ``bias_motivation``, ``incident_type``); labels
are in the URL's language. Files may be kept by shared caches for five minutes; pages only when nobody is
signed in (they then show nothing personal).
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from safecommunity.insights import opendata
from safecommunity.insights.engine import SelectionError
from safecommunity.insights.forms import SelectionForm, selection_query
from safecommunity.insights.selectors import PublishedTables
from safecommunity.insights.suppression import threshold

PUBLIC_CACHE = "public, max-age=300"


def _public(response: HttpResponse, request: HttpRequest | None = None) -> HttpResponse:
    """Files and anonymous pages may be cached by anyone for five minutes; a signed-in person's page may not."""
    if request is not None and request.user.is_authenticated:
        response["Cache-Control"] = "private, no-cache"
    else:
        response["Cache-Control"] = PUBLIC_CACHE
    return response


def _download(content: str, *, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content.encode("utf-8"), content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return _public(response)


def _tables(
    request: HttpRequest, dimensions: tuple[str, ...] = opendata.OPEN_DATA_DIMENSIONS
) -> PublishedTables | dict[str, list[str]]:
    """The published tables of the request's selection, or the errors (by URL parameter) that explain why not."""
    form = SelectionForm(request.GET)
    if not form.is_valid():
        return form.errors_by_parameter()
    try:
        return opendata.open_data_tables(form.selection(), dimensions)
    except SelectionError as error:
        return {error.field or "selection": [error.message]}


def _json_errors(errors: dict[str, list[str]]) -> JsonResponse:
    return JsonResponse({"errors": errors}, status=422, json_dumps_params={"ensure_ascii": False})


def _dictionary_url(request: HttpRequest) -> str:
    return request.build_absolute_uri(reverse("insights:data_dictionary"))


@require_GET
def open_data_csv(request: HttpRequest) -> HttpResponse:
    tables = _tables(request)
    if not isinstance(tables, PublishedTables):
        lines = [_("The statistics could not be made for these parameters:")]
        lines += [f"{parameter}: {message}" for parameter, messages in tables.items() for message in messages]
        return HttpResponse("\n".join(lines) + "\n", status=422, content_type="text/plain; charset=utf-8")
    return _download(
        opendata.as_csv(tables),
        content_type="text/csv; charset=utf-8",
        filename=opendata.filename(tables.selection, "csv"),
    )


@require_GET
def open_data_json(request: HttpRequest) -> HttpResponse:
    tables = _tables(request)
    if not isinstance(tables, PublishedTables):
        return _json_errors(tables)
    return _download(
        opendata.as_json_text(tables, dictionary_url=_dictionary_url(request)),
        content_type="application/json",
        filename=opendata.filename(tables.selection, "json"),
    )


@require_GET
def open_data_geojson(request: HttpRequest) -> HttpResponse:
    tables = _tables(request, ("region",))
    if not isinstance(tables, PublishedTables):
        return _json_errors(tables)
    return _download(
        opendata.as_geojson_text(tables, dictionary_url=_dictionary_url(request)),
        content_type="application/geo+json",
        filename=opendata.filename(tables.selection, "geojson"),
    )


@require_GET
def open_data(request: HttpRequest) -> HttpResponse:
    """The downloads for the selection in the URL, with a form to change it."""
    form = SelectionForm(request.GET)
    if not form.is_valid():
        return render(request, "insights/open_data.html", {"form": form, "threshold": threshold()}, status=422)
    selection = form.selection()
    query = urlencode(selection_query(selection))
    suffix = f"?{query}" if query else ""
    downloads = {kind: reverse(f"insights:open_data_{kind}") + suffix for kind in ("csv", "json", "geojson")}
    api_query = urlencode([*selection_query(selection), ("lang", get_language())])
    context = {
        "form": form,
        "selection": selection,
        "downloads": downloads,
        "api_url": f"{reverse('api:stats_breakdown')}?{api_query}",
        "licence": opendata.licence(),
        "threshold": threshold(),
    }
    return _public(render(request, "insights/open_data.html", context), request)


@require_GET
def data_dictionary(request: HttpRequest) -> HttpResponse:
    """Every file, column, dimension and code of the open data, in the page's language, and how hiding works."""
    context = {
        "dimensions": opendata.dictionary_dimensions(),
        "threshold": threshold(),
        "licence": opendata.licence(),
    }
    return _public(render(request, "insights/data_dictionary.html", context), request)
