"""The public learning library: search and filters, a page per resource, and the counting download link."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.utils.translation import get_language
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from safecommunity.core.http import page_or_part
from safecommunity.programs.resources.cards import resource_card, version_card
from safecommunity.programs.resources.files import stored_path
from safecommunity.programs.resources.forms import LibraryForm
from safecommunity.programs.resources.models import Kind
from safecommunity.programs.resources.selectors import (
    in_visitor_order,
    resource_for_public,
    resources_for_public,
    version_for_download,
)
from safecommunity.programs.resources.services import resource_download_record
from safecommunity.programs.resources.text import privacy_enhanced_video_url

PAGE_SIZE = 20


def _language() -> str:
    return get_language() or settings.LANGUAGE_CODE


@require_GET
def library(request: HttpRequest) -> HttpResponse:
    form = LibraryForm(request.GET or None)
    status = 422 if form.is_bound and not form.is_valid() else 200
    filters = form.filters()
    page = Paginator(resources_for_public(filters=filters), PAGE_SIZE).get_page(request.GET.get("page"))
    language = _language()
    query = request.GET.copy()
    query.pop("page", None)
    context: dict[str, Any] = {
        "form": form,
        "page": page,
        "cards": [resource_card(resource, language, library_of=filters.coalition) for resource in page],
        "filtered": any(
            [filters.query, filters.topic, filters.audience, filters.kind, filters.language, filters.coalition]
        ),
        "query": query.urlencode(),
    }
    return page_or_part(
        request, page="resources/library.html", part="resources/_library_results.html", context=context, status=status
    )


@require_GET
def resource_detail(request: HttpRequest, coalition: str, slug: str) -> HttpResponse:
    resource = resource_for_public(coalition_slug=coalition, slug=slug)
    if resource is None:
        raise Http404
    language = _language()
    versions = [version_card(version, language) for version in in_visitor_order(resource.versions.all(), language)]
    context = {"card": resource_card(resource, language), "resource": resource, "versions": versions}
    return render(request, "resources/resource_detail.html", context)


@never_cache
@require_GET
def download(request: HttpRequest, coalition: str, slug: str, language: str) -> HttpResponseBase:
    """Count the download, then hand out the PDF or send the visitor on to the link."""
    version = version_for_download(coalition_slug=coalition, slug=slug, language=language)
    if version is None:
        raise Http404
    if version.is_file:
        path = stored_path(version.file_storage_name)
        if path is None:
            raise Http404
        resource_download_record(version=version)
        return FileResponse(
            path.open("rb"),
            as_attachment=True,
            filename=f"{version.resource.slug}-{version.language}.pdf",
            content_type="application/pdf",
        )
    if not version.url:
        raise Http404
    resource_download_record(version=version)
    target = privacy_enhanced_video_url(version.url) if version.resource.kind == Kind.VIDEO else version.url
    response = HttpResponseRedirect(target)
    response["Referrer-Policy"] = "no-referrer"
    return response
