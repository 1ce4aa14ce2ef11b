"""A person who reads Vietnamese picks it once; the site opens in Vietnamese from then on."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect
from pytest_django.live_server_helper import LiveServer

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("transactional_db")]


def test_a_person_chooses_vietnamese_and_the_site_remembers(
    page: Page, live_server: LiveServer, js_errors: Callable[[], list[str]]
) -> None:
    page.goto(f"{live_server.url}/")
    expect(page).to_have_url(f"{live_server.url}/en/")  # the browser asks for English

    switcher = page.locator("details.languages")
    switcher.locator("summary").click()
    vietnamese = switcher.locator("a[lang=vi]")
    expect(vietnamese).to_be_visible()
    # Django writes the name with combining accents (NFD); people see the same letters either way.
    assert unicodedata.normalize("NFC", vietnamese.inner_text().strip()) == "Tiếng Việt"
    vietnamese.click()

    expect(page).to_have_url(f"{live_server.url}/vi/")
    expect(page.locator("html")).to_have_attribute("lang", "vi")
    expect(page.locator("details.languages a[aria-current=true]")).to_have_attribute("lang", "vi")
    cookie = next(c for c in page.context.cookies() if c["name"] == "sc_language")
    assert (cookie["value"], cookie["httpOnly"], cookie["sameSite"]) == ("vi", True, "Lax")

    page.goto(f"{live_server.url}/")
    expect(page).to_have_url(f"{live_server.url}/vi/")
    assert js_errors() == []


def test_someone_else_on_another_phone_still_gets_english(
    browser: Browser, browser_context_args: dict[str, Any], live_server: LiveServer
) -> None:
    elsewhere = browser.new_context(**browser_context_args)
    try:
        other = elsewhere.new_page()
        other.goto(f"{live_server.url}/vi/")
        fresh = browser.new_context(**browser_context_args)
        try:
            newcomer = fresh.new_page()
            newcomer.goto(f"{live_server.url}/")
            expect(newcomer).to_have_url(f"{live_server.url}/en/")
        finally:
            fresh.close()
    finally:
        elsewhere.close()
