"""Cumulative stages of a report submission, served only by the benchmark's server (``stages_settings``).

Each stage does what the one before did and one more part of ``POST /en/report/``, with the same body and CSRF
cookie, so the difference between two stages' CPU per request is what that part costs under gunicorn:

- ``receive``: a CSRF-checked POST whose form is parsed, answered with "ok" (what any form submission costs);
- ``validate``: + the report form built and validated;
- ``store``: + ``report_submit`` (urgency flags, language detection, receipt code, the encrypted insert);
- the real ``POST /en/report/``: + the rate limit and the confirmation page in the reporter's language.

``render`` is apart: ``receive`` + the confirmation page rendered, nothing validated or stored.
"""

from __future__ import annotations

from bench_server import STAGE_PATH, STAGES
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import path
from django.utils.translation import get_language
from django.views.decorators.http import require_POST

from config.urls import urlpatterns as site_urlpatterns
from safecommunity.reports.forms import ReportForm
from safecommunity.reports.receipts import new_receipt_code
from safecommunity.reports.services import report_submit


def _valid_form(request: HttpRequest) -> ReportForm:
    form = ReportForm(request.POST, request.FILES)
    if not form.is_valid():
        raise ValueError(f"the benchmark's form is invalid: {form.errors.as_json()}")
    return form


@require_POST
def receive(request: HttpRequest) -> HttpResponse:
    return HttpResponse("ok" if request.POST else "empty", content_type="text/plain")


@require_POST
def validate(request: HttpRequest) -> HttpResponse:
    _valid_form(request)
    return HttpResponse("ok", content_type="text/plain")


@require_POST
def store(request: HttpRequest) -> HttpResponse:
    form = _valid_form(request)
    report_submit(
        draft=form.to_draft(),
        attachments=form.cleaned_data["attachments"],
        language=get_language() or "",
        submission_key=form.cleaned_data.get("submission_key"),
    )
    return HttpResponse("ok", content_type="text/plain")


@require_POST
def render_confirmation(request: HttpRequest) -> HttpResponse:
    return render(request, "reports/report_received.html", {"receipt_code": new_receipt_code(), "report": None})


VIEWS = {"receive": receive, "validate": validate, "store": store, "render": render_confirmation}
assert tuple(VIEWS) == STAGES
urlpatterns = [
    path(STAGE_PATH.format(stage=stage).lstrip("/"), view, name=f"bench-{stage}") for stage, view in VIEWS.items()
] + list(site_urlpatterns)
