from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from safecommunity.core.access import staff_view
from safecommunity.core.http import no_store, private_download
from safecommunity.core.ratelimits import rate_limit
from safecommunity.core.roles import Capability
from safecommunity.core.timing import no_sooner_than
from safecommunity.reports.erasure import report_consent_withdraw, report_withdraw
from safecommunity.reports.forms import (
    FollowUpAddForm,
    FollowUpConsentForm,
    FollowUpLookupForm,
    FollowUpWithdrawForm,
    ReportForm,
    StaffIntakeForm,
)
from safecommunity.reports.messaging import report_conversation, report_files_sent_first, report_replies_mark_read
from safecommunity.reports.models import Report
from safecommunity.reports.receipts import new_receipt_code
from safecommunity.reports.selectors import report_for_receipt_code
from safecommunity.reports.services import attachment_open, report_add_update, report_submit


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
        return no_store(render(request, "reports/report_received.html", {"receipt_code": new_receipt_code()}))
    submitted = report_submit(
        draft=form.to_draft(),
        attachments=form.cleaned_data["attachments"],
        language=get_language() or "",
        submission_key=form.cleaned_data.get("submission_key"),
    )
    context = {"receipt_code": submitted.receipt_code, "report": submitted.report}
    return no_store(render(request, "reports/report_received.html", context))


@never_cache
@require_http_methods(["GET", "POST"])
@rate_limit(group="follow-up", rate_setting="FOLLOW_UP_RATE")
def follow_up(request: HttpRequest) -> HttpResponse:
    """The reporter's page, opened with the receipt code: their report's status, the conversation with the
    team, adding information, and withdrawing consent or the report. The code travels with every form."""
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
        context, status = _follow_up_act(request, report)
        report = report_for_receipt_code(entered=lookup.cleaned_data["code"]) or report
        conversation = report_conversation(report=report, with_text=report.personal_data_erased_at is None)
        shown_replies = [entry.created_at for entry in conversation if not entry.from_reporter and entry.unread]
        if shown_replies:
            report_replies_mark_read(report=report, up_to=max(shown_replies))
        context |= {
            "report": report,
            "code": lookup.cleaned_data["code"],
            "conversation": conversation,
            "files_sent_first": report_files_sent_first(report=report),
        }
        return no_store(render(request, "reports/follow_up_status.html", context, status=status))


def _follow_up_act(request: HttpRequest, report: Report) -> tuple[dict[str, Any], int]:
    """Do what the reporter asked on the follow-up page, if anything: ``action`` is "add" (the default when
    text was sent), "consent" or "withdraw". Gives back the forms to show and the response's status."""
    action = request.POST.get("action") or ("add" if "text" in request.POST else "")
    forms: dict[str, Any] = {
        "add_form": FollowUpAddForm(),
        "consent_form": FollowUpConsentForm(),
        "withdraw_form": FollowUpWithdrawForm(),
    }
    if action not in {"add", "consent", "withdraw"}:
        return forms, 200
    if report.withdrawn_at is not None:
        return forms | {"refused": True}, 409
    if action == "add":
        add_form = FollowUpAddForm(request.POST, request.FILES)
        if not add_form.is_valid():
            return forms | {"add_form": add_form}, 422
        report_add_update(
            report=report, text=add_form.cleaned_data["text"], attachments=add_form.cleaned_data["attachments"]
        )
        return forms | {"added": True}, 200
    if action == "consent":
        consent_form = FollowUpConsentForm(request.POST)
        if not consent_form.is_valid():
            return forms | {"consent_form": consent_form}, 422
        report_consent_withdraw(
            report=report,
            statistics=consent_form.cleaned_data["stop_statistics"],
            contact=consent_form.cleaned_data["stop_contact"],
        )
        return forms | {"consent_changed": True}, 200
    withdraw_form = FollowUpWithdrawForm(request.POST)
    if not withdraw_form.is_valid():
        return forms | {"withdraw_form": withdraw_form}, 422
    report_withdraw(report=report)
    return forms | {"withdrawn_now": True}, 200


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
    return no_store(render(request, "reports/staff_intake_done.html", context))


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
    return private_download(content=opened.content, content_type=opened.content_type, filename=opened.filename)
