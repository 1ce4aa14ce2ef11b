"""A caseworker reads what the survivor wrote through the follow-up page and answers in the survivor's language."""

from __future__ import annotations

import pytest
from django.test import Client

from safecommunity.accounts.tests.factories import signed_in
from safecommunity.cases.tests.factories import a_case, a_report_with_contact
from safecommunity.core.models import AuditEvent
from safecommunity.reports.erasure import report_withdraw
from safecommunity.reports.models import Reply, Report
from safecommunity.reports.services import report_add_update

pytestmark = pytest.mark.django_db

ADDED = "그 남자가 오늘 또 역에 있었어요."


@pytest.fixture
def korean_case(org_a, caseworker_a):
    report = a_report_with_contact(contact_language="ko", contact_methods=["email"])
    report_add_update(report=report, text=ADDED)
    return a_case(organisation=org_a, caseworker=caseworker_a, reports=[report])


def messages_url(case) -> str:
    return f"/en/staff/cases/{case.public_id}/messages/"


def reply_url(case, report) -> str:
    return f"/en/staff/cases/{case.public_id}/messages/{report.public_id}/reply/"


def the_report(case) -> Report:
    return Report.objects.get(pk=case.case_reports.get().report_id)


def test_the_caseworker_reads_the_conversation_and_is_told_to_write_in_korean(caseworker_a, korean_case) -> None:
    page = signed_in(caseworker_a).get(messages_url(korean_case))
    html = page.content.decode()
    assert page.status_code == 200
    assert ADDED in html
    assert "The reporter reads in Korean. Please write your reply in Korean." in html
    assert '<option value="ko" selected>' in html
    assert "short email saying that a message is waiting" in html
    assert AuditEvent.objects.filter(
        action="case.conversation_view", actor=caseworker_a, target_id=str(korean_case.pk)
    ).exists()


def test_the_conversation_is_part_of_the_case_page(caseworker_a, korean_case) -> None:
    page = signed_in(caseworker_a).get(f"/en/staff/cases/{korean_case.public_id}/")
    assert page.status_code == 200
    assert ADDED in page.content.decode()


def test_a_reply_is_sent_and_the_caseworker_comes_back_to_where_they_wrote_it(caseworker_a, korean_case) -> None:
    report = the_report(korean_case)
    browser = signed_in(caseworker_a)
    case_page = f"/en/staff/cases/{korean_case.public_id}/"
    prefix = f"reply-{report.reference.lower()}"

    response = browser.post(
        reply_url(korean_case, report),
        {f"{prefix}-text": "안녕하세요. 화요일에 전화드려도 될까요?", f"{prefix}-language": "ko", "next": case_page},
    )

    assert response.status_code == 302
    assert response["Location"].startswith(f"{case_page}?reply_sent={report.public_id}")
    reply = Reply.objects.get()
    assert (reply.report, reply.author, reply.language) == (report, caseworker_a, "ko")
    shown = browser.get(messages_url(korean_case) + f"?reply_sent={report.public_id}").content.decode()
    assert "Your reply was sent." in shown
    assert "화요일에 전화드려도 될까요?" in shown


def test_an_empty_reply_comes_back_with_a_clear_message_and_the_choices_kept(caseworker_a, korean_case) -> None:
    report = the_report(korean_case)
    prefix = f"reply-{report.reference.lower()}"
    response = signed_in(caseworker_a).post(
        reply_url(korean_case, report), {f"{prefix}-text": "  ", f"{prefix}-language": "vi"}
    )
    html = response.content.decode()
    assert response.status_code == 422
    assert "Please write your reply." in html
    assert '<option value="vi" selected>' in html
    assert Reply.objects.count() == 0


def test_an_outsider_neither_reads_nor_writes(caseworker_b, korean_case) -> None:
    report = the_report(korean_case)
    browser = signed_in(caseworker_b)
    assert browser.get(messages_url(korean_case)).status_code == 404
    prefix = f"reply-{report.reference.lower()}"
    response = browser.post(reply_url(korean_case, report), {f"{prefix}-text": "Hello", f"{prefix}-language": "en"})
    assert response.status_code == 404
    assert Reply.objects.count() == 0


def test_staff_without_case_work_are_turned_away(analyst, volunteer, korean_case) -> None:
    for person in (analyst, volunteer):
        assert signed_in(person).get(messages_url(korean_case)).status_code == 403


def test_a_report_of_another_case_cannot_be_answered_through_this_one(org_a, caseworker_a, korean_case) -> None:
    other = a_case(organisation=org_a, caseworker=caseworker_a)
    stranger = the_report(other)
    prefix = f"reply-{stranger.reference.lower()}"
    response = signed_in(caseworker_a).post(
        reply_url(korean_case, stranger), {f"{prefix}-text": "Hello", f"{prefix}-language": "en"}
    )
    assert response.status_code == 404


def test_no_reply_to_a_withdrawn_report(caseworker_a, korean_case, client: Client) -> None:
    report = the_report(korean_case)
    report_withdraw(report=report)
    browser = signed_in(caseworker_a)
    page = browser.get(messages_url(korean_case)).content.decode()
    assert "The reporter withdrew this report, so no reply can be sent." in page
    assert ADDED not in page
    prefix = f"reply-{report.reference.lower()}"
    response = browser.post(reply_url(korean_case, report), {f"{prefix}-text": "Hello?", f"{prefix}-language": "ko"})
    assert response.status_code == 422
    assert "withdrew this report" in response.content.decode()
    assert Reply.objects.count() == 0
