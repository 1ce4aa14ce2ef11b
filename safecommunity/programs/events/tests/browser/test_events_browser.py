"""In a real browser, on a phone: a member of the public registers for a full event, is put on the wait list, and is
moved up when someone else cancels; and the public event pages pass an axe scan in English and Arabic."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer

from safecommunity.accounts.tests.factories import greater_sacramento
from safecommunity.programs.events.models import Event, Registration
from safecommunity.programs.events.tests.factories import a_full_event, an_event, registered
from safecommunity.reports.tests.browser.test_accessibility import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("transactional_db")]


def register_on_the_page(page: Page, *, name: str, email: str) -> None:
    page.locator("input[name=name]").fill(name)
    page.locator("input[name=email]").fill(email)
    page.locator("textarea[name=access_needs]").fill("Large print, please")
    page.locator("select[name=interpretation_language]").select_option("vi")
    with page.expect_navigation():
        page.locator("section.panel button[type=submit]").click()


def test_a_visitor_waits_for_a_full_event_and_is_moved_up_when_someone_cancels(
    page: Page, live_server: LiveServer
) -> None:
    event = a_full_event(greater_sacramento(), capacity=1, title={"en": "Bystander workshop", "vi": "Hội thảo"})
    taken = Registration.objects.get(event=event)
    mail.outbox.clear()

    page.goto(f"{live_server.url}/vi/events/{event.slug}/")
    expect(page.locator("h1")).to_have_text("Hội thảo")
    expect(page.locator("select[name=language]")).to_have_value("vi")
    register_on_the_page(page, name="Lan Nguyen", email="lan@example.org")
    expect(page.locator(".registration-status")).to_have_class("panel registration-status status-waitlisted")
    expect(page.locator(".registration-status")).to_contain_text("1")
    my_page = page.url
    [waitlisted_email] = mail.outbox
    assert waitlisted_email.to == ["lan@example.org"] and my_page.split("/vi/")[1] in waitlisted_email.body

    # The person who had the place cancels it, from the link in their own e-mail.
    other = page.context.new_page()
    other.goto(f"{live_server.url}/en/events/registration/{taken.public_id}/")
    with other.expect_navigation():
        other.get_by_role("button", name="Cancel my place").click()
    expect(other.locator(".registration-status")).to_contain_text("Your registration is cancelled.")

    page.goto(my_page)
    expect(page.locator(".registration-status")).to_have_class("panel registration-status status-confirmed")
    promotion = mail.outbox[-1]
    assert promotion.to == ["lan@example.org"]
    assert promotion.extra_headers["Content-Language"] == "vi"
    assert [name for name, _content, _type in promotion.attachments] == ["event.ics"]
    assert Registration.objects.get(email_hash=Registration.objects.get(pk=taken.pk).email_hash).status == "cancelled"


@pytest.mark.browser_context_args(bypass_csp=True)
@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_public_event_pages_are_accessible(page: Page, live_server: LiveServer, language: str) -> None:
    coalition = greater_sacramento()
    event = an_event(
        coalition,
        title={"en": "Know your rights", "ar": "اعرف حقوقك"},
        description={"en": "A lawyer answers questions."},
        capacity=5,
        languages=["en", "ar"],
        speakers=[{"name": "Mai Tran", "role": {"en": "Lawyer"}, "organisation": "Legal aid"}],
        kind=Event.Kind.WORKSHOP,
    )
    an_event(coalition, title={"en": "Town hall"}, starts_in=dt.timedelta(days=3), kind=Event.Kind.TOWN_HALL)
    registration = registered(event, email="lan@example.org", language=language)

    page.goto(f"{live_server.url}/{language}/events/")
    expect(page.locator("html")).to_have_attribute("lang", language)
    expect(page.locator(".event-card")).to_have_count(2)
    assert_accessible(page)

    page.goto(f"{live_server.url}/{language}/events/{event.slug}/")
    assert_accessible(page)
    # The form with its mistakes shown is a page too.
    with page.expect_navigation():
        page.locator("section.panel button[type=submit]").click()
    expect(page.locator(".error-summary")).to_be_visible()
    assert_accessible(page)

    page.goto(f"{live_server.url}/{language}/events/registration/{registration.public_id}/")
    expect(page.locator(".registration-status")).to_be_visible()
    assert_accessible(page)
