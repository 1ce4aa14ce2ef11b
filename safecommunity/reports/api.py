"""Reports over JSON: partner apps send reports with the same rules as the public form; staff read coded fields."""

from __future__ import annotations

import datetime as dt
import uuid

from django.conf import settings
from django.http import HttpRequest, QueryDict
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from ninja import Router, Schema, Status
from ninja.errors import HttpError
from ninja.security import django_auth

from safecommunity.core.access import require_api_capability
from safecommunity.core.ratelimits import Rate, client_key, hit
from safecommunity.core.roles import Capability
from safecommunity.reports.forms import ONLINE, ReportForm
from safecommunity.reports.selectors import (
    duplicate_suggestions_for_staff,
    region_ids_by_slug,
    report_for_triage_by_reference,
    reports_for_staff,
)
from safecommunity.reports.services import report_submit

router = Router(tags=["reports"])


class ReportIn(Schema):
    """A report as a partner app collects it. Codes are those of /api/v1/taxonomy; only what/when/where are needed."""

    incident_types: list[str] = []
    description: str = ""
    occurred_on: dt.date | None = None
    occurred_month: str = ""  # "YYYY-MM" when the day is not known
    region: str = ""  # a region slug from /api/v1/regions
    online: bool = False
    reporter_role: str = ""
    time_of_day: str = ""
    location_type: str = ""
    place: str = ""
    bias_motivations: list[str] = []
    targeted_ethnicities: list[str] = []
    age_group: str = ""
    gender: str = ""
    reported_to_police: str = ""
    police_report_number: str = ""
    help_wanted: list[str] = []
    may_contact: bool = False
    contact_methods: list[str] = []
    contact_name: str = ""
    contact_email: str = ""
    contact_phone: str = ""
    contact_language: str = ""
    consent_statistics: bool = False
    submission_key: uuid.UUID | None = None


class ReceiptOut(Schema):
    receipt_code: str | None
    reference: str
    status: str


class ErrorsOut(Schema):
    errors: dict[str, list[str]]


class StaffReportOut(Schema):
    reference: str
    submitted_at: dt.datetime
    status: str
    channel: str
    occurred_on: dt.date
    occurred_precision: str
    region: str | None
    location_type: str
    incident_types: list[str]
    bias_motivations: list[str]
    targeted_ethnicities: list[str]
    description_language: str
    verification: str
    urgency_flags: list[str]
    merged_into: str | None  # the reference of the report that stands for the incident


class DuplicateReasonOut(Schema):
    code: str
    text: str


class DuplicateSuggestionOut(Schema):
    reference: str
    score: float
    reasons: list[DuplicateReasonOut]


def _as_form_data(report: ReportIn) -> QueryDict:
    data = QueryDict(mutable=True)
    for name in ("description", "reporter_role", "time_of_day", "location_type", "place", "age_group", "gender",
                 "reported_to_police", "police_report_number", "contact_name", "contact_email", "contact_phone",
                 "contact_language"):  # fmt: skip
        data[name] = getattr(report, name)
    for name in ("incident_types", "bias_motivations", "targeted_ethnicities", "help_wanted", "contact_methods"):
        data.setlist(name, getattr(report, name))
    if report.occurred_on:
        data["occurred_on"] = report.occurred_on.isoformat()
    if report.occurred_month:
        year, _, month = report.occurred_month.partition("-")
        data["occurred_year"], data["occurred_month"] = year, month.lstrip("0")
    region_id = region_ids_by_slug().get(report.region)
    data["where"] = ONLINE if report.online else (str(region_id) if region_id else report.region)
    data["may_contact"] = "yes" if report.may_contact else "no"
    if report.consent_statistics:
        data["consent_statistics"] = "on"
    if report.submission_key:
        data["submission_key"] = str(report.submission_key)
    return data


@router.post("/reports", response={201: ReceiptOut, 200: ReceiptOut, 422: ErrorsOut, 429: ErrorsOut}, auth=None)
def submit_report(request: HttpRequest, report: ReportIn) -> Status[ReceiptOut | ErrorsOut]:
    """Send a report. Errors come back per field in the language of the request's Accept-Language."""
    rate = Rate.parse(settings.REPORT_SUBMIT_RATE)
    if settings.RATELIMIT_ENABLE and hit(group="report", key=client_key(request), rate=rate) > rate.count:
        message = _(
            "We received many requests from your connection in a short time. To protect this service, please wait a while and try again."
        )
        return Status(429, ErrorsOut(errors={"__all__": [message]}))
    form = ReportForm(_as_form_data(report))
    if not form.is_valid():
        return Status(
            422,
            ErrorsOut(errors={name: [str(message) for message in messages] for name, messages in form.errors.items()}),
        )
    submitted = report_submit(
        draft=form.to_draft(), language=get_language() or "", submission_key=form.cleaned_data.get("submission_key")
    )
    out = ReceiptOut(
        receipt_code=submitted.receipt_code, reference=submitted.report.reference, status=submitted.report.status
    )
    return Status(201 if submitted.receipt_code else 200, out)


@router.get("/staff/reports", response=list[StaffReportOut], auth=django_auth)
def list_reports_for_staff(request: HttpRequest, limit: int = 100, offset: int = 0) -> list[StaffReportOut]:
    """The newest reports' coded fields, for signed-in staff. Never personal data."""
    require_api_capability(request, Capability.TRIAGE)
    limit = max(1, min(limit, 500))
    return [
        StaffReportOut(
            reference=report.reference,
            submitted_at=report.submitted_at,
            status=report.status,
            channel=report.channel,
            occurred_on=report.occurred_on,
            occurred_precision=report.occurred_precision,
            region=report.region.slug if report.region else None,
            location_type=report.location_type,
            incident_types=report.incident_types,
            bias_motivations=report.bias_motivations,
            targeted_ethnicities=report.targeted_ethnicities,
            description_language=report.description_language,
            verification=report.verification,
            urgency_flags=report.urgency_flags,
            merged_into=report.merged_into.reference if report.merged_into else None,
        )
        for report in reports_for_staff(user=request.user).select_related("merged_into")[offset : offset + limit]
    ]


@router.get("/staff/reports/{reference}/duplicates", response=list[DuplicateSuggestionOut], auth=django_auth)
def report_duplicates_for_staff(request: HttpRequest, reference: str) -> list[DuplicateSuggestionOut]:
    """Reports that likely tell of the same incident, best first, with the reasons as codes and sentences
    (never the words or numbers of the descriptions)."""
    require_api_capability(request, Capability.TRIAGE)
    report = report_for_triage_by_reference(user=request.user, reference=reference)
    if report is None:
        raise HttpError(404, _("There is no report with this reference."))
    return [
        DuplicateSuggestionOut(
            reference=suggestion.report.reference,
            score=suggestion.score,
            reasons=[DuplicateReasonOut(code=reason.code, text=reason.text) for reason in suggestion.reasons],
        )
        for suggestion in duplicate_suggestions_for_staff(user=request.user, report=report)
    ]
