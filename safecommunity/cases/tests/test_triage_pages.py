"""Mai triages the new reports: the queue, one report with its flags and likely duplicates, merge and unmerge."""

from __future__ import annotations

import pytest

from safecommunity.accounts.tests.factories import signed_in
from safecommunity.core.models import AuditEvent
from safecommunity.reports.models import Report, ReportLink
from safecommunity.reports.tests.factories import a_submitted_report

pytestmark = pytest.mark.django_db


def bus_reports(region_pk: int) -> tuple[Report, Report]:
    common = {"region_id": region_pk, "location_type": "public_transit", "time_of_day": "morning",
              "incident_types": ["coughed_spat_on"], "targeted_ethnicities": ["korean"]}  # fmt: skip
    english = a_submitted_report(
        description="My mother was on the 51 bus on Stockton Blvd at 8 am. A man coughed on her and yelled about the virus.",
        **common,
    ).report
    korean = a_submitted_report(
        description="51번 버스 Stockton Blvd에서 한 남자가 또다시 저에게 기침을 하고 바이러스라고 소리를 질렀습니다.",
        **common,
    ).report
    return english, korean


def test_mai_sees_the_most_urgent_unverified_report_first(intake_coordinator, sacramento) -> None:
    calm = a_submitted_report(region_id=sacramento.pk).report
    urgent = a_submitted_report(region_id=sacramento.pk, incident_types=["physical_assault"]).report
    verified = a_submitted_report(region_id=sacramento.pk, incident_types=["physical_assault", "threat"]).report
    Report.objects.filter(pk=verified.pk).update(verification="verified")
    response = signed_in(intake_coordinator).get("/en/staff/reports/")
    assert response.status_code == 200
    html = response.content.decode()
    assert html.index(urgent.reference) < html.index(calm.reference) < html.index(verified.reference)
    assert "Physical injury" in html and "Physical assault" in html
    assert "go back to China" not in html  # the queue shows coded fields only


def test_mai_filters_the_queue_by_flag_and_state_in_the_address(intake_coordinator, sacramento) -> None:
    calm = a_submitted_report(region_id=sacramento.pk).report
    urgent = a_submitted_report(region_id=sacramento.pk, incident_types=["physical_assault"]).report
    client = signed_in(intake_coordinator)
    html = client.get("/en/staff/reports/", {"flag": "physical_injury", "region": "sacramento"}).content.decode()
    assert urgent.reference in html and calm.reference not in html
    html = client.get("/en/staff/reports/", {"verification": "spam"}).content.decode()
    assert urgent.reference not in html and "No report matches." in html
    response = client.get("/en/staff/reports/", {"flag": "bogus"})
    assert response.status_code == 422
    assert "Select a valid choice" in response.content.decode()


def test_with_htmx_a_filter_brings_back_only_the_table_and_how_many_reports_match(
    intake_coordinator, sacramento
) -> None:
    calm = a_submitted_report(region_id=sacramento.pk).report
    urgent = a_submitted_report(region_id=sacramento.pk, incident_types=["physical_assault"]).report
    client = signed_in(intake_coordinator)

    response = client.get("/en/staff/reports/", {"flag": "physical_injury"}, HTTP_HX_REQUEST="true")

    html = response.content.decode()
    assert response.status_code == 200 and "HX-Request" in response["Vary"]
    assert "<html" not in html and "<form" not in html
    assert urgent.reference in html and calm.reference not in html
    assert '<p id="triage-status" hx-swap-oob="innerHTML">1 report matches these filters.</p>' in html
    refused = client.get("/en/staff/reports/", {"flag": "bogus"}, HTTP_HX_REQUEST="true")
    assert refused.status_code == 422 and "<html" not in refused.content.decode()
    assert "Select a valid choice" in refused.content.decode()


