"""Policy briefs: analysts make, publish and regenerate them; anyone reads the published ones (HTML, PDF, feed).

A brief is always shown in its own language (``translation.override``), with
``dir="rtl"`` for Arabic, whatever language the site is browsed in.
"""

from __future__ import annotations

import uuid
from typing import Any

from django.contrib import messages
from django.core.cache import cache
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from safecommunity.core.access import staff_view
from safecommunity.core.http import no_store, private_download
from safecommunity.core.roles import Capability
from safecommunity.insights.engine import SelectionError
from safecommunity.insights.forms_briefs import BriefForm
from safecommunity.insights.models_briefs import Brief
from safecommunity.insights.pdf import render_pdf, static_base_url
from safecommunity.insights.selectors_briefs import (
    brief_document,
    brief_for_staff,
    brief_title,
    briefs_for_staff,
    published_brief,
    published_briefs,
)
from safecommunity.insights.services_briefs import (
    BriefError,
    brief_create,
    brief_exact_export_record,
    brief_publish,
    brief_regenerate,
    brief_unpublish,
)

PUBLISHED_PDF_SECONDS = 24 * 60 * 60

# --- analysts ---------------------------------------------------------------------------------------------------


@staff_view(Capability.STATISTICS)
@require_GET
def brief_list(request: HttpRequest) -> HttpResponse:
    briefs = list(briefs_for_staff())
    rows = []
    for brief in briefs:
        with translation.override(brief.language):
            title = brief_title(brief)
        rows.append({"brief": brief, "title": title})
    return no_store(render(request, "insights/brief_list.html", {"rows": rows}))


@staff_view(Capability.STATISTICS)
@require_http_methods(["GET", "POST"])
def brief_new(request: HttpRequest) -> HttpResponse:
    if request.method != "POST":
        form = BriefForm(initial={"language": get_language(), "audience": Brief.Audience.PUBLIC})
        return no_store(render(request, "insights/brief_form.html", {"form": form}))
    form = BriefForm(request.POST)
    if form.is_valid():
        try:
            brief = brief_create(
                actor=request.user,
                selection=form.selection(),
                language=form.cleaned_data["language"],
                audience=form.cleaned_data["audience"],
                title=form.cleaned_data["title"],
            )
        except (BriefError, SelectionError) as error:
            form.add_error(None, error.message)
        else:
            return HttpResponseRedirect(reverse("insights:brief_detail", args=[brief.public_id]))
    return no_store(render(request, "insights/brief_form.html", {"form": form}, status=422))


@staff_view(Capability.STATISTICS)
@require_GET
def brief_detail(request: HttpRequest, brief_id: uuid.UUID) -> HttpResponse:
    brief = _staff_brief(brief_id)
    if not brief.is_public:
        brief_exact_export_record(actor=request.user, brief=brief, output="brief_page")
    return no_store(_brief_page(request, brief, "insights/brief_detail.html"))


@staff_view(Capability.STATISTICS)
@require_GET
def brief_pdf(request: HttpRequest, brief_id: uuid.UUID) -> HttpResponse:
    brief = _staff_brief(brief_id)
    if not brief.is_public:
        brief_exact_export_record(actor=request.user, brief=brief, output="brief_pdf")
    return private_download(content=_pdf(request, brief), content_type="application/pdf", filename=_filename(brief))


@staff_view(Capability.STATISTICS)
@require_POST
def brief_action(request: HttpRequest, brief_id: uuid.UUID, action: str) -> HttpResponse:
    brief = _staff_brief(brief_id)
    act = {"publish": brief_publish, "unpublish": brief_unpublish, "regenerate": brief_regenerate}[action]
    try:
        act(actor=request.user, brief=brief)
    except BriefError as error:
        if not brief.is_public:
            brief_exact_export_record(actor=request.user, brief=brief, output="brief_page")
        page = _brief_page(request, brief, "insights/brief_detail.html", {"action_error": error.message}, status=422)
        return no_store(page)
    done = {
        "publish": _("The brief is published."),
        "unpublish": _("The brief is no longer published."),
        "regenerate": _("The figures were computed again from the same inputs."),
    }[action]
    messages.success(request, done)
    return HttpResponseRedirect(reverse("insights:brief_detail", args=[brief.public_id]))


def _staff_brief(brief_id: uuid.UUID) -> Brief:
    brief = brief_for_staff(brief_id)
    if brief is None:
        raise Http404
    return brief


# --- everyone ---------------------------------------------------------------------------------------------------


@require_GET
def published_brief_list(request: HttpRequest) -> HttpResponse:
    rows = []
    for brief in published_briefs():
        with translation.override(brief.language):
            title = brief_title(brief)
        rows.append({"brief": brief, "title": title})
    return render(request, "insights/brief_published_list.html", {"rows": rows})


@require_GET
def published_brief_page(request: HttpRequest, brief_id: uuid.UUID) -> HttpResponse:
    return _brief_page(request, _public_brief(brief_id), "insights/brief_published.html")


@require_GET
def published_brief_pdf(request: HttpRequest, brief_id: uuid.UUID) -> HttpResponse:
    brief = _public_brief(brief_id)
    # A PDF takes a second or two to draw: a published brief's is drawn once per version and kept a day.
    assert brief.published_at is not None
    key = f"insights:brief-pdf:{brief.public_id}:{brief.computed_at.timestamp()}:{brief.published_at.timestamp()}"
    pdf = cache.get(key)
    if pdf is None:
        pdf = _pdf(request, brief)
        cache.set(key, pdf, PUBLISHED_PDF_SECONDS)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{_filename(brief)}"'
    return response


def _public_brief(brief_id: uuid.UUID) -> Brief:
    brief = published_brief(brief_id)
    if brief is None:
        raise Http404
    return brief


# --- rendering --------------------------------------------------------------------------------------------------


def _brief_page(
    request: HttpRequest, brief: Brief, template: str, extra: dict[str, Any] | None = None, *, status: int = 200
) -> HttpResponse:
    with translation.override(brief.language):
        context = {"document": brief_document(brief), **(extra or {})}
        return HttpResponse(render_to_string(template, context, request), status=status)


def _pdf(request: HttpRequest, brief: Brief) -> bytes:
    with translation.override(brief.language):
        html = render_to_string(
            "insights/brief_pdf.html",
            {"document": brief_document(brief), "page_url": request.build_absolute_uri(_public_url(brief))},
            request,
        )
    return render_pdf(html, base_url=static_base_url())


def _public_url(brief: Brief) -> str:
    if brief.is_published:
        return reverse("insights:published_brief", args=[brief.public_id])
    return reverse("insights:brief_detail", args=[brief.public_id])


def _filename(brief: Brief) -> str:
    return f"brief-{brief.date_from:%Y%m%d}-{brief.date_to:%Y%m%d}-{brief.language}-{str(brief.public_id)[:8]}.pdf"
