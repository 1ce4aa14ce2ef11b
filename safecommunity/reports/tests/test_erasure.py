"""A reporter withdraws their report: everything that could identify them is gone at once, even from a raw
copy of the database read with the encryption keys, while the anonymous facts stay for the statistics."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from PIL import Image

from safecommunity.core.encryption import TOKEN_PREFIX, decrypt_text
from safecommunity.core.models import AuditEvent
from safecommunity.reports.attachments import CleanFile
from safecommunity.reports.messaging import report_reply_send
from safecommunity.reports.models import Attachment, Reply, Report, ReportUpdate
from safecommunity.reports.services import report_submit
from safecommunity.reports.tests.factories import a_draft
from safecommunity.reports.tests.test_privacy_at_rest import SECRETS, raw_dump

pytestmark = pytest.mark.django_db

ADDED = "It was the same man again, he lives at 12 Elm Court."
REPLY = "Dear Ms Nguyen, we can meet you at the library."
TOKEN = re.compile(re.escape(TOKEN_PREFIX) + r"[A-Za-z0-9_=-]+")


def a_photo_bytes() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (30, 30), (250, 200, 0)).save(out, format="JPEG")
    return out.getvalue()


def everything_readable_in(dump: str) -> str:
    """The dump with every encrypted value decrypted, as someone holding the keys would read it."""
    return dump + "\n".join(decrypt_text(token) for token in TOKEN.findall(dump))


def stored_files(report: Report) -> list[Path]:
    names = Attachment.objects.filter(report=report).values_list("storage_name", flat=True)
    return [Path(settings.PRIVATE_STORAGE_ROOT) / name for name in names]


@pytest.fixture
def lans_report(caseworker_a) -> tuple[Report, str]:
    """Lan's report, with contact details, a photo, something she added later and a caseworker's reply."""
    draft = a_draft(may_contact=True, contact_methods=["email", "phone"], **SECRETS)
    photo = CleanFile("image", "image/jpeg", a_photo_bytes())
    submitted = report_submit(draft=draft, attachments=[photo], language="vi")
    assert submitted.receipt_code is not None
    Client().post(
        "/vi/follow-up/",
        {
            "code": submitted.receipt_code,
            "action": "add",
            "text": ADDED,
            "attachments": [SimpleUploadedFile("a.jpg", a_photo_bytes(), content_type="image/jpeg")],
        },
    )
    report_reply_send(report=submitted.report, author=caseworker_a, text=REPLY, language="vi")
    return submitted.report, submitted.receipt_code


def test_withdrawing_needs_a_ticked_confirmation_and_keeps_everything_until_then(client: Client, lans_report) -> None:
    report, code = lans_report
    response = client.post("/vi/follow-up/", {"code": code, "action": "withdraw"})
    assert response.status_code == 422
    assert 'id="error-summary"' in response.content.decode()
    report.refresh_from_db()
    assert report.withdrawn_at is None
    assert report.contact_email == SECRETS["contact_email"]


def test_a_withdrawn_report_leaves_no_personal_data_even_for_someone_with_the_keys(
    client: Client, lans_report, django_capture_on_commit_callbacks
) -> None:
    report, code = lans_report
    before = everything_readable_in(raw_dump())
    assert SECRETS["description"] in before and ADDED in before and REPLY in before
    files = stored_files(report)
    assert len(files) == 2 and all(path.exists() for path in files)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/vi/follow-up/", {"code": code, "action": "withdraw", "withdraw-confirm": "on"})

    assert response.status_code == 200
    readable = everything_readable_in(raw_dump())
    for secret in [*SECRETS.values(), ADDED, REPLY]:
        assert secret not in readable, secret
    assert not any(path.exists() for path in files)
    assert Attachment.objects.count() == 0

    report.refresh_from_db()
    assert report.status == "withdrawn"
    assert report.withdrawn_at is not None and report.personal_data_erased_at is not None
    assert (report.may_contact, report.contact_methods) == (False, [])
    # The anonymous facts stay: what happened, when, where (coded).
    assert report.incident_types == ["verbal_harassment"]
    assert report.location_type == "public_transit"
    assert str(report.occurred_on) == "2026-03-14"
    # The conversation keeps its shape (dates) but not its words.
    assert ReportUpdate.objects.get().text == ""
    assert Reply.objects.get().text == ""
    actions = set(AuditEvent.objects.filter(target_id=str(report.pk)).values_list("action", flat=True))
    assert {"report.withdrawn", "report.personal_data_erased"} <= actions


def test_coming_back_after_withdrawing_shows_it_and_accepts_nothing_new(client: Client, lans_report) -> None:
    report, code = lans_report
    client.post("/en/follow-up/", {"code": code, "action": "withdraw", "withdraw-confirm": "on"})

    page = client.post("/en/follow-up/", {"code": code})
    html = page.content.decode()
    assert page.status_code == 200
    assert "You withdrew this report" in html
    assert 'value="add"' not in html and 'value="withdraw"' not in html

    again = client.post("/en/follow-up/", {"code": code, "action": "add", "text": "One more thing: my name is Lan."})
    assert again.status_code == 409
    assert ReportUpdate.objects.filter(report=report).exclude(text="").count() == 0
