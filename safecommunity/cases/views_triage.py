"""Triage: the queue of new reports, and one report with its flags, verification and likely duplicates."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from safecommunity.cases.forms_triage import OtherReportForm, TriageFilterForm, UnlinkForm, VerificationForm
from safecommunity.core import taxonomy
from safecommunity.core.access import staff_view
from safecommunity.core.audit import audit_record
from safecommunity.core.http import no_store, page_or_part
from safecommunity.core.roles import Capability, may_see_personal_data
from safecommunity.directory.languages import language_name
from safecommunity.reports.models import Report
from safecommunity.reports.selectors import (
    duplicate_suggestions_for_staff,
    report_for_triage,
    report_links_for,
    triage_queue,
)
from safecommunity.reports.triage import (
    TriageError,
    report_set_verification,
    report_unmerge,
    reports_link_related,
    reports_mark_not_duplicate,
    reports_merge,
    reports_unlink,
)
from safecommunity.reports.urgency import explain_report_flags, flag_labels

QUEUE_PAGE_SIZE = 25


@staff_view(Capability.TRIAGE)
@require_GET
def triage_queue_page(request: HttpRequest) -> HttpResponse:
    form = TriageFilterForm(
        request.GET if any(name in request.GET for name in ("verification", "flag", "region")) else None
    )
    filters: dict[str, str] = {}
    status = 200
    if form.is_bound:
        if form.is_valid():
            filters = {name: value for name, value in form.cleaned_data.items() if value}
        else:
            status = 422
    page = Paginator(triage_queue(user=request.user, **filters), QUEUE_PAGE_SIZE).get_page(request.GET.get("page"))
    rows = [
        {
            "report": report,
            "incident_types": taxonomy.INCIDENT_TYPES.labels(report.incident_types),
            "flags": flag_labels(report.urgency_flags),
            "language": language_name(report.description_language),
        }
        for report in page
    ]
    query = request.GET.copy()
    query.pop("page", None)
    context = {"form": form, "page": page, "rows": rows, "query": query.urlencode()}
    return page_or_part(
        request, page="cases/triage_queue.html", part="cases/_triage_results.html", context=context, status=status
    )


def _coded_fields(report: Report) -> list[tuple[str, str]]:
    """(label, translated value) of a report's coded fields, empty ones left out."""
    rows = [
        (_("What happened"), ", ".join(taxonomy.INCIDENT_TYPES.labels(report.incident_types))),
        (_("Kind of place"), taxonomy.LOCATION_TYPES.label(report.location_type) if report.location_type else ""),
        (_("Time of day"), taxonomy.TIMES_OF_DAY.label(report.time_of_day) if report.time_of_day else ""),
        (_("Why they were targeted"), ", ".join(taxonomy.BIAS_MOTIVATIONS.labels(report.bias_motivations))),
        (_("Group targeted"), ", ".join(taxonomy.TARGETED_ETHNICITIES.labels(report.targeted_ethnicities))),
        (_("Age group"), taxonomy.AGE_GROUPS.label(report.age_group) if report.age_group else ""),
        (_("Gender"), taxonomy.GENDERS.label(report.gender) if report.gender else ""),
        (_("Who reported"), taxonomy.REPORTER_ROLES.label(report.reporter_role) if report.reporter_role else ""),
        (
            _("Reported to the police"),
            taxonomy.POLICE_REPORTED.label(report.reported_to_police) if report.reported_to_police else "",
        ),
        (_("Help wanted"), ", ".join(taxonomy.HELP_WANTED.labels(report.help_wanted))),
        (_("May be contacted"), _("Yes") if report.may_contact else _("No")),
        (_("Ways to contact"), ", ".join(taxonomy.CONTACT_METHODS.labels(report.contact_methods))),
        (_("Language for contact"), language_name(report.contact_language)),
        (_("How the report came in"), taxonomy.CHANNELS.label(report.channel)),
        (_("Language of the description"), language_name(report.description_language)),
        (_("Language of the site"), language_name(report.language)),
    ]
    return [(label, value) for label, value in rows if value]


def _open_case_url(report: Report) -> str:
    try:
        return f"{reverse('cases:case_open')}?reports={report.public_id}"
    except NoReverseMatch:
        return ""


