"""In a real browser: a community organisation applies to a call with a document, a reviewer declares no
conflict and scores the application, and the organiser sees it ranked. The public pages pass axe in English
and Arabic."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.conf import settings
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer

from safecommunity.accounts.models import User
from safecommunity.accounts.tests.factories import an_organisation_in, an_organiser, greater_sacramento, signed_in
from safecommunity.programs.opencalls.models import Application, Call
from safecommunity.programs.opencalls.tests.factories import a_call, a_reviewer, assigned, pdf_bytes
from safecommunity.reports.tests.browser.test_accessibility import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("transactional_db")]


def signed_in_browser(page: Page, live_server: LiveServer, user: User) -> None:
    """The person's session in the browser, past the second factor when their role needs one."""
    client = signed_in(user)
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    page.context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": live_server.url}])


def test_an_application_is_sent_reviewed_and_ranked(page: Page, live_server: LiveServer, tmp_path: Path) -> None:
    coalition = greater_sacramento()
    organisation = an_organisation_in(coalition, "org-a")
    call = a_call(coalition)
    rosa = a_reviewer("rosa.reviewer", organisation, first_name="Rosa")
    linh = an_organiser("linh.organiser", organisation, first_name="Linh")
    assigned(call, rosa)
    plan = tmp_path / "project-plan.pdf"
    plan.write_bytes(pdf_bytes())

    # A community organisation applies, in Vietnamese, with its project plan.
    page.goto(f"{live_server.url}/vi/calls/")
    page.get_by_role("link", name="Tài trợ an toàn cộng đồng").click()
    page.locator(f"a[href='/vi/calls/{call.slug}/apply/']").click()
    expect(page.get_by_label("Dự án của bạn sẽ làm gì?")).to_be_visible()
    page.locator("#id_organisation_name").fill("Hội Phụ nữ Việt Nam Sacramento")
    page.locator("#id_contact_name").fill("Nguyễn Thị Lan")
    page.locator("#id_contact_email").fill("lan@example.org")
    page.get_by_label("Dự án của bạn sẽ làm gì?").fill("Hội thảo hằng tháng về cách báo cáo hành vi thù ghét.")
    page.locator("#id_attachments").set_input_files(str(plan))
    with page.expect_navigation():
        page.locator("#application-form button[type=submit]").click()
    expect(page.locator("#receipt-code")).to_have_text(Application.objects.get().receipt_code)
    application = Application.objects.get()
    assert application.attachments.count() == 1

    # Rosa declares she has no conflict, reads the application and scores it.
    signed_in_browser(page, live_server, rosa)
    page.goto(f"{live_server.url}/en/staff/programmes/reviews/")
    page.get_by_role("link", name="Community safety grants").click()
    page.get_by_role("link", name="Hội Phụ nữ Việt Nam Sacramento").click()
    expect(page.get_by_text("Hội thảo hằng tháng")).to_have_count(0)
    page.get_by_label("No, I have no conflict of interest.").check()
    with page.expect_navigation():
        page.locator("#declaration-form button[type=submit]").click()
    expect(page.get_by_text("Hội thảo hằng tháng về cách báo cáo hành vi thù ghét.")).to_be_visible()
    relevance, feasibility = call.rubric.all()
    page.locator(f"#id_score_{relevance.pk}").fill("5")
    page.locator(f"#id_comment_{relevance.pk}").fill("Reaches people who rarely report.")
    page.locator(f"#id_score_{feasibility.pk}").fill("8")
    with page.expect_navigation():
        page.locator("#score-form button[type=submit]").click()
    expect(page.get_by_role("status")).to_contain_text("Your scores were saved.")

    # Linh, the organiser, sees it ranked first with its weighted result: (2×5/5 + 1×8/10) / 3 = 93.3.
    page.context.clear_cookies()
    signed_in_browser(page, live_server, linh)
    page.goto(f"{live_server.url}/en/staff/programmes/calls/{call.pk}/")
    row = page.locator("#ranking tbody tr").first
    expect(row).to_contain_text("Hội Phụ nữ Việt Nam Sacramento")
    expect(row).to_contain_text("93.3")
    expect(row.locator("td").first).to_have_text("1")


@pytest.mark.browser_context_args(bypass_csp=True)
@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_calls_pages_pass_an_accessibility_scan(page: Page, live_server: LiveServer, language: str) -> None:
    call = a_call(greater_sacramento())
    assert call.status == Call.Status.OPEN

    page.goto(f"{live_server.url}/{language}/calls/")
    expect(page.locator("html")).to_have_attribute("dir", "rtl" if language == "ar" else "ltr")
    assert_accessible(page)
    page.goto(f"{live_server.url}/{language}/calls/{call.slug}/")
    assert_accessible(page)
    page.goto(f"{live_server.url}/{language}/calls/{call.slug}/apply/")
    assert_accessible(page)
    # The form with mistakes, too (errors linked to their fields).
    with page.expect_navigation():
        page.locator("#application-form button[type=submit]").click()
    expect(page.locator("#error-summary")).to_be_visible()
    assert_accessible(page)
