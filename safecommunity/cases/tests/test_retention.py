"""Personal data is kept no longer than needed: a year after a case closes (or at once when the survivor withdraws)
it is erased, while the coded facts stay for the statistics."""

from __future__ import annotations

import datetime as dt
from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from safecommunity.cases.models import Case, CaseNote, ConsentRecord, ContactLogEntry, NeedsAssessment, Referral
from safecommunity.cases.retention import cases_erase_expired
from safecommunity.cases.retention_tasks import erase_expired_personal_data
from safecommunity.cases.services import assessment_record, note_add, safety_plan_update
from safecommunity.cases.tests.factories import a_case, a_report_with_contact, a_service
from safecommunity.core.models import AuditEvent
from safecommunity.reports.models import Report
from safecommunity.reports.tests.factories import a_submitted_report

pytestmark = pytest.mark.django_db

NOTE = "Linh's landlord is the man who shouted; she is afraid to go home."
PLAN = "Stay with her sister on J Street until Friday."


def a_worked_case(org_a, org_b, caseworker_a, *, closed_days_ago: int | None) -> Case:
    report = a_report_with_contact(contact_methods=["email"])
    case = a_case(organisation=org_a, caseworker=caseworker_a, reports=[report])
    note_add(actor=caseworker_a, case=case, text=NOTE)
    safety_plan_update(actor=caseworker_a, case=case, text=PLAN)
    assessment_record(actor=caseworker_a, case=case, levels={"safety": "urgent"}, notes="Sleeps badly since.")
    ContactLogEntry.objects.create(case=case, method="call", result="reached", by=caseworker_a, note="Spoke to Linh.")
    Referral.objects.create(
        case=case, service=a_service(org_b), to_organisation=org_b, shared_summary="Linh, 916 555 0199, urgent."
    )
    if closed_days_ago is not None:
        Case.objects.filter(pk=case.pk).update(
            status=Case.Status.CLOSED,
            outcome=Case.Outcome.SUPPORTED,
            closed_at=timezone.now() - dt.timedelta(days=closed_days_ago),
        )
    case.refresh_from_db()
    return case


def personal_data_of(case: Case) -> list[str]:
    report = Report.objects.get(pk=case.case_reports.get().report_id)
    values = [
        case.safety_plan,
        *CaseNote.objects.filter(case=case).values_list("text", flat=True),
        *ContactLogEntry.objects.filter(case=case).values_list("note", flat=True),
        *NeedsAssessment.objects.filter(case=case).values_list("notes", flat=True),
        *Referral.objects.filter(case=case).values_list("shared_summary", flat=True),
        report.contact_name,
        report.contact_email,
        report.contact_phone,
        report.description,
    ]
    return [value for value in values if value]


def test_a_case_closed_400_days_ago_is_erased_by_the_task_and_one_closed_10_days_ago_is_not(
    org_a, org_b, caseworker_a
) -> None:
    old = a_worked_case(org_a, org_b, caseworker_a, closed_days_ago=400)
    recent = a_worked_case(org_a, org_b, caseworker_a, closed_days_ago=10)
    still_open = a_worked_case(org_a, org_b, caseworker_a, closed_days_ago=None)

    erase_expired_personal_data.enqueue()

    old.refresh_from_db()
    assert personal_data_of(old) == []
    assert old.personal_data_erased_at is not None
    # The coded facts stay for the statistics.
    assert (old.status, old.outcome, old.organisation) == (Case.Status.CLOSED, Case.Outcome.SUPPORTED, org_a)
    assert NeedsAssessment.objects.get(case=old).levels["safety"] == "urgent"
    old_report = Report.objects.get(pk=old.case_reports.get().report_id)
    assert old_report.incident_types == ["verbal_harassment"] and old_report.personal_data_erased_at is not None
    assert AuditEvent.objects.filter(action="case.personal_data_erased", target_id=str(old.pk)).exists()

    for kept in (recent, still_open):
        kept.refresh_from_db()
        assert NOTE in personal_data_of(kept) and PLAN in personal_data_of(kept)
        assert kept.personal_data_erased_at is None


