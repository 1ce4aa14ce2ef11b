"""A reporter and the team talk through the receipt code: replies are read on the follow-up page, in the
reporter's language, and a reporter who agreed hears that a reply is waiting — and nothing more."""

from __future__ import annotations

import io

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from PIL import Image

from safecommunity.core.models import AuditEvent
from safecommunity.reports import notifications
from safecommunity.reports.erasure import report_withdraw
from safecommunity.reports.messaging import ReplyRefused, report_reply_send
from safecommunity.reports.models import Attachment, Reply, Report, ReportUpdate
from safecommunity.reports.tests.factories import a_submitted_report

pytestmark = pytest.mark.django_db

KOREAN_REPLY = "안녕하세요. 신고해 주셔서 감사합니다. 상담을 원하시면 알려 주세요."


def a_photo() -> SimpleUploadedFile:
    out = io.BytesIO()
    Image.new("RGB", (40, 30), (10, 120, 200)).save(out, format="PNG")
    return SimpleUploadedFile("IMG_0042.png", out.getvalue(), content_type="image/png")


@pytest.fixture
def texts(settings) -> list[notifications.SentText]:
    settings.SMS_BACKEND = "safecommunity.reports.notifications.LocmemSmsBackend"
    notifications.outbox.clear()
    return notifications.outbox


def test_an_anonymous_korean_reporter_reads_the_reply_in_korean_and_answers_with_a_photo(
    client: Client, caseworker_a
) -> None:
    submitted = a_submitted_report(description="버스에서 어떤 남자가 할머니에게 중국으로 돌아가라고 소리쳤어요.")
    Report.objects.filter(pk=submitted.report.pk).update(language="ko")
    report_reply_send(report=submitted.report, author=caseworker_a, text=KOREAN_REPLY, language="ko")

    page = client.post("/ko/follow-up/", {"code": submitted.receipt_code})

    html = page.content.decode()
    assert page.status_code == 200
    assert 'lang="ko"' in html
    assert "신고 내용" in html  # "Your report": the page speaks Korean
    assert KOREAN_REPLY in html
    assert Reply.objects.get().read_at is not None, "a reply shown is a reply read"

    answer = client.post(
        "/ko/follow-up/",
        {
            "code": submitted.receipt_code,
            "action": "add",
            "text": "감사합니다. 사진을 보냅니다.",
            "attachments": [a_photo()],
        },
    )

    html = answer.content.decode()
    assert answer.status_code == 200
    assert html.index(KOREAN_REPLY) < html.index("감사합니다. 사진을 보냅니다."), "the conversation reads in time order"
    assert "사진" in html  # the photo is listed by its kind ("Photo"), never by its file name
    assert "IMG_0042" not in html
    update = ReportUpdate.objects.get()
    assert Attachment.objects.filter(update=update, kind="image").count() == 1


def test_the_code_travels_with_every_form_on_the_page(client: Client) -> None:
    submitted = a_submitted_report()
    html = client.post("/en/follow-up/", {"code": submitted.receipt_code}).content.decode()
    assert html.count(f'name="code" value="{submitted.receipt_code}"') == 3
    for action in ("add", "consent", "withdraw"):
        assert f'name="action" value="{action}"' in html


def test_a_reporter_who_left_an_email_hears_a_reply_is_waiting_and_nothing_else(
    caseworker_a, django_capture_on_commit_callbacks, settings
) -> None:
    settings.SITE_URL = "https://report.example.org"
    submitted = a_submitted_report(
        may_contact=True,
        contact_methods=["email"],
        contact_email="lan.reporter@example.org",
        contact_name="Lan",
        contact_language="vi",
    )
    with django_capture_on_commit_callbacks(execute=True):
        reply = report_reply_send(
            report=submitted.report, author=caseworker_a, text="Could we call you on Tuesday?", language="vi"
        )

    assert len(mail.outbox) == 1
    notice = mail.outbox[0]
    assert notice.to == ["lan.reporter@example.org"]
    everything = f"{notice.subject}\n{notice.body}"
    assert "https://report.example.org/vi/follow-up/" in everything
    assert submitted.receipt_code is not None
    assert submitted.receipt_code not in everything
    assert submitted.receipt_code.replace("-", "") not in everything
    words = everything.replace(".", " ").replace(",", " ").split()
    for word in ["grandmother", "shouted", "bus", "China", "51", "Tuesday", "Lan", submitted.report.reference]:
        assert word not in words, word
    reply.refresh_from_db()
    assert reply.notified_at is not None


