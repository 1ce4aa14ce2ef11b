"""A community organisation applies to a call: in its language, with documents, before the deadline."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone

from safecommunity.accounts.tests.factories import greater_sacramento
from safecommunity.programs.opencalls.attachments import CleanFile
from safecommunity.programs.opencalls.models import Application, Attachment, Call
from safecommunity.programs.opencalls.services import receipt_hash
from safecommunity.programs.opencalls.tests.factories import a_call, docx_bytes, pdf_bytes, png_bytes

pytestmark = pytest.mark.django_db


def filled(call: Call, **changes: object) -> dict[str, object]:
    first, second = call.questions.all()
    data: dict[str, object] = {
        "organisation_name": "Hội Phụ nữ Việt Nam Sacramento",
        "contact_name": "Nguyễn Thị Lan",
        "contact_email": "lan@example.org",
        "contact_phone": "",
        f"q_{first.pk}": "Chúng tôi sẽ tổ chức hội thảo về cách báo cáo.",
        f"q_{second.pk}": "Tiếng Việt, English",
    }
    data.update(changes)
    return data


def test_the_public_sees_only_calls_taking_applications_now(call: Call) -> None:
    coalition = greater_sacramento()
    a_call(coalition, "old-grants", deadline_in=timedelta(days=-1))
    a_call(coalition, "draft-grants", status=Call.Status.DRAFT)

    page = Client().get("/en/calls/").content.decode()

    assert "/en/calls/safety-grants/" in page
    assert "old-grants" not in page
    assert "draft-grants" not in page


def test_a_visitor_reads_the_call_in_vietnamese_with_its_deadline_in_the_calls_time_zone(call: Call) -> None:
    page = Client().get("/vi/calls/safety-grants/").content.decode()

    assert "Tài trợ an toàn cộng đồng" in page
    assert "America/Los_Angeles" in page
    assert "Mức độ phù hợp" in page  # the rubric in the visitor's language
    assert "/vi/calls/safety-grants/apply/" in page


def test_a_draft_call_has_no_public_page(call: Call) -> None:
    Call.objects.filter(pk=call.pk).update(status=Call.Status.DRAFT)

    assert Client().get("/en/calls/safety-grants/").status_code == 404
    assert Client().get("/en/calls/safety-grants/apply/").status_code == 404


def test_an_organisation_applies_in_vietnamese_with_a_pdf_and_gets_its_receipt_by_email(
    call: Call, django_capture_on_commit_callbacks: Callable[..., Any]
) -> None:
    upload = SimpleUploadedFile("kế hoạch.pdf", pdf_bytes(), content_type="application/pdf")

    with django_capture_on_commit_callbacks(execute=True):
        response = Client().post("/vi/calls/safety-grants/apply/", filled(call, attachments=[upload]))

    assert response.status_code == 200, response.content.decode()[:3000]
    assert "no-store" in response["Cache-Control"]
    application = Application.objects.get()
    code = response.context["receipt_code"]
    assert code in response.content.decode()
    assert application.receipt_hash == receipt_hash(code)
    assert application.language == "vi"
    assert application.contact_name == "Nguyễn Thị Lan"
    assert "Chúng tôi sẽ tổ chức" in application.answers
    attachment = Attachment.objects.get()
    assert attachment.kind == "pdf"
    assert b"%PDF" not in bytes(attachment.encrypted_content)  # encrypted at rest
    # The e-mail: to the applicant, in Vietnamese, with the receipt code.
    [email] = mail.outbox
    assert email.to == ["lan@example.org"]
    assert email.extra_headers["Content-Language"] == "vi"
    assert "Tài trợ an toàn cộng đồng" in email.subject
    assert code in email.body
    assert Application.objects.get().receipt_sent_at is not None


def test_mistakes_come_back_translated_with_every_typed_value_and_a_clear_word_about_the_files(call: Call) -> None:
    upload = SimpleUploadedFile("plan.pdf", pdf_bytes(), content_type="application/pdf")
    first = call.questions.first()
    assert first is not None

    response = Client().post(
        "/en/calls/safety-grants/apply/",
        filled(call, contact_email="not an address", **{f"q_{first.pk}": ""}, attachments=[upload]),
    )

    assert response.status_code == 422
    page = response.content.decode()
    assert "Please enter an e-mail address such as name@example.org." in page
    assert "Please answer this question." in page
    assert "Hội Phụ nữ Việt Nam Sacramento" in page
    assert "Nguyễn Thị Lan" in page
    assert "Tiếng Việt, English" in page
    # Files are never kept between two sendings: the page names the file and asks for it again.
    assert 'id="choose-files-again"' in page
    assert "plan.pdf" in page
    assert not Application.objects.exists()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("virus.exe", b"MZ\x90\x00 this is a program", "is not a file we can accept for this call"),
        ("macros.docx", docx_bytes(with_macros=True), "contains macros"),
        ("big.pdf", b"%PDF-" + b"0" * (3 * 1024 * 1024), "is larger than 2 MB"),
    ],
)
def test_unsafe_or_oversized_files_are_refused_by_name(call: Call, name: str, content: bytes, message: str) -> None:
    upload = SimpleUploadedFile(name, content, content_type="application/pdf")

    response = Client().post("/en/calls/safety-grants/apply/", filled(call, attachments=[upload]))

    assert response.status_code == 422
    page = response.content.decode()
    assert message in page
    assert name in page
    assert not Application.objects.exists()


def test_word_documents_and_photos_are_accepted_and_photos_lose_their_metadata(call: Call) -> None:
    files = [
        SimpleUploadedFile("budget.docx", docx_bytes(), content_type="application/octet-stream"),
        SimpleUploadedFile("team.png", png_bytes(), content_type="image/png"),
    ]

    response = Client().post("/en/calls/safety-grants/apply/", filled(call, attachments=files))

    assert response.status_code == 200
    assert sorted(Attachment.objects.values_list("kind", flat=True)) == ["docx", "image"]


def test_a_type_the_call_does_not_accept_is_refused(call: Call) -> None:
    Call.objects.filter(pk=call.pk).update(allowed_file_types=["pdf"])
    upload = SimpleUploadedFile("team.png", png_bytes(), content_type="image/png")

    response = Client().post("/en/calls/safety-grants/apply/", filled(call, attachments=[upload]))

    assert response.status_code == 422
    assert "PDF documents" in response.content.decode()


def test_after_the_deadline_nothing_is_saved_and_the_applicant_is_told_so(call: Call) -> None:
    form = Client().get("/en/calls/safety-grants/apply/")
    assert form.status_code == 200
    Call.objects.filter(pk=call.pk).update(deadline=timezone.now() - timedelta(minutes=1))

    response = Client().post("/en/calls/safety-grants/apply/", filled(call))

    assert response.status_code == 409
    page = response.content.decode()
    assert "The deadline has passed" in page
    assert "Your application was not saved" in page
    assert "Chúng tôi sẽ tổ chức hội thảo" in page  # shown back, so the person can keep a copy
    assert not Application.objects.exists()
    assert mail.outbox == []
    closed = Client().get("/en/calls/safety-grants/apply/")
    assert closed.status_code == 410
    assert "No more applications are accepted." in closed.content.decode()


def test_an_applicant_withdraws_with_the_receipt_code(call: Call) -> None:
    response = Client().post("/en/calls/safety-grants/apply/", filled(call))
    code = response.context["receipt_code"]

    wrong = Client().post("/en/calls/safety-grants/withdraw/", {"code": "AAAA-BBBB-CCCC"})
    assert wrong.status_code == 404
    assert "We found no application to this call with that code" in wrong.content.decode()

    done = Client().post("/en/calls/safety-grants/withdraw/", {"code": code.lower().replace("-", " ")})
    assert done.status_code == 200
    assert Application.objects.get().status == Application.Status.WITHDRAWN


def test_application_files_are_re_encrypted_when_the_keys_rotate(call: Call) -> None:
    from safecommunity.core.encryption import FILE_ROTATORS
    from safecommunity.programs.opencalls.attachments import decrypt_content, rotate_all_attachments
    from safecommunity.programs.opencalls.tests.factories import an_application

    clean = CleanFile("plan.pdf", "pdf", "application/pdf", pdf_bytes())
    attachment = an_application(call, files=[clean]).application.attachments.get()
    before = bytes(attachment.encrypted_content)

    assert rotate_all_attachments in FILE_ROTATORS
    assert rotate_all_attachments() == 1
    attachment.refresh_from_db()
    assert bytes(attachment.encrypted_content) != before
    assert decrypt_content(attachment.encrypted_content) == clean.content
