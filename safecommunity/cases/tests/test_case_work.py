"""Working a case: Mai opens it from a report, the caseworker contacts the survivor, records consent,
needs and a safety plan, and closes the case with its outcome."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from safecommunity.accounts.models import Organisation, User
from safecommunity.accounts.tests.factories import signed_in
from safecommunity.cases.models import Case, CaseNote, CaseTransfer, ConsentRecord
from safecommunity.cases.tests.factories import a_case, a_report_with_contact
from safecommunity.core.models import AuditEvent

pytestmark = pytest.mark.django_db


def test_mai_opens_a_case_from_a_report_and_the_first_contact_is_due_in_48_hours(
    intake_coordinator: User, caseworker_a: User, org_a: Organisation
) -> None:
    report = a_report_with_contact()
    client = signed_in(intake_coordinator)

    form_page = client.get(reverse("cases:case_open"), {"reports": [str(report.public_id)]})
    assert form_page.status_code == 200
    assert f'value="{report.public_id}" id="id_reports_0" checked' in form_page.text

    response = client.post(
        reverse("cases:case_open"),
        {
            "reports": [str(report.public_id)],
            "organisation": org_a.pk,
            "caseworker": caseworker_a.pk,
            "preferred_language": "vi",
            "interpreter_needed": "on",
            "consent_contact": "on",
            "consent_how": "verbal_phone",
        },
    )

    case = Case.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("cases:case_detail", args=[case.public_id])
    assert case.caseworker == caseworker_a and case.preferred_language == "vi" and case.interpreter_needed
    assert case.consent_contact and not case.consent_share
    assert set(case.consents.values_list("kind", "given")) == {
        ("contact", True),
        ("share", False),
        ("statistics", False),
    }
    assert case.first_contact_due_at is not None
    assert abs(case.first_contact_due_at - (case.opened_at + dt.timedelta(hours=48))) < dt.timedelta(seconds=1)
    report.refresh_from_db()
    assert report.status == "in_review"
    assert AuditEvent.objects.filter(action="case.open", target_id=str(case.pk)).exists()


def test_opening_a_case_with_a_caseworker_of_another_organisation_keeps_what_was_typed(
    intake_coordinator: User, caseworker_b: User, org_a: Organisation
) -> None:
    report = a_report_with_contact()

    response = signed_in(intake_coordinator).post(
        reverse("cases:case_open"),
        {"reports": [str(report.public_id)], "organisation": org_a.pk, "caseworker": caseworker_b.pk,
         "preferred_language": "ko", "consent_how": "written"},
    )  # fmt: skip

    assert response.status_code == 422
    assert "The caseworker must work for the organisation that runs the case." in response.text
    assert '<option value="ko" selected>' in response.text
    assert not Case.objects.exists()


def test_the_first_contact_that_reaches_the_survivor_is_recorded_and_sets_the_follow_up(
    caseworker_a: User, org_a: Organisation
) -> None:
    case = a_case(organisation=org_a, caseworker=caseworker_a)
    client = signed_in(caseworker_a)
    url = reverse("cases:case_contact", args=[case.public_id])

    client.post(url, {"contact-method": "call", "contact-result": "no_answer"})
    case.refresh_from_db()
    assert case.first_contact_at is None and case.status == "new"

    response = client.post(
        url, {"contact-method": "call", "contact-result": "reached", "contact-note": "Spoke in Korean."}
    )
    case.refresh_from_db()
    assert response.status_code == 302
    assert case.first_contact_at is not None
    assert case.status == "in_contact"
    assert case.next_follow_up_on == timezone.localdate() + dt.timedelta(days=14)
    assert case.contacts.count() == 2


def test_a_contact_in_the_future_is_refused_and_the_form_comes_back_filled(
    caseworker_a: User, org_a: Organisation
) -> None:
    case = a_case(organisation=org_a, caseworker=caseworker_a)
    future = (timezone.localtime() + dt.timedelta(days=2)).strftime("%Y-%m-%dT%H:%M")

    response = signed_in(caseworker_a).post(
        reverse("cases:case_contact", args=[case.public_id]),
        {"contact-method": "meeting", "contact-result": "reached", "contact-contacted_at": future,
         "contact-note": "Met at the centre."},
    )  # fmt: skip

    assert response.status_code == 422
    assert "A contact cannot be in the future." in response.text
    assert "Met at the centre." in response.text
    assert not case.contacts.exists()


def test_notes_are_encrypted_at_rest_and_every_view_of_the_case_is_recorded(
    caseworker_a: User, org_a: Organisation
) -> None:
    from django.db import connection

    case = a_case(organisation=org_a, caseworker=caseworker_a)
    client = signed_in(caseworker_a)
    client.post(reverse("cases:case_note", args=[case.public_id]), {"note-text": "Afraid to take the bus."})

    with connection.cursor() as cursor:
        cursor.execute("SELECT text FROM cases_casenote")
        (stored,) = cursor.fetchone()
    assert "Afraid" not in stored
    assert CaseNote.objects.get().text == "Afraid to take the bus."

    page = client.get(reverse("cases:case_detail", args=[case.public_id]))
    assert "Afraid to take the bus." in page.text
    assert AuditEvent.objects.filter(action="case.view", actor=caseworker_a, target_id=str(case.pk)).exists()


def test_consent_to_statistics_withdrawn_reaches_the_reports(caseworker_a: User, org_a: Organisation) -> None:
    case = a_case(organisation=org_a, caseworker=caseworker_a)
    report = case.case_reports.get().report
    assert report.consent_statistics

    signed_in(caseworker_a).post(
        reverse("cases:case_consent", args=[case.public_id]),
        {"consent-kind": "statistics", "consent-given": "no", "consent-how": "verbal_in_person"},
    )

    case.refresh_from_db()
    report.refresh_from_db()
    assert not case.consent_statistics and not report.consent_statistics
    assert case.consents.first().how == ConsentRecord.How.VERBAL_IN_PERSON


def test_needs_assessment_tasks_and_the_safety_plan(caseworker_a: User, org_a: Organisation) -> None:
    case = a_case(organisation=org_a, caseworker=caseworker_a)
    client = signed_in(caseworker_a)
    levels = {f"assessment-{domain}": "none" for domain in
              ("safety", "mental_health", "legal", "medical", "financial", "housing", "language", "practical")}  # fmt: skip
    levels["assessment-safety"] = "urgent"

    client.post(reverse("cases:case_assessment", args=[case.public_id]), levels)
    client.post(reverse("cases:case_plan", args=[case.public_id]), {"plan-text": "Walk with a neighbour."})
    client.post(
        reverse("cases:case_task", args=[case.public_id]),
        {"task-title": "Call victim services", "task-due_on": "2030-01-02"},
    )
    task = case.tasks.get()
    client.post(reverse("cases:case_task_done", args=[case.public_id]), {"task_done-item": task.pk})

    case.refresh_from_db()
    task.refresh_from_db()
    assert case.assessments.get().levels["safety"] == "urgent"
    assert case.safety_plan == "Walk with a neighbour."
    assert task.done_at is not None


def test_a_task_without_a_date_comes_back_with_its_title(caseworker_a: User, org_a: Organisation) -> None:
    case = a_case(organisation=org_a, caseworker=caseworker_a)

    response = signed_in(caseworker_a).post(
        reverse("cases:case_task", args=[case.public_id]), {"task-title": "Find a Korean-speaking lawyer"}
    )

    assert response.status_code == 422
    assert "Give the date the task is due." in response.text
    assert 'value="Find a Korean-speaking lawyer"' in response.text


def test_closing_a_case_with_its_outcome_closes_its_reports(caseworker_a: User, org_a: Organisation) -> None:
    case = a_case(organisation=org_a, caseworker=caseworker_a)
    client = signed_in(caseworker_a)

    missing = client.post(reverse("cases:case_close", args=[case.public_id]), {})
    assert missing.status_code == 422
    assert "Choose the outcome of the case." in missing.text

    client.post(reverse("cases:case_close", args=[case.public_id]), {"close-outcome": "supported"})

    case.refresh_from_db()
    assert case.status == "closed" and case.outcome == "supported" and case.closed_at is not None
    assert case.case_reports.get().report.status == "closed"


def test_assigning_stays_within_the_organisation(
    caseworker_a: User, caseworker_b: User, intake_coordinator: User, org_a: Organisation
) -> None:
    case = a_case(organisation=org_a, caseworker=caseworker_a)
    client = signed_in(caseworker_a)

    refused = client.post(reverse("cases:case_assign", args=[case.public_id]), {"assign-caseworker": caseworker_b.pk})
    assert refused.status_code == 422
    client.post(reverse("cases:case_assign", args=[case.public_id]), {"assign-caseworker": intake_coordinator.pk})

    case.refresh_from_db()
    assert case.caseworker == intake_coordinator


def test_a_transfer_needs_the_survivors_consent_to_share(
    caseworker_a: User, caseworker_b: User, org_a: Organisation, org_b: Organisation
) -> None:
    case = a_case(organisation=org_a, caseworker=caseworker_a, consent_share=False)
    client = signed_in(caseworker_a)
    url = reverse("cases:case_transfer", args=[case.public_id])

    refused = client.post(url, {"transfer-to_organisation": org_b.pk})
    assert refused.status_code == 422
    assert "has not agreed to share their case" in refused.text
    case.refresh_from_db()
    assert case.organisation == org_a and not CaseTransfer.objects.exists()

    client.post(
        reverse("cases:case_consent", args=[case.public_id]),
        {"consent-kind": "share", "consent-given": "yes", "consent-how": "verbal_phone"},
    )
    moved = client.post(url, {"transfer-to_organisation": org_b.pk})

    assert moved.status_code == 302
    assert moved["Location"] == reverse("cases:case_list")
    transfer = CaseTransfer.objects.get()
    assert transfer.from_organisation == org_a and transfer.to_organisation == org_b
    assert transfer.consent.kind == "share" and transfer.consent.given
    # The case is now org B's: its caseworkers see it, org A's caseworker no longer does.
    assert signed_in(caseworker_b).get(reverse("cases:case_detail", args=[case.public_id])).status_code == 200
    assert client.get(reverse("cases:case_detail", args=[case.public_id])).status_code == 404
