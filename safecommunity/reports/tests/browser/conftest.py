"""Browser fixtures: Debian's Chromium, driven by Playwright, against pytest-django's live server.

Every story here runs on a phone-sized screen unless it says otherwise. The accessibility scans
add ``@pytest.mark.browser_context_args(bypass_csp=True)`` so that axe can be injected into pages
whose Content-Security-Policy forbids any script we did not serve.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import ConsoleMessage, Error, Page, Response

from safecommunity.core.models import Region
from safecommunity.core.tests.factories import sacramento_region

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="session", autouse=True)
def django_beside_playwright() -> Iterator[None]:
    """Playwright's sync API keeps an event loop in the test thread; Django's ORM refuses to run
    there unless told it is safe (it is: the test thread and the live server never share a connection)."""
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    yield
    if previous is None:
        os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    else:
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    if not CHROMIUM.is_file() or not os.access(CHROMIUM, os.X_OK):
        pytest.fail(
            f"Browser tests need Debian's Chromium at {CHROMIUM}, and it is missing. "
            "Run `scripts/ensure-system-packages browser` (the Makefile does this before pytest), "
            'or leave the browser tests out with `-m "not browser"`.',
            pytrace=False,
        )
    return {**browser_type_launch_args, "executable_path": str(CHROMIUM), "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args: dict[str, Any]) -> dict[str, Any]:
    """A phone: most people who report hate do it from the phone in their pocket."""
    return {
        **browser_context_args,
        "viewport": PHONE,
        "device_scale_factor": 1,
        "is_mobile": True,
        "has_touch": True,
        # The browser asks for English; only the person's own choice of language changes that.
        "locale": "en-US",
    }


@pytest.fixture
def sacramento(transactional_db: None) -> Region:
    return sacramento_region()


@pytest.fixture
def js_errors(page: Page) -> Callable[[], list[str]]:
    """Uncaught exceptions and console errors (a script or style the page could not load shows up here too).

    A page answered with an error status on purpose (422 for a form with mistakes) also logs
    "Failed to load resource"; the stories check those statuses themselves, so they are left out.
    """
    errors: list[tuple[str, str]] = []
    documents: set[str] = set()

    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error":
            errors.append((message.text, message.location.get("url", "")))

    def on_page_error(error: Error) -> None:
        errors.append((f"uncaught {error.name}: {error.message}", page.url))

    def on_response(response: Response) -> None:
        if response.request.is_navigation_request():
            documents.add(response.url)

    page.on("console", on_console)
    page.on("pageerror", on_page_error)
    page.on("response", on_response)

    def found() -> list[str]:
        return [
            f"{text} ({url})"
            for text, url in errors
            if not (text.startswith("Failed to load resource") and url in documents)
        ]

    return found
