"""Two cities on one deployment: each coalition's intake coordinator triages the reports of its own regions (and
those placed in no region, such as online harassment), and never sees the other city's."""

from __future__ import annotations

import pytest
from django.urls import reverse

from safecommunity.accounts.models import Organisation, User
from safecommunity.accounts.tests.factories import a_staff_member, greater_sacramento, signed_in
from safecommunity.core.models import Region
from safecommunity.core.roles import Role
from safecommunity.reports.models import Report
from safecommunity.reports.tests.factories import a_submitted_report

pytestmark = pytest.mark.django_db


@pytest.fixture
def kim(org_bay: Organisation) -> User:  # org_bay's coalition is the Bay Area, with its San Francisco region
    """Kim triages the Bay Area coalition's reports."""
    return a_staff_member("kim.intake", role=Role.INTAKE_COORDINATOR, organisation=org_bay)


def reports_in_both_cities(sacramento: Region) -> dict[str, Report]:
    greater_sacramento()
    san_francisco = Region.objects.get(slug="san-francisco")
    return {
        "sacramento": a_submitted_report(region_id=sacramento.pk).report,
        "san_francisco": a_submitted_report(region_id=san_francisco.pk).report,
        "online": a_submitted_report(region_id=None, location_type="online").report,
    }


def test_each_citys_coordinator_triages_its_own_reports_and_the_online_ones(
    sacramento: Region, kim: User, intake_coordinator: User
) -> None:
    reports = reports_in_both_cities(sacramento)

    bay_queue = signed_in(kim).get(reverse("cases:triage")).content.decode()
    sacramento_queue = signed_in(intake_coordinator).get(reverse("cases:triage")).content.decode()

    assert reports["san_francisco"].reference in bay_queue and reports["online"].reference in bay_queue
    assert reports["sacramento"].reference not in bay_queue
    assert reports["sacramento"].reference in sacramento_queue and reports["online"].reference in sacramento_queue
    assert reports["san_francisco"].reference not in sacramento_queue


def test_the_other_citys_report_does_not_exist_for_a_coordinator(sacramento: Region, kim: User) -> None:
    reports = reports_in_both_cities(sacramento)
    client = signed_in(kim)

    assert client.get(reverse("cases:triage_report", args=[reports["sacramento"].public_id])).status_code == 404
    assert client.get(reverse("cases:triage_report", args=[reports["san_francisco"].public_id])).status_code == 200
    assert reports["sacramento"].reference not in client.get("/api/v1/staff/reports").content.decode()


def test_an_administrator_of_no_organisation_sees_every_city(sacramento: Region, org_bay: Organisation) -> None:
    reports = reports_in_both_cities(sacramento)
    admin = a_staff_member("root.admin", role=Role.COALITION_ADMIN)

    queue = signed_in(admin).get(reverse("cases:triage")).content.decode()

    assert all(report.reference in queue for report in reports.values())
