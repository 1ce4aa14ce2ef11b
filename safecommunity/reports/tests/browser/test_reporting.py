"""An anonymous reporter sends a report from a phone, keeps the receipt code, and comes back later."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer

from safecommunity.core.models import Region
from safecommunity.reports.models import Report
from safecommunity.reports.tests.browser.steps import (
    DESCRIPTION,
    a_small_png,
    as_typed_on_a_phone,
    fill_what_when_where,
    last_week,
    look_up,
    open_report_form,
    open_the_photos_step,
    receipt_code_shown,
    send_report,
    submit_a_report,
    submit_with,
)

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("transactional_db")]

ADDED = "He was there again on Friday, at the same time. A shop worker saw it too."


def assert_page_language(page: Page, language: str) -> None:
    html = page.locator("html")
    expect(html).to_have_attribute("lang", language)
    expect(html).to_have_attribute("dir", "rtl" if language == "ar" else "ltr")
    assert page.evaluate("document.documentElement.lang") == language
    assert page.evaluate("document.documentElement.dir") == ("rtl" if language == "ar" else "ltr")


def assert_fits_the_phone_screen(page: Page) -> None:
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, (
        f"{page.url} is {overflow}px wider than the phone screen: people would have to scroll sideways"
    )


@pytest.mark.parametrize("language", ["en", "vi", "ar"])
def test_an_anonymous_reporter_reports_from_a_phone_and_adds_information_later(
    page: Page, live_server: LiveServer, sacramento: Region, js_errors: Callable[[], list[str]], language: str
) -> None:
    open_report_form(page, live_server.url, language)
    assert_page_language(page, language)
    assert_fits_the_phone_screen(page)
    fill_what_when_where(page, region_pk=sacramento.pk, occurred_on=last_week())
    send_report(page, expect_status=200)

    code = receipt_code_shown(page)
    assert_page_language(page, language)
    assert_fits_the_phone_screen(page)
    report = Report.objects.get()
    assert (report.language, report.region, report.occurred_on) == (language, sacramento, last_week())

    page.locator(".receipt a").click()
    expect(page).to_have_url(f"{live_server.url}/{language}/follow-up/")
    assert_page_language(page, language)
    look_up(page, as_typed_on_a_phone(code))

    expect(page.locator(".status-received")).to_be_visible()
    if language == "en":
        expect(page.locator(".status")).to_have_text("Received")
    assert_page_language(page, language)
    assert_fits_the_phone_screen(page)

    page.locator("#id_text").fill(ADDED)
    submit_with(page, "main form:has(#id_text) button[type=submit]")
    expect(page.locator(".notice[role=status]")).to_be_visible()
    expect(page.locator(".status-received")).to_be_visible()
    assert [update.text for update in report.updates.all()] == [ADDED]
    assert js_errors() == []


def test_a_form_with_a_mistake_comes_back_with_everything_the_person_entered(
    page: Page, live_server: LiveServer, sacramento: Region, js_errors: Callable[[], list[str]], tmp_path: Path
) -> None:
    open_report_form(page, live_server.url)
    fill_what_when_where(page, region_pk=sacramento.pk, occurred_on=None)  # forgot the date
    page.locator("input[name=may_contact][value=yes]").check()
    page.locator("input[name=contact_methods][value=email]").check()
    page.locator("#id_contact_name").fill("Lan")
    page.locator("#id_contact_email").fill("lan@example.com")
    page.locator("#id_consent_statistics").uncheck()
    photo = tmp_path / "bus-stop.png"
    photo.write_bytes(a_small_png())
    open_the_photos_step(page)
    page.locator("#id_attachments").set_input_files(photo)
    send_report(page, expect_status=422)

    summary = page.locator("#error-summary")
    expect(summary).to_be_visible()
    expect(summary).to_be_focused()
    summary_link = summary.locator("a[href='#id_occurred_on']")
    expect(summary_link).to_have_count(1)
    date = page.locator("#id_occurred_on")
    expect(date).to_have_attribute("aria-invalid", "true")
    described_by = (date.get_attribute("aria-describedby") or "").split()
    assert "id_occurred_on_error" in described_by
    error_text = page.locator("#id_occurred_on_error")
    expect(error_text).to_be_visible()
    expect(error_text).not_to_be_empty()
    summary_link.click()
    expect(page).to_have_url(f"{live_server.url}/en/report/#id_occurred_on")
    expect(date).to_be_focused()

    # Nothing the person typed or chose is lost, except the files, which they are asked to choose again.
    expect(page.locator("input[name=incident_types][value=verbal_harassment]")).to_be_checked()
    expect(page.locator("#id_description")).to_have_value(DESCRIPTION)
    expect(page.locator("#id_where")).to_have_value(str(sacramento.pk))
    expect(page.locator("input[name=may_contact][value=yes]")).to_be_checked()
    expect(page.locator("input[name=contact_methods][value=email]")).to_be_checked()
    expect(page.locator("#id_contact_name")).to_have_value("Lan")
    expect(page.locator("#id_contact_name")).to_be_visible()
    expect(page.locator("#id_contact_email")).to_have_value("lan@example.com")
    expect(page.locator("#id_consent_statistics")).not_to_be_checked()
    expect(page.locator("#report-form .note")).to_be_visible()
    assert page.locator("#id_attachments").evaluate("input => input.files.length") == 0  # hence the note
    expect(summary.locator(".note")).to_be_visible()
    assert Report.objects.count() == 0

    # Giving the date is all it takes now.
    date.fill(last_week().isoformat())
    send_report(page, expect_status=200)
    receipt_code_shown(page)
    report = Report.objects.get()
    assert (report.contact_name, report.contact_email, report.consent_statistics) == ("Lan", "lan@example.com", False)
    assert js_errors() == []


@pytest.mark.browser_context_args(java_script_enabled=False)
def test_the_form_works_without_javascript(page: Page, live_server: LiveServer, sacramento: Region) -> None:
    open_report_form(page, live_server.url)
    expect(page.locator("html")).not_to_have_class("js")
    expect(page.locator("#id_contact_name")).to_be_visible()  # nothing is hidden behind a script
    fill_what_when_where(page, region_pk=sacramento.pk, occurred_on=last_week())
    send_report(page, expect_status=200)
    receipt_code_shown(page)
    assert Report.objects.count() == 1


def test_a_second_report_gets_its_own_code(page: Page, live_server: LiveServer, sacramento: Region) -> None:
    first = submit_a_report(page, live_server.url, region_pk=sacramento.pk)
    second = submit_a_report(page, live_server.url, region_pk=sacramento.pk)
    assert first != second
    assert Report.objects.count() == 2
