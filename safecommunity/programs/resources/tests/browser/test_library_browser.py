"""Stories in a real browser: someone searches the learning library on a phone, opens a video's page and reads its
transcript. The library and a resource page pass an axe scan in English and Arabic."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer

from safecommunity.accounts.tests.factories import greater_sacramento, the_bay_area
from safecommunity.programs.resources.models import Kind, Resource, Topic
from safecommunity.programs.resources.tests.factories import a_resource, a_version
from safecommunity.reports.tests.browser.test_accessibility import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("transactional_db")]


def a_library() -> Resource:
    sacramento = greater_sacramento()
    a_resource(
        sacramento,
        title={"en": "Toolkit against hate", "ar": "دليل أدوات لمواجهة الكراهية", "vi": "Bộ công cụ chống thù ghét"},
        summary={"en": "What to do before, during and after a hate incident."},
        kind=Kind.TOOLKIT,
        languages=["en"],
        shared=True,
    )
    a_resource(the_bay_area(), title={"en": "Know your rights", "ar": "اعرف حقوقك"}, languages=["en", "ar"])
    video = a_resource(
        sacramento,
        title={"en": "The 5Ds of bystander intervention", "ar": "الخطوات الخمس لتدخل الشهود"},
        kind=Kind.VIDEO,
        topics=[Topic.BYSTANDER_INTERVENTION],
        languages=[],
    )
    a_version(video, language="en", captions=["en", "ar"], transcript={"en": "Distract, delegate, document."})
    a_version(video, language="ar", transcript={"ar": "تشتيت الانتباه، التفويض، التوثيق."})
    return video


@pytest.mark.browser_context_args(bypass_csp=True)
@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_library_and_a_resource_page_are_accessible(page: Page, live_server: LiveServer, language: str) -> None:
    video = a_library()

    page.goto(f"{live_server.url}/{language}/learn/?coalition=sf-bay-area")
    expect(page.locator("html")).to_have_attribute("lang", language)
    expect(page.locator(".resource-card")).to_have_count(2)
    assert_accessible(page)

    page.goto(f"{live_server.url}/{language}/learn/greater-sacramento/{video.slug}/")
    expect(page.locator(".version").first).to_have_attribute("id", f"version-{language}")
    page.locator(".transcript summary").first.click()
    assert_accessible(page)


def test_someone_searches_the_library_and_reads_a_transcript_within_the_strict_csp(
    page: Page, live_server: LiveServer, js_errors: Callable[[], list[str]]
) -> None:
    a_library()
    page.goto(f"{live_server.url}/en/learn/")

    page.evaluate("window.stillTheSamePage = true")
    page.locator("#id_q").fill("BYSTANDER")
    page.locator("#id_topic").select_option("bystander_intervention")
    page.get_by_role("button", name="Show resources").click()

    # htmx brings back the list in place; the address keeps the search, and a screen reader hears the count.
    expect(page.get_by_role("heading", name="1 resource found")).to_be_visible()
    expect(page.get_by_role("status")).to_have_text("1 resource found")
    assert page.evaluate("window.stillTheSamePage === true") and "q=BYSTANDER" in page.url
    # The choice and the button each sent a request; let the last answer land before following a link in the list.
    expect(page.locator("form.htmx-request")).to_have_count(0)
    page.get_by_role("link", name="The 5Ds of bystander intervention").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("The 5Ds of bystander intervention")
    page.get_by_text("Read the transcript").first.click()
    expect(page.get_by_text("Distract, delegate, document.")).to_be_visible()
    expect(page.get_by_role("link", name="Watch the video on YouTube").first).to_be_visible()
    assert js_errors() == []
