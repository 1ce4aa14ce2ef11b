"""The whole path of a survivor's support, in a real browser, by the people who walk it.

A woman reports anonymously, in Korean, that a man shouted at her and punched her on the 51 bus.
Mai, the intake coordinator, sees the report flagged for an injury and suggested as a duplicate of a
witness's English report of the same morning; she links the two, verifies the report and opens a case
for Tam, a caseworker of her organisation. Tam assesses the needs, is offered the Korean counselling
service of a partner and refers the survivor to it, sharing only her language and her needs; Jin, at
that partner, accepts. Tam writes to the survivor in Korean; she reads it with her receipt code and
answers; Tam closes the case, and she sees her report closed.

Each member of staff signs in through the real pages with a password and the code of their own
authenticator, in their own browser. Their contexts bypass the site's CSP only so that axe can be
injected for the accessibility scans of the staff pages; the survivor's contexts keep the CSP.
Steps use names, values and URLs rather than label text, so the story passes whatever the state of the
translations.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext
from playwright.sync_api import Browser, BrowserContext, ConsoleMessage, Page, expect
from pytest_django.live_server_helper import LiveServer

from safecommunity.accounts.models import Organisation, User
from safecommunity.cases.models import Case, NeedsAssessment, Referral
from safecommunity.core.models import Region
from safecommunity.directory.models import Service, ServiceKind
from safecommunity.directory.tests.factories import a_service
from safecommunity.reports.models import Report, ReportLink
from safecommunity.reports.selectors import report_for_receipt_code
from safecommunity.reports.tests.browser.steps import receipt_code_shown, sign_in, submit_with
from safecommunity.reports.tests.browser.test_accessibility import assert_accessible
from safecommunity.reports.tests.factories import a_submitted_report
from safecommunity.reports.urgency import PHYSICAL_INJURY

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("transactional_db")]

# "This morning on the 51 bus a man shouted at me to go back to China. Then he punched me. I was hurt and went to
# hospital. It was near the Stockton Boulevard stop."
KOREAN_ACCOUNT = (
    "오늘 아침 51번 버스에서 한 남자가 저에게 중국으로 돌아가라고 소리를 질렀어요. "
    "그리고 저를 주먹으로 때렸어요. 저는 다쳤어요, 병원에 갔어요. "
    "Stockton Boulevard 정류장 근처였어요."
)
ENGLISH_ACCOUNT = (
    "I saw it on the 51 bus near Stockton Boulevard: a man shouted at an older Korean woman to go back to China, "
    "then punched her. She was hurt."
)
# "Hello, I am Tam, a caseworker. I have connected you with a counselling service where you can talk in Korean."
TAM_WRITES = "안녕하세요. 저는 케이스워커 탐입니다. 한국어로 상담을 받으실 수 있도록 상담 기관에 연결해 드렸습니다."
# "Thank you. I will see the counsellor next Tuesday."
SURVIVOR_ANSWERS = "감사합니다. 다음 주 화요일에 상담을 받기로 했어요."
COUNSELLING = "Korean Family Counselling"
LAPTOP = {"width": 1280, "height": 800}


def the_morning_it_happened() -> dt.date:
    return timezone.localdate() - dt.timedelta(days=3)


# --- Steps -----------------------------------------------------------------------------------------------------------


def staff_context(browser: Browser, browser_context_args: dict[str, Any]) -> BrowserContext:
    """A member of staff's own browser, on a laptop at their desk (the queue and the case page are wide tables).

    The site's CSP is bypassed only so that axe can be injected for the accessibility scans."""
    laptop = {"viewport": LAPTOP, "is_mobile": False, "has_touch": False, "bypass_csp": True}
    return browser.new_context(**{**browser_context_args, **laptop})


def survivor_context(browser: Browser, browser_context_args: dict[str, Any]) -> BrowserContext:
    return browser.new_context(**browser_context_args)


def watch_for_errors(page: Page) -> list[str]:
    """Script errors and resources the page could not load (a page answered 422 on purpose is checked elsewhere)."""
    errors: list[str] = []

    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error" and not message.text.startswith("Failed to load resource"):
            errors.append(f"{message.text} ({page.url})")

    page.on("console", on_console)
    page.on("pageerror", lambda error: errors.append(f"uncaught {error.name}: {error.message} ({page.url})"))
    return errors


