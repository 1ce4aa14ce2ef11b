"""Someone answers a survey in Vietnamese on their phone; Linh, the organiser, sees the answer counted.

The survey page and its thank-you page pass an axe scan in English and Arabic.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import override_settings
from django.urls import reverse
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer

from safecommunity.accounts.tests.factories import an_organisation_in, an_organiser, greater_sacramento
from safecommunity.core.tests.factories import sacramento_region
from safecommunity.programs.surveys.models import Survey
from safecommunity.programs.surveys.tests.factories import a_feelings_survey, a_template_survey, answered
from safecommunity.reports.tests.browser.steps import sign_in, submit_with
from safecommunity.reports.tests.browser.test_accessibility import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("transactional_db")]


@override_settings(STATISTICS_MIN_COUNT=5)
def test_a_vietnamese_speaker_answers_and_linh_sees_the_answer_counted(
    page: Page, live_server: LiveServer, js_errors: Callable[[], list[str]]
) -> None:
    sacramento_region()
    coalition = greater_sacramento()
    linh = an_organiser("linh.organiser", an_organisation_in(coalition, "org-a"), first_name="Linh")
    survey = a_feelings_survey(coalition)
    for _ in range(5):
        answered(survey, feel_safe="yes")
    for _ in range(4):
        answered(survey, feel_safe="no", why_not="Dark streets")

    page.goto(f"{live_server.url}/vi/surveys/{survey.slug}/")
    expect(page.locator("html")).to_have_attribute("lang", "vi")
    expect(page.locator("h1")).to_have_text("Khảo sát cộng đồng")
    follow_up = page.locator("#question-why_not")
    expect(follow_up).to_be_hidden()  # shown only to those who do not feel safe
    page.locator("input[name=q_feel_safe][value=no]").check()
    expect(follow_up).to_be_visible()
    page.locator("textarea[name=q_why_not]").fill("Đường tối, không có đèn")
    submit_with(page, "main form button[type=submit]", expect_status=200)
    expect(page.locator("h1")).not_to_have_text("Khảo sát cộng đồng")
    expect(page.locator("main")).to_contain_text("Cảm ơn bạn!")
    assert js_errors() == []

    results = reverse("surveys:staff_results", args=[survey.public_id])
    staff_page = page.context.new_page()
    sign_in(staff_page, live_server.url, linh, results)
    expect(staff_page.locator("#response-count")).to_contain_text("10")
    no_row = staff_page.locator("table.results-table").first.locator("tbody tr", has_text="No")
    expect(no_row.locator("td").first).to_have_text("5")  # four before, and the Vietnamese answer
    expect(staff_page.locator("main")).to_contain_text("Đường tối, không có đèn")
    staff_page.goto(f"{live_server.url}{results}?language=vi")
    expect(staff_page.locator("#too-few")).to_be_visible()  # one answer in Vietnamese: no breakdown of it alone


@pytest.mark.browser_context_args(bypass_csp=True)
@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_survey_and_thank_you_pages_are_accessible(page: Page, live_server: LiveServer, language: str) -> None:
    sacramento_region()
    coalition = greater_sacramento()
    survey = a_template_survey(coalition, "needs_assessment")
    assert survey.status == Survey.Status.OPEN

    page.goto(f"{live_server.url}/{language}/surveys/{survey.slug}/")
    expect(page.locator("html")).to_have_attribute("dir", "rtl" if language == "ar" else "ltr")
    page.locator("input[name=q_experienced][value=yes]").check()
    expect(page.locator("#question-impact")).to_be_visible()
    assert_accessible(page)
    page.evaluate("document.querySelectorAll('details').forEach((d) => { d.open = false; })")  # axe opened them

    page.locator("input[name=q_wellbeing][value='3']").check()
    submit_with(page, "main form button[type=submit]", expect_status=200)
    expect(page.locator(".lead")).to_contain_text("Thank you for taking the time")
    assert_accessible(page)
