"""Referring a survivor to a partner's service: only with consent to share; the receiving organisation
is told by an email without personal data and sees exactly what was shared, never the case."""

from __future__ import annotations

import pytest
from django.core import mail
from django.urls import reverse

from safecommunity.accounts.models import Organisation, User
from safecommunity.accounts.tests.factories import signed_in
from safecommunity.cases.models import Case, Referral
from safecommunity.cases.tests.factories import a_case, a_service
from safecommunity.directory.models import Service

pytestmark = pytest.mark.django_db


@pytest.fixture
def counselling(org_b: Organisation) -> Service:
    return a_service(org_b, name="Counselling in Korean")


@pytest.fixture
def shared_case(org_a: Organisation, caseworker_a: User) -> Case:
    return a_case(organisation=org_a, caseworker=caseworker_a, consent_share=True, preferred_language="ko")


def test_the_case_page_suggests_matching_services_with_the_reason(
    caseworker_a: User, shared_case: Case, counselling: Service, org_a: Organisation
) -> None:
    a_service(org_a, name="Tax advice", kind="financial_aid", languages=["en"])

    page = signed_in(caseworker_a).get(reverse("cases:case_detail", args=[shared_case.public_id]))

    suggestions = page.text.split("Suggested services", 1)[1].split("</ol>", 1)[0]
    assert "Counselling in Korean" in suggestions
    assert "Tax advice" not in suggestions  # the survivor asked for mental-health support, not money
    assert '<ul class="reasons"><li>' in suggestions


def test_a_referral_needs_the_survivors_consent_to_share(
    caseworker_a: User, org_a: Organisation, counselling: Service
) -> None:
    case = a_case(organisation=org_a, caseworker=caseworker_a, consent_share=False)

    response = signed_in(caseworker_a).post(
        reverse("cases:case_referral", args=[case.public_id]),
        {"referral-service": counselling.pk, "referral-shared_fields": ["contact_name"]},
    )

    assert response.status_code == 422
    assert "has not agreed to share their information" in response.text
    assert not Referral.objects.exists()
    assert mail.outbox == []


def test_org_b_accepts_a_referral_and_sees_only_what_was_shared(
    caseworker_a: User, caseworker_b: User, shared_case: Case, counselling: Service, django_capture_on_commit_callbacks
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        response = signed_in(caseworker_a).post(
            reverse("cases:case_referral", args=[shared_case.public_id]),
            {"referral-service": counselling.pk, "referral-shared_fields": ["contact_name", "preferred_language"]},
        )
    assert response.status_code == 302
    referral = Referral.objects.get()
    assert referral.state == "sent" and referral.to_organisation == counselling.organisation
    assert referral.shared_fields == ["contact_name", "preferred_language"]
    assert "Linh" in referral.shared_summary and "555" not in referral.shared_summary
    shared_case.refresh_from_db()
    assert shared_case.status == "referred"

    # The notice goes to org B's address, says which service, and nothing about the person.
    (notice,) = mail.outbox
    assert notice.to == ["org-b@example.org"]
    assert "Counselling in Korean" in notice.subject
    assert reverse("cases:referrals_received") in notice.body
    for personal in ("Linh", "555", "linh@example.net", "light rail"):
        assert personal not in notice.body

    org_b_staff = signed_in(caseworker_b)
    page = org_b_staff.get(reverse("cases:referrals_received"))
    assert "Counselling in Korean" in page.text
    assert "Linh" in page.text  # shared
    for unshared in ("916 555 0199", "linh@example.net", "light rail", shared_case.reference):
        assert unshared not in page.text
    # The case itself stays out of reach.
    assert org_b_staff.get(reverse("cases:case_detail", args=[shared_case.public_id])).status_code == 404

    accepted = org_b_staff.post(
        reverse("cases:referral_answer", args=[referral.pk]), {f"answer-{referral.pk}-decision": "accept"}
    )
    assert accepted.status_code == 302
    org_b_staff.post(reverse("cases:referral_complete", args=[referral.pk]))
    referral.refresh_from_db()
    assert referral.state == "completed" and referral.responded_by == caseworker_b


def test_declining_needs_a_reason_and_only_the_receiving_organisation_answers(
    caseworker_a: User, caseworker_b: User, shared_case: Case, counselling: Service
) -> None:
    signed_in(caseworker_a).post(
        reverse("cases:case_referral", args=[shared_case.public_id]),
        {"referral-service": counselling.pk, "referral-shared_fields": ["needs"]},
    )
    referral = Referral.objects.get()
    url = reverse("cases:referral_answer", args=[referral.pk])
    prefix = f"answer-{referral.pk}"

    # Org A's caseworker does not answer for org B.
    assert signed_in(caseworker_a).post(url, {f"{prefix}-decision": "accept"}).status_code == 404

    no_reason = signed_in(caseworker_b).post(url, {f"{prefix}-decision": "decline"})
    assert no_reason.status_code == 422
    assert "Say why the referral is declined." in no_reason.text

    signed_in(caseworker_b).post(
        url, {f"{prefix}-decision": "decline", f"{prefix}-reason": "Our waiting list is full."}
    )
    referral.refresh_from_db()
    assert referral.state == "declined" and referral.decline_reason == "Our waiting list is full."
    case_page = signed_in(caseworker_a).get(reverse("cases:case_detail", args=[shared_case.public_id]))
    assert "Our waiting list is full." in case_page.text


def test_a_referral_shares_at_least_one_thing(caseworker_a: User, shared_case: Case, counselling: Service) -> None:
    response = signed_in(caseworker_a).post(
        reverse("cases:case_referral", args=[shared_case.public_id]), {"referral-service": counselling.pk}
    )

    assert response.status_code == 422
    assert "Tick at least one thing to share with the service." in response.text
    assert f'<option value="{counselling.pk}" selected>' in response.text