def scan_for_accessibility(page: Page) -> None:
    """axe, as for the reporter's pages; it opens every disclosure, so the page is loaded again after."""
    assert_accessible(page)
    page.reload()


def post_form(page: Page, form: str) -> None:
    """Press the submit button of the form matched by ``form``; the action answers with a redirect."""
    submit_with(page, f"{form} button[type=submit]", expect_status=302)


# --- The story -------------------------------------------------------------------------------------------------------


@pytest.fixture
def korean_counselling(org_b: Organisation, sacramento: Region) -> Service:
    return a_service(
        org_b, name=COUNSELLING, kind=ServiceKind.MENTAL_HEALTH, languages=["ko", "en"], regions=[sacramento]
    )


@pytest.fixture
def an_english_report_of_the_same_morning(sacramento: Region) -> Report:
    return a_submitted_report(
        occurred_on=the_morning_it_happened(),
        region_id=sacramento.pk,
        location_type="public_transit",
        incident_types=["physical_assault", "verbal_harassment"],
        description=ENGLISH_ACCOUNT,
    ).report


@pytest.fixture
def browsers(browser: Browser, browser_context_args: dict[str, Any]) -> Iterator[Callable[..., BrowserContext]]:
    """Each person's own browser, by name (made on first use, closed at the end)."""
    contexts: dict[str, BrowserContext] = {}

    def opened(name: str, *, staff: bool) -> BrowserContext:
        if name not in contexts:
            make = staff_context if staff else survivor_context
            contexts[name] = make(browser, browser_context_args)
        return contexts[name]

    yield opened
    for context in contexts.values():
        context.close()


