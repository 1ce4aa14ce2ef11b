"""The programme pages a member of the public reaches from an e-mail or in a rarer state pass an axe scan in English
and Arabic, like the pages each app's own stories scan: the newsletter's confirmation, unsubscribe and preferences
pages, withdrawing an application with its receipt code, a survey that has closed, and a link that is no longer valid."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer

from safecommunity.accounts.tests.factories import greater_sacramento
from safecommunity.programs.opencalls.tests.factories import a_call
from safecommunity.programs.outreach.models import Subscriber
from safecommunity.programs.outreach.tests.factories import a_subscriber
from safecommunity.programs.surveys.models import Survey
from safecommunity.programs.surveys.tests.factories import a_feelings_survey
from safecommunity.reports.tests.browser.test_accessibility import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("transactional_db")]


@pytest.mark.browser_context_args(bypass_csp=True)
@pytest.mark.parametrize("language", ["en", "ar"])
def test_pages_reached_from_an_email_or_in_a_rarer_state(page: Page, live_server: LiveServer, language: str) -> None:
    coalition = greater_sacramento()
    pending = a_subscriber(coalition, "lan@example.org", language=language, status=Subscriber.Status.PENDING)
    confirmed = a_subscriber(coalition, "omar@example.org", language=language)
    call = a_call(coalition)
    closed = a_feelings_survey(coalition, status=Survey.Status.CLOSED)
    base = f"{live_server.url}/{language}"

    for path in (
        f"/newsletter/confirm/{pending.confirm_token}/",
        f"/newsletter/unsubscribe/{confirmed.unsubscribe_token}/",
        f"/newsletter/preferences/{confirmed.unsubscribe_token}/",
        "/newsletter/unsubscribe/no-such-token/",
        f"/calls/{call.slug}/withdraw/",
        f"/surveys/{closed.slug}/",
    ):
        page.goto(base + path)
        expect(page.locator("html")).to_have_attribute("lang", language)
        expect(page.locator("main h1")).to_be_visible()
        assert_accessible(page)
