"""A volunteer signs up for a shift in a real browser: refused before the required training, welcome after it.
The public volunteer page passes an axe scan in English and Arabic."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer

from safecommunity.accounts.tests.factories import PASSWORD, a_staff_member, an_organisation, greater_sacramento
from safecommunity.core.roles import Role
from safecommunity.programs.volunteers.models import ShiftSignup
from safecommunity.programs.volunteers.tests.factories import (
    a_programme,
    a_required_training,
    a_shift,
    a_training_event,
    checked_in,
)
from safecommunity.reports.tests.browser.test_accessibility import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("transactional_db")]


def test_a_volunteer_is_refused_before_the_training_and_signs_up_after_it(
    page: Page, live_server: LiveServer, js_errors: Callable[[], list[str]]
) -> None:
    coalition = greater_sacramento()
    ana = a_staff_member("ana.volunteer", role=Role.VOLUNTEER, organisation=an_organisation(), first_name="Ana")
    training = a_training_event(coalition)
    programme = a_programme(coalition)
    a_required_training(programme, training)
    shift = a_shift(programme)

    page.goto(f"{live_server.url}/en/accounts/sign-in/?next=/en/staff/programmes/volunteer/")
    page.locator("input[name=username]").fill(ana.username)
    page.locator("input[name=password]").fill(PASSWORD)
    with page.expect_navigation():
        page.locator("main button[type=submit]").click()
    expect(page.locator("h1")).to_have_text("Upcoming volunteer shifts")
    page.get_by_role("link", name="Chinatown evening strolls").click()

    page.locator("#sign-up").click()
    expect(page.locator("#refusal")).to_contain_text("please complete its required training: Bystander intervention")
    assert not ShiftSignup.objects.filter(shift=shift).exists()

    checked_in(training, ana)  # Ana came to the training and was checked in
    page.locator("#sign-up").click()
    expect(page.locator("#signed-up")).to_have_text("You are signed up for this shift.")
    expect(page.locator("#places-left")).to_contain_text("3 places left of 4")
    assert ShiftSignup.objects.filter(shift=shift, volunteer=ana, status=ShiftSignup.Status.SIGNED_UP).exists()
    assert js_errors() == []


@pytest.mark.browser_context_args(bypass_csp=True)
@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_public_volunteer_page_is_accessible(page: Page, live_server: LiveServer, language: str) -> None:
    coalition = greater_sacramento()
    a_programme(coalition, description={"en": "We walk in pairs.", "ar": "نمشي في أزواج."})
    page.goto(f"{live_server.url}/{language}/volunteer/")
    expect(page.locator("html")).to_have_attribute("lang", language)
    expect(page.locator("h1")).to_be_visible()
    assert_accessible(page)
