"""Nadia, the network administrator, signs in and compares the two cities: Sacramento's 12 reports are shown,
San Francisco's 3 are not (they show as "fewer than 5"). The network pages pass axe in English and Arabic."""

from __future__ import annotations

import datetime as dt

import pytest
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer

from safecommunity.accounts.tests.factories import a_staff_member, greater_sacramento, the_bay_area
from safecommunity.core.models import Region
from safecommunity.core.roles import Role
from safecommunity.core.tests.factories import sacramento_region
from safecommunity.programs.evaluation.tests.factories import reports_in
from safecommunity.reports.tests.browser.steps import sign_in
from safecommunity.reports.tests.browser.test_accessibility import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("transactional_db")]


def two_cities() -> None:
    greater_sacramento()
    the_bay_area()
    reports_in(sacramento_region(), 12, occurred_on=dt.date(2026, 3, 14))
    reports_in(Region.objects.get(slug="san-francisco"), 3, occurred_on=dt.date(2026, 3, 20))


def city_cells(page: Page, row: str) -> list[str]:
    cells = page.locator("table", has_text="All reports in the period").locator("tbody tr", has_text=row).locator("td")
    return [text.strip() for text in cells.all_inner_texts()]


@pytest.mark.browser_context_args(bypass_csp=True)
def test_nadia_sees_two_cities_side_by_side_with_small_numbers_hidden(page: Page, live_server: LiveServer) -> None:
    two_cities()
    nadia = a_staff_member("nadia.network", role=Role.NETWORK_ADMIN, first_name="Nadia")

    sign_in(page, live_server.url, nadia, "/en/staff/programmes/network/")
    page.locator("input[name=from]").fill("2026-01")
    page.locator("input[name=to]").fill("2026-06")
    with page.expect_navigation():
        page.locator(".network-form button[type=submit]").click()

    headers = page.locator("table", has_text="All reports in the period").locator("thead th").all_inner_texts()
    assert [text.strip() for text in headers] == ["City", "Bay Area Stop the Hate", "Greater Sacramento Safe Community"]
    assert city_cells(page, "Reports") == ["fewer than 5", "12"]
    march = page.locator("#network-month tbody tr", has_text="March 2026").locator("td").all_inner_texts()
    assert [text.strip() for text in march] == ["fewer than 5", "12"]
    expect(page.locator("main")).not_to_contain_text("Bay Area Stop the Hate 3")
    assert_accessible(page)


@pytest.mark.browser_context_args(bypass_csp=True)
@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_network_pages_are_accessible(page: Page, live_server: LiveServer, language: str) -> None:
    two_cities()
    nadia = a_staff_member("nadia.network", role=Role.NETWORK_ADMIN, first_name="Nadia")

    page.goto(f"{live_server.url}/{language}/network/?from=2026-01&to=2026-06")
    expect(page.locator("html")).to_have_attribute("dir", "rtl" if language == "ar" else "ltr")
    assert_accessible(page)

    sign_in(page, live_server.url, nadia, f"/{language}/staff/programmes/network/")
    assert_accessible(page)


@pytest.mark.browser_context_args(bypass_csp=True)
def test_linhs_project_page_with_its_chart_is_accessible(page: Page, live_server: LiveServer) -> None:
    from decimal import Decimal

    from safecommunity.accounts.tests.factories import an_organisation, an_organiser
    from safecommunity.programs.evaluation.tests.factories import a_milestone, a_project

    two_cities()
    linh = an_organiser("linh.organiser", an_organisation("org-a"), first_name="Linh")
    assert linh.organisation is not None
    project = a_project(
        linh.organisation,
        regions=[sacramento_region()],
        ends_on=dt.date(2026, 4, 30),
        indicators={"reports_in_area": Decimal(20), "referrals_completed": Decimal(5), "people_hugged": None},
    )
    a_milestone(project)

    sign_in(page, live_server.url, linh, f"/en/staff/programmes/projects/{project.pk}/")
    expect(page.locator("svg.evaluation-chart")).to_have_count(2)
    expect(page.locator("main")).to_contain_text("60 % of the target")
    assert_accessible(page)