def test_mai_opens_a_report_sees_why_it_was_flagged_and_the_view_is_audited(intake_coordinator, sacramento) -> None:
    english, korean = bus_reports(sacramento.pk)
    response = signed_in(intake_coordinator).get(f"/en/staff/reports/{korean.public_id}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Ongoing threat" in html and "또다시" in html
    assert "바이러스라고" in html  # the description, decrypted for her
    assert english.reference in html and "The descriptions mention the same numbers" in html
    assert "Open a case" in html and f"reports={korean.public_id}" in html
    assert AuditEvent.objects.filter(action="report.view", actor=intake_coordinator, target_id=str(korean.pk)).exists()


def test_mai_merges_a_duplicate_then_unmerges_it(intake_coordinator, sacramento) -> None:
    english, korean = bus_reports(sacramento.pk)
    client = signed_in(intake_coordinator)
    response = client.post(f"/en/staff/reports/{english.public_id}/merge/", {"other": str(korean.public_id)})
    assert response.status_code == 302
    korean.refresh_from_db()
    assert (korean.merged_into, korean.verification) == (english, "duplicate")
    page = client.get(response["Location"]).content.decode()
    assert "The reports were merged into one incident." in page and "Reports merged into this one" in page
    queue = client.get("/en/staff/reports/").content.decode()
    assert english.reference in queue and korean.reference not in queue
    response = client.post(f"/en/staff/reports/{english.public_id}/unmerge/", {"other": str(korean.public_id)})
    assert response.status_code == 302
    korean.refresh_from_db()
    assert (korean.merged_into, korean.verification) == (None, "unverified")


def test_mai_says_two_reports_are_not_the_same_incident_and_they_are_no_longer_suggested(
    intake_coordinator, sacramento
) -> None:
    english, korean = bus_reports(sacramento.pk)
    client = signed_in(intake_coordinator)
    client.post(f"/en/staff/reports/{english.public_id}/dismiss/", {"other": str(korean.public_id)})
    assert ReportLink.objects.filter(kind="not_duplicate").count() == 1
    html = client.get(f"/en/staff/reports/{english.public_id}/").content.decode()
    assert "No other report looks like the same incident." in html
    assert "Not the same incident: report" in html


def test_mai_marks_spam_and_a_wrong_state_is_refused_with_a_message(intake_coordinator) -> None:
    report = a_submitted_report().report
    client = signed_in(intake_coordinator)
    response = client.post(f"/en/staff/reports/{report.public_id}/verification/", {"verification": "duplicate"})
    assert response.status_code == 422
    assert "Please choose one of the verification states offered." in response.content.decode()
    response = client.post(f"/en/staff/reports/{report.public_id}/verification/", {"verification": "spam"})
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.verification == "spam"


def test_merging_a_report_into_itself_is_explained(intake_coordinator) -> None:
    report = a_submitted_report().report
    response = signed_in(intake_coordinator).post(
        f"/en/staff/reports/{report.public_id}/merge/", {"other": str(report.public_id)}
    )
    assert response.status_code == 422
    assert "A report cannot be merged into itself." in response.content.decode()


def test_a_volunteer_and_a_caseworker_cannot_triage(volunteer, caseworker_b) -> None:
    report = a_submitted_report().report
    for person in (volunteer, caseworker_b):
        client = signed_in(person)
        assert client.get("/en/staff/reports/").status_code == 403
        assert client.get(f"/en/staff/reports/{report.public_id}/").status_code == 403
        response = client.post(f"/en/staff/reports/{report.public_id}/verification/", {"verification": "spam"})
        assert response.status_code == 403
    report.refresh_from_db()
    assert report.verification == "unverified"


def test_an_unknown_report_is_a_404(intake_coordinator) -> None:
    client = signed_in(intake_coordinator)
    assert client.get("/en/staff/reports/00000000-0000-0000-0000-000000000000/").status_code == 404


def test_the_staff_api_lists_triage_fields_and_duplicates(intake_coordinator, caseworker_b, sacramento) -> None:
    english, korean = bus_reports(sacramento.pk)
    client = signed_in(intake_coordinator)
    rows = {row["reference"]: row for row in client.get("/api/v1/staff/reports").json()}
    assert rows[korean.reference]["urgency_flags"] == ["ongoing_threat"]
    assert rows[korean.reference]["verification"] == "unverified" and rows[korean.reference]["merged_into"] is None
    suggestions = client.get(f"/api/v1/staff/reports/{english.reference}/duplicates").json()
    assert suggestions[0]["reference"] == korean.reference
    assert "shared_numbers" in {reason["code"] for reason in suggestions[0]["reasons"]}
    # Reasons, never the descriptions' words or numbers (references and scores are random, so not searched).
    assert "51" not in str([suggestion["reasons"] for suggestion in suggestions])
    assert client.get("/api/v1/staff/reports/ABCDEF12/duplicates").status_code == 404
    assert signed_in(caseworker_b).get(f"/api/v1/staff/reports/{english.reference}/duplicates").status_code == 403