def test_a_korean_report_becomes_a_case_a_referral_a_conversation_and_a_closed_case(
    live_server: LiveServer,
    browsers: Callable[..., BrowserContext],
    sacramento: Region,
    org_a: Organisation,
    intake_coordinator: User,
    caseworker_a: User,
    caseworker_b: User,
    korean_counselling: Service,
    an_english_report_of_the_same_morning: Report,
) -> None:
    base = live_server.url
    mai, tam, jin = intake_coordinator, caseworker_a, caseworker_b
    earlier = an_english_report_of_the_same_morning
    errors: list[str] = []

    # 1. The survivor reports in Korean, from her phone, without leaving any contact details.
    survivor = browsers("survivor", staff=False).new_page()
    errors += watch_for_errors(survivor)
    survivor.goto(f"{base}/ko/report/")
    expect(survivor.locator("html")).to_have_attribute("lang", "ko")
    survivor.locator("input[name=incident_types][value=physical_assault]").check()
    survivor.locator("input[name=incident_types][value=verbal_harassment]").check()
    survivor.locator("#id_description").fill(KOREAN_ACCOUNT)
    survivor.locator("#id_occurred_on").fill(the_morning_it_happened().isoformat())
    survivor.locator("#id_where").select_option(value=str(sacramento.pk))
    survivor.locator("#id_location_type").select_option(value="public_transit")
    survivor.locator("input[name=help_wanted][value=mental_health]").check()
    survivor.locator("input[name=may_contact][value=no]").check()
    submit_with(survivor, "#report-form button[type=submit]", expect_status=200)
    code = receipt_code_shown(survivor)
    report = report_for_receipt_code(entered=code)
    assert report is not None
    assert (report.language, report.description, report.may_contact) == ("ko", KOREAN_ACCOUNT, False)
    assert (report.contact_name, report.contact_email, report.contact_phone) == ("", "", "")
    assert PHYSICAL_INJURY in report.urgency_flags

    # 2. Mai signs in with her password and her authenticator, and finds the report at the top of the queue.
    mai_page = browsers("mai", staff=True).new_page()
    errors += watch_for_errors(mai_page)
    sign_in(mai_page, base, mai, reverse("cases:triage"))
    row = mai_page.locator(
        "tbody tr", has=mai_page.locator(f'a[href="{reverse("cases:triage_report", args=[report.public_id])}"]')
    )
    expect(row).to_have_count(1)
    expect(row.locator(f".flag-{PHYSICAL_INJURY}")).to_be_visible()
    expect(mai_page.locator("tbody tr").first).to_contain_text(report.reference)  # flagged, then newest, first
    scan_for_accessibility(mai_page)

    # 3. The report: its flag with the words that raised it, and the English report suggested as a duplicate.
    row.locator("th a").click()
    expect(mai_page).to_have_url(f"{base}{reverse('cases:triage_report', args=[report.public_id])}")
    expect(mai_page.locator("section[aria-labelledby=flags-heading] li")).to_contain_text("다쳤")
    expect(mai_page.locator("p.description")).to_have_attribute("lang", "ko")
    suggestion = mai_page.locator("article", has=mai_page.locator(f"#suggestion-{earlier.pk}"))
    expect(suggestion).to_be_visible()
    assert suggestion.locator("ul li").count() >= 4, suggestion.inner_text()  # same day, region, kind of place, …
    expect(suggestion).to_contain_text("(51)")
    expect(suggestion).to_contain_text("(stockton)")
    scan_for_accessibility(mai_page)

    # She judges them two accounts of one attack (hers and a witness's), links them, and verifies the report.
    post_form(mai_page, f'form[action$="/link/"]:has(input[name=other][value="{earlier.public_id}"])')
    links_section = mai_page.locator("section[aria-labelledby=links-heading]")
    expect(links_section).to_contain_text(earlier.reference)
    linked = ReportLink.objects.filter(kind=ReportLink.Kind.RELATED).values_list("report_id", "other_id")
    assert [set(pair) for pair in linked] == [{report.pk, earlier.pk}]
    mai_page.locator("input[name=verification][value=verified]").check()
    post_form(mai_page, 'form[action$="/verification/"]')
    report.refresh_from_db()
    assert report.verification == Report.Verification.VERIFIED

    # She opens a case at her organisation for Tam, recording the survivor's consent to share.
    mai_page.locator(f'a[href="{reverse("cases:case_open")}?reports={report.public_id}"]').click()
    expect(mai_page.locator(f"input[name=reports][value='{report.public_id}']")).to_be_checked()
    expect(mai_page.locator("#id_organisation")).to_have_value(str(org_a.pk))
    mai_page.locator("#id_caseworker").select_option(value=str(tam.pk))
    mai_page.locator("#id_preferred_language").select_option(value="ko")
    mai_page.locator("#id_consent_share").check()
    mai_page.locator("#id_consent_statistics").check()
    mai_page.locator("input[name=consent_how][value=online_form]").check()
    post_form(mai_page, "form.case-form")
    case = Case.objects.get()
    expect(mai_page).to_have_url(f"{base}{reverse('cases:case_detail', args=[case.public_id])}")
    assert (case.organisation, case.caseworker, case.preferred_language, case.consent_share) == (org_a, tam, "ko", True)
    assert list(case.case_reports.values_list("report_id", flat=True)) == [report.pk]

    # 4. Tam, in his own browser, assesses the needs: mental health, urgently.
    case_url = reverse("cases:case_detail", args=[case.public_id])
    tam_page = browsers("tam", staff=True).new_page()
    errors += watch_for_errors(tam_page)
    sign_in(tam_page, base, tam, case_url)
    expect(tam_page.locator("#reports")).to_contain_text(report.reference)
    tam_page.locator("input[name=assessment-mental_health][value=urgent]").check()
    tam_page.locator("input[name=assessment-safety][value=some]").check()
    post_form(tam_page, 'form[action$="/assessment/"]')
    assessment = case.assessments.get()
    assert assessment.levels["mental_health"] == NeedsAssessment.Level.URGENT

    # The Korean counselling service in Sacramento is suggested, with why.
    suggested = tam_page.locator("#referrals ol > li", has=tam_page.locator("strong", has_text=COUNSELLING))
    expect(suggested).to_have_count(1)
    expect(tam_page.locator("#referrals ol > li").first).to_contain_text(COUNSELLING)
    assert suggested.locator("ul.reasons li").count() >= 2, suggested.inner_text()
    scan_for_accessibility(tam_page)

    # He refers the survivor, sharing the language and the needs only.
    tam_page.locator("select[name=referral-service]").select_option(value=str(korean_counselling.pk))
    tam_page.locator("input[name=referral-shared_fields][value=preferred_language]").check()
    tam_page.locator("input[name=referral-shared_fields][value=needs]").check()
    post_form(tam_page, 'form[action$="/referral/"]')
    referral = Referral.objects.get()
    assert (referral.service, referral.state) == (korean_counselling, Referral.State.SENT)
    assert sorted(referral.shared_fields) == ["needs", "preferred_language"]

    # 5. Jin, at the partner, sees the referral and only what was shared, and accepts it.
    jin_page = browsers("jin", staff=True).new_page()
    errors += watch_for_errors(jin_page)
    sign_in(jin_page, base, jin, reverse("cases:referrals_received"))
    received = jin_page.locator(f"#referral-{referral.pk}")
    expect(received).to_contain_text(COUNSELLING)
    shared = received.locator(".private-text").inner_text()
    # Compared word for word: a line break in the summary is a space until the page's stylesheet (pre-line) applies.
    assert shared.split() == referral.shared_summary.split()
    for private in ("Stockton", "병원", case.reference, report.reference):
        assert private not in jin_page.locator("main").inner_text(), f"{private!r} was shown to the partner"
    scan_for_accessibility(jin_page)
    received.locator(f"input[name=answer-{referral.pk}-decision][value=accept]").check()
    post_form(jin_page, f'form[action="{reverse("cases:referral_answer", args=[referral.pk])}"]')
    referral.refresh_from_db()
    assert referral.state == Referral.State.ACCEPTED
    expect(jin_page.locator(f'#referral-{referral.pk} form[action$="/complete/"]')).to_be_visible()
    response = jin_page.goto(f"{base}{case_url}")
    assert response is not None and response.status == 404, "the partner must not open the case itself"

    # 6. Tam writes to the survivor, in Korean, from the case page.
    tam_page.reload()
    expect(tam_page.locator("#referrals tbody")).to_contain_text(COUNSELLING)
    conversation = tam_page.locator(f"#conversation-{report.public_id}")
    prefix = f"reply-{report.reference.lower()}"
    expect(conversation.locator(f"select[name={prefix}-language]")).to_have_value("ko")
    conversation.locator(f"textarea[name={prefix}-text]").fill(TAM_WRITES)
    post_form(tam_page, f'#conversation-{report.public_id} form[action*="/messages/"]')
    expect(tam_page.locator(f"#conversation-{report.public_id} .from-team .message-text")).to_have_text(TAM_WRITES)

    # 7. The survivor comes back with the receipt code, reads Tam's message and answers.
    survivor = browsers("survivor-later", staff=False).new_page()
    errors += watch_for_errors(survivor)
    survivor.goto(f"{base}/ko/follow-up/")
    survivor.locator("#id_code").fill(code)
    submit_with(survivor, "main form button[type=submit]", expect_status=200)
    expect(survivor.locator("html")).to_have_attribute("lang", "ko")
    message = survivor.locator(".message.from-team")
    expect(message.locator(".message-text")).to_have_text(TAM_WRITES)
    expect(message.locator(".message-text")).to_have_attribute("lang", "ko")
    expect(message.locator(".new")).to_be_visible()
    survivor.locator("textarea[name=text]").fill(SURVIVOR_ANSWERS)
    submit_with(survivor, "form:has(input[name=action][value=add]) button[type=submit]", expect_status=200)
    expect(survivor.locator(".message.from-you .message-text")).to_have_text(SURVIVOR_ANSWERS)
    assert report.replies.get().read_at is not None

    # 8. Tam reads the answer and closes the case: the counselling service took over.
    tam_page.reload()
    answer = tam_page.locator(f"#conversation-{report.public_id} .from-reporter .message-text")
    expect(answer).to_have_text(SURVIVOR_ANSWERS)
    tam_page.locator("input[name=close-outcome][value=referred_on]").check()
    post_form(tam_page, 'form[action$="/close/"]')
    case.refresh_from_db()
    assert (case.status, case.outcome) == (Case.Status.CLOSED, Case.Outcome.REFERRED_ON)
    assert case.closed_at is not None
    report.refresh_from_db()
    assert report.status == "closed"

    # The survivor sees their report closed, in Korean.
    survivor.goto(f"{base}/ko/follow-up/")
    survivor.locator("#id_code").fill(code)
    submit_with(survivor, "main form button[type=submit]", expect_status=200)
    with translation.override("ko"):
        closed_in_korean = gettext("Closed")
    expect(survivor.locator(".status-closed")).to_have_text(closed_in_korean)

    assert errors == []