def test_the_retention_period_is_a_setting(org_a, org_b, caseworker_a, settings) -> None:
    settings.PERSONAL_DATA_RETENTION_DAYS = 7
    recent = a_worked_case(org_a, org_b, caseworker_a, closed_days_ago=10)
    cases_erase_expired()
    recent.refresh_from_db()
    assert recent.personal_data_erased_at is not None


def test_reports_in_no_case_are_erased_a_year_after_they_were_closed() -> None:
    closed_long_ago = a_submitted_report(contact_name="Bao").report
    closed_lately = a_submitted_report(contact_name="Mei").report
    never_closed = a_submitted_report(contact_name="Hoa").report
    Report.objects.filter(pk__in=[closed_long_ago.pk, closed_lately.pk]).update(status="closed")
    Report.objects.filter(pk__in=[closed_long_ago.pk, never_closed.pk]).update(
        updated_at=timezone.now() - dt.timedelta(days=400)
    )

    run = cases_erase_expired()

    assert run.reports == 1
    names = dict(Report.objects.values_list("pk", "contact_name"))
    assert names == {closed_long_ago.pk: "", closed_lately.pk: "Mei", never_closed.pk: "Hoa"}


def test_a_dry_run_counts_and_erases_nothing(org_a, org_b, caseworker_a) -> None:
    old = a_worked_case(org_a, org_b, caseworker_a, closed_days_ago=400)
    out = StringIO()
    call_command("erase_expired_personal_data", "--dry-run", stdout=out)
    assert "Would erase the personal data of 1 case(s)" in out.getvalue()
    old.refresh_from_db()
    assert NOTE in personal_data_of(old)

    call_command("erase_expired_personal_data", stdout=StringIO())
    old.refresh_from_db()
    assert personal_data_of(old) == []


def test_a_survivor_who_withdraws_on_the_follow_up_page_has_their_case_closed_and_erased(
    org_a, org_b, caseworker_a, django_capture_on_commit_callbacks
) -> None:
    submitted = a_submitted_report(
        contact_name="Linh", may_contact=True, contact_methods=["email"], contact_email="l@example.net"
    )
    case = a_case(organisation=org_a, caseworker=caseworker_a, reports=[submitted.report])
    note_add(actor=caseworker_a, case=case, text=NOTE)

    with django_capture_on_commit_callbacks(execute=True):
        response = Client().post(
            "/en/follow-up/", {"code": submitted.receipt_code, "action": "withdraw", "withdraw-confirm": "on"}
        )

    assert response.status_code == 200
    case.refresh_from_db()
    assert (case.status, case.outcome) == (Case.Status.CLOSED, Case.Outcome.WITHDRAWN)
    assert case.personal_data_erased_at is not None
    assert personal_data_of(case) == []


def test_a_survivor_who_stops_contact_on_the_follow_up_page_has_it_recorded_on_the_case(
    org_a, caseworker_a, django_capture_on_commit_callbacks
) -> None:
    submitted = a_submitted_report(
        contact_name="Linh", may_contact=True, contact_methods=["email"], contact_email="l@example.net"
    )
    case = a_case(organisation=org_a, caseworker=caseworker_a, reports=[submitted.report])
    assert case.consent_contact is True

    with django_capture_on_commit_callbacks(execute=True):
        Client().post(
            "/en/follow-up/",
            {
                "code": submitted.receipt_code,
                "action": "consent",
                "consent-stop_contact": "on",
                "consent-confirm": "on",
            },
        )

    case.refresh_from_db()
    assert case.consent_contact is False
    assert case.consent_statistics is True
    latest = case.consents.filter(kind=ConsentRecord.Kind.CONTACT).first()
    assert latest is not None and (latest.given, latest.how) == (False, ConsentRecord.How.MESSAGE)
    assert case.personal_data_erased_at is None
