"""Lan looks for help on her phone: each choice she makes updates the list in place (htmx), the address keeps her
choices so she can share it or go back, a screen reader hears how many services were found, and the page passes an
axe scan in English and Arabic. Without JavaScript the same form works as a plain GET (test_find_help.py)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer

from safecommunity.accounts.tests.factories import an_organisation
from safecommunity.core.models import Region
from safecommunity.directory.models import ServiceKind
from safecommunity.directory.tests.factories import a_service
from safecommunity.reports.tests.browser.test_accessibility import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("transactional_db")]


def two_services(sacramento: Region) -> None:
    a_service(
        an_organisation("korean-community-center"), name="Korean Counselling", languages=["ko"], regions=[sacramento]
    )
    a_service(
        an_organisation("hmong-legal-aid"), name="Hmong legal clinic", kind=ServiceKind.LEGAL_AID, languages=["hmn"]
    )


def test_each_choice_updates_the_list_in_place_and_the_address_keeps_it(
    page: Page, live_server: LiveServer, sacramento: Region, js_errors: Callable[[], list[str]]
) -> None:
    two_services(sacramento)
    page.goto(f"{live_server.url}/en/find-help/")
    expect(page.get_by_role("heading", name="2 services found")).to_be_visible()
    page.evaluate("window.stillTheSamePage = true")

    page.get_by_label("What kind of help?").select_option("legal_aid")

    expect(page.get_by_role("heading", name="1 service found")).to_be_visible()
    expect(page.get_by_text("Hmong legal clinic")).to_be_visible()
    expect(page.get_by_text("Korean Counselling")).to_have_count(0)
    expect(page.get_by_role("status")).to_have_text("1 service found")
    assert page.evaluate("window.stillTheSamePage === true"), "the page was loaded again instead of updated"
    assert "kind=legal_aid" in page.url

    page.get_by_role("link", name="Show all services").click()
    expect(page.get_by_role("heading", name="2 services found")).to_be_visible()
    page.go_back()
    expect(page.get_by_role("heading", name="1 service found")).to_be_visible()
    assert js_errors() == []


@pytest.mark.browser_context_args(bypass_csp=True)
@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_updated_list_is_accessible(page: Page, live_server: LiveServer, sacramento: Region, language: str) -> None:
    two_services(sacramento)
    page.goto(f"{live_server.url}/{language}/find-help/")
    page.locator("select[name=kind]").select_option("legal_aid")
    expect(page.get_by_text("Korean Counselling")).to_have_count(0)

    assert_accessible(page)
