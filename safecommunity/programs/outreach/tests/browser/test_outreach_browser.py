"""In a real browser: someone signs up for the newsletter on a phone, and the take-action and city pages pass an axe
scan in English and Arabic; the city's colours load within the strict Content-Security-Policy."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.conf import settings
from django.utils import timezone
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer

from safecommunity.accounts.tests.factories import an_organisation_in, greater_sacramento, the_bay_area
from safecommunity.demo.programs_outreach import seed_outreach
from safecommunity.programs.outreach.models import Subscriber
from safecommunity.reports.tests.browser.test_accessibility import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("transactional_db")]


def two_cities() -> None:
    sacramento, bay = greater_sacramento(), the_bay_area()
    an_organisation_in(sacramento, "org-a", website="https://org-a.example.org")
    seed_outreach(coalitions={"greater-sacramento": sacramento, "sf-bay-area": bay}, now=timezone.now())


@pytest.mark.browser_context_args(bypass_csp=True)
@pytest.mark.parametrize("language", ["en", "ar"])
def test_someone_signs_up_for_a_citys_newsletter(page: Page, live_server: LiveServer, language: str) -> None:
    two_cities()
    page.goto(f"{live_server.url}/{language}/newsletter/?coalition=sf-bay-area")
    expect(page.locator("html")).to_have_attribute("lang", language)
    expect(page.locator("select[name=language]")).to_have_value(language)
    assert_accessible(page)

    page.locator("input[name=email]").fill("not an address")
    with page.expect_navigation():
        page.locator("main button[type=submit]").click()
    expect(page.locator(".error-summary")).to_be_visible()
    assert_accessible(page)

    page.locator("input[name=email]").fill("reader@example.org")
    with page.expect_navigation():
        page.locator("main button[type=submit]").click()
    expect(page.locator("h1")).to_be_visible()
    assert "/newsletter/check-your-inbox/" in page.url
    assert_accessible(page)
    assert Subscriber.objects.filter(status=Subscriber.Status.PENDING, language=language).count() == 1


@pytest.mark.browser_context_args(bypass_csp=True)
@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_take_action_page_is_accessible(page: Page, live_server: LiveServer, language: str) -> None:
    two_cities()
    page.goto(f"{live_server.url}/{language}/take-action/greater-sacramento/")
    expect(page.locator("#donate-heading")).to_be_visible()
    expect(page.locator("#report-url")).to_have_value(f"{settings.SITE_URL}/{language}/report/")
    assert_accessible(page)
    page.goto(f"{live_server.url}/{language}/take-action/")
    assert_accessible(page)


@pytest.mark.browser_context_args(bypass_csp=True)
@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_city_pages_are_accessible(page: Page, live_server: LiveServer, language: str) -> None:
    two_cities()
    page.goto(f"{live_server.url}/{language}/cities/sf-bay-area/")
    expect(page.locator(".city-tagline")).to_be_visible()
    assert_accessible(page)
    page.goto(f"{live_server.url}/{language}/cities/")
    assert_accessible(page)


def test_the_city_colour_arrives_within_the_content_security_policy(
    page: Page, live_server: LiveServer, js_errors: Callable[[], list[str]]
) -> None:
    two_cities()
    page.goto(f"{live_server.url}/en/cities/sf-bay-area/")
    colour = page.locator(".city-banner").evaluate("element => getComputedStyle(element).backgroundColor")
    assert colour == "rgb(122, 31, 92)"  # the Bay Area's #7a1f5c
    assert js_errors() == []
