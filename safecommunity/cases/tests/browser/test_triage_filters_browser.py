"""Mai narrows the triage queue on her laptop: each filter she changes updates the table in place (htmx), the
address keeps her filters, and a screen reader hears how many reports match."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.urls import reverse
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer

from safecommunity.accounts.models import User
from safecommunity.core.models import Region
from safecommunity.reports.tests.browser.steps import sign_in
from safecommunity.reports.tests.factories import a_submitted_report

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("transactional_db")]


def test_a_filter_updates_the_queue_in_place(
    page: Page,
    live_server: LiveServer,
    sacramento: Region,
    intake_coordinator: User,
    js_errors: Callable[[], list[str]],
) -> None:
    calm = a_submitted_report(region_id=sacramento.pk).report
    urgent = a_submitted_report(region_id=sacramento.pk, incident_types=["physical_assault"]).report
    sign_in(page, live_server.url, intake_coordinator, reverse("cases:triage"))
    expect(page.locator("tbody tr")).to_have_count(2)
    page.evaluate("window.stillTheSamePage = true")

    page.locator("select[name=flag]").select_option("physical_injury")

    expect(page.locator("tbody tr")).to_have_count(1)
    expect(page.locator("tbody")).to_contain_text(urgent.reference)
    expect(page.locator("tbody")).not_to_contain_text(calm.reference)
    expect(page.get_by_role("status")).to_have_text("1 report matches these filters.")
    assert page.evaluate("window.stillTheSamePage === true"), "the page was loaded again instead of updated"
    assert "flag=physical_injury" in page.url
    assert js_errors() == []
