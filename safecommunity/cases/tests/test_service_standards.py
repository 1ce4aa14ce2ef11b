"""Service standards: a first contact within 48 hours and follow-ups on time. What is late shows on the
caseworker's dashboard and in a daily digest email that carries no personal data."""

from __future__ import annotations

import datetime as dt
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from safecommunity.accounts.models import Organisation, User
from safecommunity.accounts.tests.factories import signed_in
from safecommunity.cases.models import Case, CaseTask
from safecommunity.cases.tests.factories import a_case

pytestmark = pytest.mark.django_db


def _opened_days_ago(case: Case, days: int) -> Case:
    """The case as if it had been opened ``days`` ago and nobody had reached the survivor since."""
    opened = timezone.now() - dt.timedelta(days=days)
    Case.objects.filter(pk=case.pk).update(opened_at=opened, first_contact_due_at=opened + dt.timedelta(hours=48))
    case.refresh_from_db()
    return case


def test_a_first_contact_not_made_in_48_hours_is_overdue_on_the_dashboard(
    caseworker_a: User, org_a: Organisation
) -> None:
    late = _opened_days_ago(a_case(organisation=org_a, caseworker=caseworker_a), 3)
    on_time = a_case(organisation=org_a, caseworker=caseworker_a)

    page = signed_in(caseworker_a).get(reverse("cases:dashboard"))

    overdue = page.text.split('id="overdue-heading"', 1)[1].split('id="my-cases-heading"', 1)[0]
    assert "First contact not made yet" in overdue
    assert late.reference in overdue
    assert on_time.reference not in overdue
    assert on_time.reference in page.text  # still listed among my cases


def test_follow_ups_and_tasks_past_their_date_are_overdue(caseworker_a: User, org_a: Organisation) -> None:
    case = a_case(organisation=org_a, caseworker=caseworker_a)
    Case.objects.filter(pk=case.pk).update(
        first_contact_at=timezone.now(), next_follow_up_on=timezone.localdate() - dt.timedelta(days=1)
    )
    CaseTask.objects.create(
        case=case, title="Send the victim compensation form", due_on=timezone.localdate() - dt.timedelta(days=2)
    )

    page = signed_in(caseworker_a).get(reverse("cases:dashboard"))

    assert "Follow-ups past their date" in page.text
    assert "Send the victim compensation form" in page.text
    assert "First contact not made yet" not in page.text


def test_the_daily_digest_lists_overdue_items_without_personal_data(
    caseworker_a: User, caseworker_b: User, org_a: Organisation
) -> None:
    User.objects.filter(pk=caseworker_a.pk).update(preferred_language="vi")
    late = _opened_days_ago(a_case(organisation=org_a, caseworker=caseworker_a), 4)
    CaseTask.objects.create(case=late, title="Call Linh back", due_on=timezone.localdate() - dt.timedelta(days=1))
    out = StringIO()

    call_command("send_case_digests", stdout=out)

    assert "Sent 1 case digest(s)." in out.getvalue()
    (digest,) = mail.outbox  # caseworker B has nothing overdue and gets nothing
    assert digest.to == [caseworker_a.email]
    assert late.reference in digest.body
    assert f"/vi/staff/cases/{late.public_id}/" in digest.body  # the link opens in the caseworker's language
    for personal in ("Linh", "555", "light rail", "Call Linh back"):
        assert personal not in digest.body


def test_no_digest_when_nothing_is_overdue_or_the_case_is_closed(caseworker_a: User, org_a: Organisation) -> None:
    a_case(organisation=org_a, caseworker=caseworker_a)
    closed = _opened_days_ago(a_case(organisation=org_a, caseworker=caseworker_a), 5)
    Case.objects.filter(pk=closed.pk).update(status=Case.Status.CLOSED, outcome="unreachable")

    call_command("send_case_digests", stdout=StringIO())

    assert mail.outbox == []


def test_the_digest_task_runs_in_the_background_queue(caseworker_a: User, org_a: Organisation) -> None:
    from safecommunity.cases.tasks import send_case_digests

    _opened_days_ago(a_case(organisation=org_a, caseworker=caseworker_a), 3)

    result = send_case_digests.enqueue()

    assert result.return_value == 1
    assert len(mail.outbox) == 1


def test_every_role_lands_on_a_dashboard_that_says_what_it_can_do(
    analyst: User, volunteer: User, intake_coordinator: User, organiser_a: User, network_admin: User
) -> None:
    assert "Find a case" not in signed_in(analyst).get(reverse("cases:dashboard")).text
    volunteer_page = signed_in(volunteer).get(reverse("cases:dashboard")).text
    assert "Volunteer shifts" in volunteer_page and "Find a case" not in volunteer_page
    organiser_page = signed_in(organiser_a).get(reverse("cases:dashboard")).text
    assert "Events and registrations" in organiser_page and "Triage new reports" not in organiser_page
    assert "The network of cities" in signed_in(network_admin).get(reverse("cases:dashboard")).text
    coordinator_page = signed_in(intake_coordinator).get(reverse("cases:dashboard")).text
    assert "Triage new reports" in coordinator_page and "Find a case" in coordinator_page