def _report_page(
    request: HttpRequest,
    report: Report,
    *,
    status: int = 200,
    error: str = "",
    verification_form: VerificationForm | None = None,
) -> HttpResponse:
    personal = may_see_personal_data(request.user)
    if personal:
        audit_record(actor=request.user, action="report.view", target=report, details={"page": "triage"})
    context: dict[str, Any] = {
        "report": report,
        "personal": personal,
        "coded_fields": _coded_fields(report),
        "flags": explain_report_flags(report),
        "verification_form": verification_form or VerificationForm(initial={"verification": report.verification}),
        "suggestions": duplicate_suggestions_for_staff(user=request.user, report=report),
        "merged_reports": list(report.merged_reports.all()),
        "links": report_links_for(report=report),
        "open_case_url": _open_case_url(report),
        "error": error,
    }
    return no_store(render(request, "cases/triage_report.html", context, status=status))


def _report_or_404(request: HttpRequest, public_id: Any) -> Report:
    report = report_for_triage(user=request.user, public_id=public_id)
    if report is None:
        raise Http404
    return report


@staff_view(Capability.TRIAGE)
@require_GET
def triage_report(request: HttpRequest, public_id: Any) -> HttpResponse:
    return _report_page(request, _report_or_404(request, public_id))


def _back(report: Report) -> HttpResponseRedirect:
    return HttpResponseRedirect(reverse("cases:triage_report", args=[report.public_id]))


@staff_view(Capability.TRIAGE)
@require_POST
def triage_verify(request: HttpRequest, public_id: Any) -> HttpResponse:
    report = _report_or_404(request, public_id)
    form = VerificationForm(request.POST)
    if not form.is_valid():
        return _report_page(request, report, status=422, verification_form=form)
    try:
        report_set_verification(actor=request.user, report=report, verification=form.cleaned_data["verification"])
    except TriageError as problem:
        return _report_page(request, report, status=422, error=str(problem), verification_form=form)
    messages.success(request, _("The verification state was saved."))
    return _back(report)


def _pair_action(
    request: HttpRequest,
    public_id: Any,
    act: Callable[[Report, Report, Any], object],
    done: str,
    form_class: type[OtherReportForm] = OtherReportForm,
) -> HttpResponse:
    report = _report_or_404(request, public_id)
    form = form_class(request.POST)
    if not form.is_valid():
        return _report_page(request, report, status=422, error=_("Please choose a report."))
    other = report_for_triage(user=request.user, public_id=form.cleaned_data["other"])
    if other is None:
        raise Http404
    try:
        act(report, other, form.cleaned_data)
    except TriageError as problem:
        return _report_page(request, report, status=422, error=str(problem))
    messages.success(request, done)
    return _back(report)


@staff_view(Capability.TRIAGE)
@require_POST
def triage_merge(request: HttpRequest, public_id: Any) -> HttpResponse:
    """Merge the other report into this one: this one stands for the incident."""
    return _pair_action(
        request,
        public_id,
        lambda report, other, _data: reports_merge(actor=request.user, canonical=report, duplicate=other),
        _("The reports were merged into one incident."),
    )


@staff_view(Capability.TRIAGE)
@require_POST
def triage_unmerge(request: HttpRequest, public_id: Any) -> HttpResponse:
    """Unmerge the other report (merged into this one), or this report itself when ``other`` is this one."""

    def unmerge(report: Report, other: Report, _data: Any) -> object:
        if other.pk != report.pk and other.merged_into_id != report.pk:
            raise TriageError(_("That report is not merged into this one."))
        return report_unmerge(actor=request.user, report=other)

    return _pair_action(request, public_id, unmerge, _("The report stands on its own again."))


@staff_view(Capability.TRIAGE)
@require_POST
def triage_link(request: HttpRequest, public_id: Any) -> HttpResponse:
    return _pair_action(
        request,
        public_id,
        lambda report, other, _data: reports_link_related(actor=request.user, report=report, other=other),
        _("The reports were linked as related incidents."),
    )


@staff_view(Capability.TRIAGE)
@require_POST
def triage_dismiss(request: HttpRequest, public_id: Any) -> HttpResponse:
    return _pair_action(
        request,
        public_id,
        lambda report, other, _data: reports_mark_not_duplicate(actor=request.user, report=report, other=other),
        _("The report will no longer be suggested as a duplicate of this one."),
    )


@staff_view(Capability.TRIAGE)
@require_POST
def triage_unlink(request: HttpRequest, public_id: Any) -> HttpResponse:
    return _pair_action(
        request,
        public_id,
        lambda report, other, data: reports_unlink(actor=request.user, report=report, other=other, kind=data["kind"]),
        _("The decision about these two reports was undone."),
        form_class=UnlinkForm,
    )