def test_a_reporter_who_chose_text_messages_gets_a_short_text_with_no_details(
    caseworker_a, django_capture_on_commit_callbacks, texts
) -> None:
    submitted = a_submitted_report(may_contact=True, contact_methods=["text"], contact_phone="+1 916 555 0199")
    with django_capture_on_commit_callbacks(execute=True):
        report_reply_send(report=submitted.report, author=caseworker_a, text="Are you safe tonight?", language="en")

    assert len(texts) == 1
    assert texts[0].to == "+1 916 555 0199"
    assert "/en/follow-up/" in texts[0].body
    assert "safe tonight" not in texts[0].body
    assert "grandmother" not in texts[0].body
    assert mail.outbox == []


def test_a_reporter_who_did_not_agree_to_be_contacted_gets_no_notice(
    caseworker_a, django_capture_on_commit_callbacks, texts
) -> None:
    submitted = a_submitted_report(may_contact=False, contact_email="someone@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        reply = report_reply_send(report=submitted.report, author=caseworker_a, text="Hello.", language="en")
    assert mail.outbox == [] and texts == []
    reply.refresh_from_db()
    assert reply.notified_at is None


def test_sending_a_reply_is_recorded_in_the_audit_trail_without_its_text(caseworker_a) -> None:
    submitted = a_submitted_report()
    report_reply_send(report=submitted.report, author=caseworker_a, text="A private message.", language="en")
    event = AuditEvent.objects.get(action="reply.send")
    assert event.actor == caseworker_a
    assert "private" not in str(event.details)


def test_no_reply_can_be_sent_to_a_withdrawn_report(caseworker_a) -> None:
    submitted = a_submitted_report()
    report_withdraw(report=submitted.report)
    with pytest.raises(ReplyRefused):
        report_reply_send(report=submitted.report, author=caseworker_a, text="Hello?", language="en")
    assert Reply.objects.count() == 0


def test_a_reporter_stops_being_contacted_and_counted_after_confirming(client: Client) -> None:
    submitted = a_submitted_report(may_contact=True, contact_methods=["email"], contact_email="a@example.org")
    code = submitted.receipt_code

    unconfirmed = client.post("/en/follow-up/", {"code": code, "action": "consent", "consent-stop_contact": "on"})
    assert unconfirmed.status_code == 422
    assert "Please tick the box to confirm." in unconfirmed.content.decode()
    assert Report.objects.get().may_contact is True

    nothing_chosen = client.post("/en/follow-up/", {"code": code, "action": "consent", "consent-confirm": "on"})
    assert nothing_chosen.status_code == 422
    assert "Please choose what you would like us to stop" in nothing_chosen.content.decode()

    done = client.post(
        "/en/follow-up/",
        {
            "code": code,
            "action": "consent",
            "consent-stop_contact": "on",
            "consent-stop_statistics": "on",
            "consent-confirm": "on",
        },
    )
    assert done.status_code == 200
    report = Report.objects.get()
    assert (report.may_contact, report.consent_statistics) == (False, False)
    # Contact details stay (the reporter did not ask to erase them); the report is still worked on.
    assert report.contact_email == "a@example.org"
    assert report.withdrawn_at is None
    assert AuditEvent.objects.filter(action="report.consent_withdrawn", target_id=str(report.pk)).exists()
