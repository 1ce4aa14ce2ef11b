"""Staff pages for cases: the dashboard everyone lands on, the list of cases, opening a case and the case page.

The actions on a case (forms posted from the case page) are in ``views_actions``;
referrals received by a partner in ``views_referrals``.
"""

from __future__ import annotations

import uuid
from typing import Any

from django import forms
from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from safecommunity.core import taxonomy
from safecommunity.core.access import staff_view
from safecommunity.core.audit import audit_record
from safecommunity.core.http import no_store, page_or_part, private_download
from safecommunity.core.roles import Capability, has_capability, may_see_personal_data
from safecommunity.directory.languages import language_name
from safecommunity.reports.services import attachment_open

from .forms import (
    AssessmentForm,
    AssignForm,
    CaseOpenForm,
    CaseSearchForm,
    CloseForm,
    ConsentForm,
    ContactForm,
    FollowUpForm,
    NoteForm,
    ReferralForm,
    SafetyPlanForm,
    StatusForm,
    TaskForm,
    TransferForm,
)
from .models import Case, NeedsAssessment, Referral
from .selectors import (
    case_for_user,
    case_reports,
    cases_for_user,
    cases_search,
    caseworkers_visible_to,
    latest_assessment,
    overdue_for_user,
    referral_suggestions,
    referrals_received_for_user,
    reports_available_for_case,
)
from .services import CaseActionRefused, case_open
from .services_referrals import SHAREABLE_FIELDS

CASES_PER_PAGE = 50


@staff_view()
@require_http_methods(["GET"])
def dashboard(request: HttpRequest) -> HttpResponse:
    """Where every member of staff lands after signing in: what their role lets them do, and for those
    who work cases, their cases and what is overdue."""
    user = request.user
    context: dict[str, Any] = {
        "can": {capability.value: has_capability(user, capability) for capability in Capability},
    }
    if has_capability(user, Capability.WORK_CASES):
        my_cases = cases_for_user(user=user).filter(caseworker_id=user.pk).exclude(status=Case.Status.CLOSED)
        context.update(
            my_cases=my_cases.order_by("first_contact_due_at", "-opened_at")[:100],
            overdue=overdue_for_user(user=user),
            waiting_referrals=referrals_received_for_user(user=user, state=Referral.State.SENT),
        )
    return no_store(render(request, "cases/dashboard.html", context))


