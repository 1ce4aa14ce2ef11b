"""A caseworker sees only their organisation's cases and those assigned to them: everywhere else, a case
of another organisation does not exist (404), whether asked for by URL, by the API, by search or by export."""

from __future__ import annotations

import pytest
from django.urls import reverse

from safecommunity.accounts.models import Organisation, User
from safecommunity.accounts.tests.factories import signed_in
from safecommunity.cases.models import Case
from safecommunity.cases.tests.factories import a_case

pytestmark = pytest.mark.django_db


@pytest.fixture
def org_a_case(org_a: Organisation, caseworker_a: User, intake_coordinator: User) -> Case:
    return a_case(organisation=org_a, caseworker=caseworker_a, opened_by=intake_coordinator)


def test_the_org_a_caseworker_opens_their_case(caseworker_a: User, org_a_case: Case) -> None:
    response = signed_in(caseworker_a).get(reverse("cases:case_detail", args=[org_a_case.public_id]))

    assert response.status_code == 200
    assert org_a_case.reference in response.text
    assert "Linh" in response.text  # the survivor's name, for the caseworker who may see personal data


def test_an_outsider_gets_404_for_the_case_page_and_its_actions(caseworker_b: User, org_a_case: Case) -> None:
    client = signed_in(caseworker_b)

    assert client.get(reverse("cases:case_detail", args=[org_a_case.public_id])).status_code == 404
    response = client.post(reverse("cases:case_note", args=[org_a_case.public_id]), {"note-text": "Hello"})
    assert response.status_code == 404
    assert not org_a_case.notes.exists()


def test_an_outsider_gets_404_from_the_api_and_does_not_find_the_case_in_the_list(
    caseworker_a: User, caseworker_b: User, org_a_case: Case
) -> None:
    outsider = signed_in(caseworker_b)
    assert outsider.get(f"/api/v1/cases/{org_a_case.reference}").status_code == 404
    assert outsider.get("/api/v1/cases").json() == []
    assert outsider.get(f"/api/v1/cases?q={org_a_case.reference}").json() == []

    insider = signed_in(caseworker_a)
    assert insider.get(f"/api/v1/cases/{org_a_case.reference}").json()["status"] == "new"
    assert [case["reference"] for case in insider.get("/api/v1/cases").json()] == [org_a_case.reference]


def test_an_outsider_does_not_find_the_case_by_its_reference_or_its_report(
    caseworker_a: User, caseworker_b: User, org_a_case: Case
) -> None:
    report = org_a_case.case_reports.get().report
    case_url = reverse("cases:case_detail", args=[org_a_case.public_id])
    for query in (org_a_case.reference, report.reference):
        outsider_page = signed_in(caseworker_b).get(reverse("cases:case_list"), {"q": query})
        insider_page = signed_in(caseworker_a).get(reverse("cases:case_list"), {"q": query})

        assert case_url not in outsider_page.text
        assert "No case matches." in outsider_page.text
        assert case_url in insider_page.text


def test_with_htmx_the_case_list_brings_back_only_its_table_still_scoped_and_counted(
    caseworker_a: User, caseworker_b: User, org_a_case: Case
) -> None:
    case_url = reverse("cases:case_detail", args=[org_a_case.public_id])
    query = {"q": org_a_case.reference}

    insider = signed_in(caseworker_a).get(reverse("cases:case_list"), query, HTTP_HX_REQUEST="true")
    outsider = signed_in(caseworker_b).get(reverse("cases:case_list"), query, HTTP_HX_REQUEST="true")

    assert "<html" not in insider.text and "<form" not in insider.text
    assert case_url in insider.text
    assert '<p id="case-status" hx-swap-oob="innerHTML">1 case matches these filters.</p>' in insider.text
    assert case_url not in outsider.text
    assert '<p id="case-status" hx-swap-oob="innerHTML">0 cases match these filters.</p>' in outsider.text
    assert insider["Cache-Control"] == "no-store" and "HX-Request" in insider["Vary"]


def test_the_export_holds_only_cases_in_scope_and_coded_fields(
    caseworker_a: User, caseworker_b: User, org_a_case: Case
) -> None:
    outsider_csv = signed_in(caseworker_b).get("/api/v1/cases/export.csv").content.decode()
    insider_csv = signed_in(caseworker_a).get("/api/v1/cases/export.csv").content.decode()

    assert org_a_case.reference not in outsider_csv
    assert org_a_case.reference in insider_csv
    assert "Linh" not in insider_csv and "555" not in insider_csv


def test_a_case_assigned_across_organisations_is_seen_by_its_caseworker(
    org_b: Organisation, caseworker_a: User, intake_coordinator: User
) -> None:
    """Mai opened a case for org B; she still sees it, and org A's caseworker does not."""
    case = a_case(organisation=org_b, opened_by=intake_coordinator)

    assert signed_in(intake_coordinator).get(reverse("cases:case_detail", args=[case.public_id])).status_code == 200
    assert signed_in(caseworker_a).get(reverse("cases:case_detail", args=[case.public_id])).status_code == 404


def test_roles_without_cases_are_turned_away(analyst: User, volunteer: User, org_a_case: Case) -> None:
    for user in (analyst, volunteer):
        client = signed_in(user)
        assert client.get(reverse("cases:case_detail", args=[org_a_case.public_id])).status_code == 403
        assert client.get("/api/v1/cases").status_code == 403
        # Everyone lands on the dashboard after signing in, whatever their role.
        assert client.get(reverse("cases:dashboard")).status_code == 200
