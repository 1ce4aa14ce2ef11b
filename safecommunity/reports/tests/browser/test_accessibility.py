"""Every page a reporter sees passes an axe scan, in a left-to-right, a right-to-left and a CJK language.

Disclosures (the language list, the optional steps of the form) are opened before each scan so that
nothing hidden escapes it. axe is injected as a script tag, so these contexts bypass the site's CSP.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import axe_playwright_python
import pytest
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer

from safecommunity.core.models import Region
from safecommunity.reports.tests.browser.steps import (
    as_typed_on_a_phone,
    look_up,
    open_report_form,
    send_report,
    submit_a_report,
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.usefixtures("transactional_db"),
    pytest.mark.browser_context_args(bypass_csp=True),
]

AXE_SCRIPT = Path(axe_playwright_python.__file__).with_name("axe.min.js")
LANGUAGES = ["en", "ar", "zh-hans"]


def axe_violations(page: Page) -> list[dict[str, Any]]:
    assert AXE_SCRIPT.is_file(), f"axe-core is missing from the axe-playwright-python package: {AXE_SCRIPT}"
    page.evaluate("document.querySelectorAll('details').forEach((d) => { d.open = true; })")
    page.add_script_tag(path=AXE_SCRIPT)
    results: dict[str, Any] = page.evaluate("async () => await axe.run(document)")
    violations: list[dict[str, Any]] = results["violations"]
    return violations


def readable(violations: list[dict[str, Any]], page: Page) -> str:
    lines = [f"{len(violations)} accessibility rule(s) broken on {page.url}:"]
    for violation in violations:
        lines.append(f"- {violation['id']} ({violation['impact']}): {violation['help']} <{violation['helpUrl']}>")
        for node in violation["nodes"][:8]:
            target = " ".join(str(part) for part in node["target"])
            lines.append(f"    at {target}: {node['html'][:160]}")
            summary = (node.get("failureSummary") or "").replace("\n", " ").strip()
            if summary:
                lines.append(f"      {summary[:300]}")
        if len(violation["nodes"]) > 8:
            lines.append(f"    … and {len(violation['nodes']) - 8} more")
    return "\n".join(lines)


def assert_accessible(page: Page) -> None:
    violations = axe_violations(page)
    assert violations == [], readable(violations, page)


def home(page: Page, base_url: str, language: str, region: Region) -> None:
    page.goto(f"{base_url}/{language}/")


def report_form(page: Page, base_url: str, language: str, region: Region) -> None:
    open_report_form(page, base_url, language)


def confirmation(page: Page, base_url: str, language: str, region: Region) -> None:
    submit_a_report(page, base_url, region_pk=region.pk, language=language)


def follow_up(page: Page, base_url: str, language: str, region: Region) -> None:
    page.goto(f"{base_url}/{language}/follow-up/")


def report_status(page: Page, base_url: str, language: str, region: Region) -> None:
    code = submit_a_report(page, base_url, region_pk=region.pk, language=language)
    page.goto(f"{base_url}/{language}/follow-up/")
    look_up(page, as_typed_on_a_phone(code))
    expect(page.locator(".status-received")).to_be_visible()


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("visit", [home, report_form, confirmation, follow_up, report_status], ids=lambda v: v.__name__)
def test_the_page_is_accessible(
    page: Page, live_server: LiveServer, sacramento: Region, language: str, visit: Any
) -> None:
    visit(page, live_server.url, language, sacramento)
    expect(page.locator("html")).to_have_attribute("lang", language)
    assert_accessible(page)


def test_a_form_with_mistakes_is_accessible(page: Page, live_server: LiveServer, sacramento: Region) -> None:
    open_report_form(page, live_server.url)
    page.locator("input[name=may_contact][value=yes]").check()
    page.locator("input[name=contact_methods][value=email]").check()
    page.locator("#id_contact_email").fill("not an address")
    send_report(page, expect_status=422)
    expect(page.locator("#error-summary")).to_be_visible()
    expect(page.locator("[aria-invalid=true]").first).to_be_visible()
    assert_accessible(page)


def test_a_follow_up_with_a_wrong_code_is_accessible(page: Page, live_server: LiveServer) -> None:
    page.goto(f"{live_server.url}/en/follow-up/")
    look_up(page, "ABCD 2345 EFGH 6789", expect_status=404)
    expect(page.locator("#error-summary")).to_be_visible()
    assert_accessible(page)
