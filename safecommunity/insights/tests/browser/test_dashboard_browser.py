"""Stories in a real browser: someone opens the statistics on a phone, picks a county and a year, and shares the view.

The pages must pass an axe scan (axe is injected, so those contexts bypass the CSP); one story keeps the
CSP on and checks that nothing on the page was blocked (an inline style in a chart would be).
"""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import parse_qs, urlparse

import pytest
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer

from safecommunity.insights.tests.factories import brief_reports
from safecommunity.reports.tests.browser.test_accessibility import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("transactional_db")]

# Of the brief's 44 Sacramento reports, 24 happened in 2025 (see insights.tests.factories.brief_reports).
SACRAMENTO_2025 = 24


@pytest.mark.browser_context_args(bypass_csp=True)
@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_someone_narrows_the_statistics_to_one_county_and_one_year(
    page: Page, live_server: LiveServer, language: str
) -> None:
    brief_reports()
    page.goto(f"{live_server.url}/{language}/statistics/")
    expect(page.locator("html")).to_have_attribute("lang", language)
    expect(page.locator("#total-reports")).to_contain_text("66")

    page.locator("input[name=region][value=sacramento]").check()
    page.locator("input[name=from]").fill("2025-01")
    page.locator("input[name=to]").fill("2025-12")
    with page.expect_navigation():
        page.locator(".stats-filters button[type=submit]").click()

    query = parse_qs(urlparse(page.url).query)
    assert query == {"from": ["2025-01"], "to": ["2025-12"], "region": ["sacramento"]}
    expect(page.locator("#total-reports")).to_contain_text(str(SACRAMENTO_2025))
    expect(page.locator("input[name=region][value=sacramento]")).to_be_checked()
    expect(page.locator("#table-region tbody tr")).to_have_count(1)
    share = page.locator("#share-link")
    assert "region=sacramento" in (share.get_attribute("href") or "")
    # One scan of the filtered page (the whole page scanned twice costs seconds and finds the same markup).
    assert_accessible(page)


def test_the_charts_and_map_live_within_the_strict_content_security_policy(
    page: Page, live_server: LiveServer, js_errors: Callable[[], list[str]]
) -> None:
    brief_reports()
    page.goto(f"{live_server.url}/en/statistics/?from=2024-01&to=2025-12")

    expect(page.locator("svg[role=img]")).to_have_count(9)
    expect(page.locator("path.map-region")).to_have_count(4)
    # A bar has a size on screen: the charts were drawn, not blocked.
    box = page.locator("svg rect.chart-bar").first.bounding_box()
    assert box is not None and box["width"] > 0
    assert js_errors() == []