@staff_view(Capability.WORK_CASES)
@require_http_methods(["GET"])
def case_list(request: HttpRequest) -> HttpResponse:
    caseworkers = list(caseworkers_visible_to(user=request.user))
    form = CaseSearchForm(request.GET or None, caseworkers=caseworkers)
    status = 200
    if form.is_bound and not form.is_valid():
        cases = Case.objects.none()
        status = 422
    else:
        data = form.cleaned_data if form.is_bound else {}
        chosen = data.get("caseworker") or ""
        cases = cases_search(
            user=request.user,
            query=data.get("q", ""),
            status=data.get("status", ""),
            caseworker_id=int(chosen) if chosen.isdigit() else None,
            unassigned=chosen == "none",
        )
    page = Paginator(cases.order_by("-opened_at", "-pk"), CASES_PER_PAGE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {"form": form, "page": page, "query": query.urlencode()}
    return no_store(
        page_or_part(
            request, page="cases/case_list.html", part="cases/_case_results.html", context=context, status=status
        )
    )


@staff_view(Capability.TRIAGE, Capability.WORK_CASES)
@require_http_methods(["GET", "POST"])
def open_case(request: HttpRequest) -> HttpResponse:
    """Open a case from one or more reports (``?reports=<public id>&reports=...`` ticks them)."""
    source = request.POST if request.method == "POST" else request.GET
    reports = reports_available_for_case(user=request.user, public_ids=source.getlist("reports"))
    if request.method != "POST":
        initial: dict[str, Any] = {"reports": [str(report.public_id) for report in reports]}
        organisation_id = getattr(request.user, "organisation_id", None)
        if organisation_id:
            initial["organisation"] = organisation_id
        form = CaseOpenForm(initial=initial, reports=reports)
        return no_store(render(request, "cases/case_open.html", {"form": form}))
    form = CaseOpenForm(request.POST, reports=reports)
    if form.is_valid():
        try:
            case = case_open(
                actor=request.user,
                reports=form.chosen_reports(),
                organisation=form.cleaned_data["organisation"],
                caseworker=form.cleaned_data["caseworker"],
                preferred_language=form.cleaned_data["preferred_language"],
                interpreter_needed=form.cleaned_data["interpreter_needed"],
                consents=form.consents(),
                consent_how=form.cleaned_data["consent_how"],
            )
        except CaseActionRefused as refused:
            form.add_error(refused.field if refused.field in form.fields else None, refused.message)
        else:
            messages.success(request, _("The case %(reference)s is open.") % {"reference": case.reference})
            return HttpResponseRedirect(reverse("cases:case_detail", args=[case.public_id]))
    return no_store(render(request, "cases/case_open.html", {"form": form}, status=422))


def case_or_404(request: HttpRequest, public_id: uuid.UUID) -> Case:
    case = case_for_user(user=request.user, public_id=public_id)
    if case is None:
        raise Http404
    return case


def detail_context(request: HttpRequest, case: Case, bound: dict[str, forms.Form] | None = None) -> dict[str, Any]:
    """Everything the case page shows, with a fresh form for each action unless ``bound`` holds one sent back."""
    bound = bound or {}
    assessment = latest_assessment(case=case)
    fresh: dict[str, forms.Form] = {
        "status": StatusForm(initial={"status": case.status if not case.is_closed else Case.Status.IN_SUPPORT}),
        "close": CloseForm(),
        "assign": AssignForm(case=case),
        "transfer": TransferForm(case=case),
        "consent": ConsentForm(),
        "assessment": AssessmentForm(current=assessment),
        "plan": SafetyPlanForm(initial={"text": case.safety_plan}),
        "note": NoteForm(),
        "task": TaskForm(case=case),
        "contact": ContactForm(),
        "follow_up": FollowUpForm(initial={"on": case.next_follow_up_on}),
        "referral": ReferralForm(),
    }
    fresh.update(bound)
    levels = (assessment.levels if assessment else {}) or {}
    now = timezone.now()
    shareable = dict(SHAREABLE_FIELDS)
    referrals = case.referrals.select_related("service", "to_organisation")
    return {
        "case": case,
        "today": timezone.localdate(now),
        "first_contact_overdue": bool(
            not case.is_closed
            and case.first_contact_due_at
            and not case.first_contact_at
            and case.first_contact_due_at < now
        ),
        "follow_up_overdue": bool(
            not case.is_closed and case.next_follow_up_on and case.next_follow_up_on < timezone.localdate(now)
        ),
        "preferred_language_name": language_name(case.preferred_language) if case.preferred_language else "",
        "show_personal": may_see_personal_data(request.user),
        "report_rows": [
            {
                "report": report,
                "incident_types": taxonomy.INCIDENT_TYPES.labels(report.incident_types or []),
                "help_wanted": taxonomy.HELP_WANTED.labels(report.help_wanted or []),
            }
            for report in case_reports(case=case)
        ],
        "consents": case.consents.select_related("recorded_by"),
        "assessment": assessment,
        "assessment_rows": [
            (label, levels.get(domain, "none"), dict(NeedsAssessment.Level.choices).get(levels.get(domain, "none"), ""))
            for domain, label in (NeedsAssessment.Domain.choices if assessment else [])
        ],
        "notes": case.notes.select_related("author"),
        "tasks": case.tasks.select_related("assigned_to"),
        "contacts": case.contacts.select_related("by"),
        "referral_rows": [
            {"referral": referral, "shared": [str(shareable.get(code, code)) for code in referral.shared_fields]}
            for referral in referrals
        ],
        "transfers": case.transfers.select_related("from_organisation", "to_organisation"),
        "suggestions": [] if case.is_closed else referral_suggestions(case=case),
        "forms": fresh,
        "any_errors": any(form.is_bound and form.errors for form in bound.values()),
    }


@staff_view(Capability.WORK_CASES)
@require_http_methods(["GET"])
def case_detail(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    case = case_or_404(request, public_id)
    if may_see_personal_data(request.user):
        audit_record(actor=request.user, action="case.view", target=case)
    return no_store(render(request, "cases/case_detail.html", detail_context(request, case)))


@staff_view(Capability.WORK_CASES, Capability.PERSONAL_DATA)
@require_http_methods(["GET"])
def case_attachment(request: HttpRequest, public_id: uuid.UUID, attachment_id: int) -> HttpResponse:
    """A photo or document sent with one of the case's reports; opening it is recorded."""
    case = case_or_404(request, public_id)
    report_ids = list(case.case_reports.values_list("report_id", flat=True))
    opened = attachment_open(actor=request.user, attachment_id=attachment_id, report_ids=report_ids)
    if opened is None:
        raise Http404
    return private_download(content=opened.content, content_type=opened.content_type, filename=opened.filename)
