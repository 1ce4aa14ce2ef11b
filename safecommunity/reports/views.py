from __future__ import annotations

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from safecommunity.core.access import staff_view
from safecommunity.core.ratelimits import rate_limit
from safecommunity.core.roles import Capability
from safecommunity.core.timing import no_sooner_than
from safecommunity.reports.forms import FollowUpAddForm, FollowUpLookupForm, ReportForm, StaffIntakeForm
from safecommunity.reports.receipts import new_receipt_code
from safecommunity.reports.selectors import report_for_receipt_code, reports_for_staff
from safecommunity.reports.services import attachment_open, report_add_update, report_submit


def _no_store(response: HttpResponse) -> HttpResponse:
    # Pages showing a receipt code or a report must not stay in a shared phone's cache or history.
    response["Cache-Control"] = "no-store"
    return response


@never_cache
@require_http_methods(["GET", "POST"])
@rate_limit(group="report", rate_setting="REPORT_SUBMIT_RATE")
def report_new(request: HttpRequest) -> HttpResponse:
    if request.method != "POST":
        return render(request, "reports/report_form.html", {"form": ReportForm()})
    form = ReportForm(request.POST, request.FILES)
    if not form.is_valid():
        return render(request, "reports/report_form.html", {"form": form}, status=422)
    if form.is_spam:
        # Bots get a convincing answer and learn nothing; nothing is stored.
        return _no_store(render(request, "reports/report_received.html", {"receipt_code": new_receipt_code()}))
    submitted = report_submit(
        draft=form.to_draft(),
        attachments=form.cleaned_data["attachments"],
        language=get_language() or "",
        submission_key=form.cleaned_data.get("submission_key"),
    )
    context = {"receipt_code": submitted.receipt_code, "report": submitted.report}
    return _no_store(render(request, "reports/report_received.html", context))


@never_cache
@require_http_methods(["GET", "POST"])
@rate_limit(group="follow-up", rate_setting="FOLLOW_UP_RATE")
def follow_up(request: HttpRequest) -> HttpResponse:
    if request.method != "POST":
        return render(request, "reports/follow_up.html", {"form": FollowUpLookupForm()})
    with no_sooner_than(settings.FOLLOW_UP_MIN_SECONDS):
        lookup = FollowUpLookupForm(request.POST)
        well_formed = lookup.is_valid()
        report = report_for_receipt_code(entered=lookup.cleaned_data["code"]) if well_formed else None
        if report is None:
            if well_formed:
                lookup.add_error("code", lookup.not_found_error())
            return render(request, "reports/follow_up.html", {"form": lookup}, status=404 if well_formed else 422)
        added = False
        add_form = FollowUpAddForm(request.POST, request.FILES) if "text" in request.POST else FollowUpAddForm()
        if add_form.is_bound and add_form.is_valid():
            report_add_update(
                report=report, text=add_form.cleaned_data["text"], attachments=add_form.cleaned_data["attachments"]
            )
            added, add_form = True, FollowUpAddForm()
            report = report_for_receipt_code(entered=lookup.cleaned_data["code"]) or report
        context = {"report": report, "code": lookup.cleaned_data["code"], "add_form": add_form, "added": added}
        status = 422 if add_form.is_bound and add_form.errors else 200
        return _no_store(render(request, "reports/follow_up_status.html", context, status=status))


@staff_view(Capability.RECORD_INTAKE)
@require_http_methods(["GET", "POST"])
def staff_intake(request: HttpRequest) -> HttpResponse:
    if request.method != "POST":
        return render(request, "reports/staff_intake.html", {"form": StaffIntakeForm()})
    form = StaffIntakeForm(request.POST, request.FILES)
    if not form.is_valid():
        return render(request, "reports/staff_intake.html", {"form": form}, status=422)
    submitted = report_submit(
        draft=form.to_draft(),
        attachments=form.cleaned_data["attachments"],
        language=get_language() or "",
        channel=form.cleaned_data["channel"],
        interpreter_language=form.cleaned_data["interpreter_language"],
        entered_by=request.user,
        submission_key=form.cleaned_data.get("submission_key"),
    )
    context = {"receipt_code": submitted.receipt_code, "report": submitted.report}
    return _no_store(render(request, "reports/staff_intake_done.html", context))


@staff_view(Capability.TRIAGE)
def staff_list(request: HttpRequest) -> HttpResponse:
    reports = reports_for_staff(user=request.user)[:200]
    return render(request, "reports/staff_list.html", {"reports": reports})


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """A form sent from a page that expired (or with cookies blocked) comes back filled in, not as an error page.

    Nothing is stored: the person sees what they typed, a fresh form token and a
    plain explanation, and sends it again.
    """
    match = getattr(request, "resolver_match", None)
    form_class = {"reports:new": ReportForm, "reports:staff_intake": StaffIntakeForm}.get(
        match.view_name if match else ""
    )
    if form_class is None:
        return render(request, "core/form_expired.html", status=403)
    form = form_class(request.POST)
    form.is_valid()
    template = "reports/report_form.html" if form_class is ReportForm else "reports/staff_intake.html"
    return render(request, template, {"form": form, "expired": True}, status=403)


@staff_view(Capability.PERSONAL_DATA)
@require_http_methods(["GET"])
def staff_attachment(request: HttpRequest, attachment_id: int) -> HttpResponse:
    """A photo or document, decrypted for a permitted staff member; every opening is recorded."""
    opened = attachment_open(actor=request.user, attachment_id=attachment_id)
    if opened is None:
        raise Http404
    response = HttpResponse(opened.content, content_type=opened.content_type)
    response["Content-Disposition"] = f'attachment; filename="{opened.filename}"'
    return _no_store(response)
