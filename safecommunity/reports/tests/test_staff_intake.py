"""Staff record reports taken by phone or in person; only those allowed see personal data."""

from __future__ import annotations

import pytest
from django.test import Client

from safecommunity.accounts.tests.factories import a_totp_device, current_code, signed_in
from safecommunity.core.models import AuditEvent
from safecommunity.reports.attachments import CleanFile
from safecommunity.reports.models import Attachment, Report
from safecommunity.reports.services import report_submit
from safecommunity.reports.tests.factories import a_draft, a_submitted_report, form_data

pytestmark = pytest.mark.django_db
PASSWORD = "correct horse battery staple"


def test_an_intake_coordinator_records_a_phone_report_with_the_interpreter_language(
    intake_coordinator, sacramento
) -> None:
    client = signed_in(intake_coordinator)
    data = form_data(sacramento.pk, channel="phone", interpreter_language="hmn", description="Kuv raug thuam")
    response = client.post("/en/staff/intake/", data)
    assert response.status_code == 200, response.content.decode()[:3000]
    report = Report.objects.get()
    assert (report.channel, report.interpreter_language, report.entered_by) == ("phone", "hmn", intake_coordinator)
    assert AuditEvent.objects.filter(action="report.intake", target_id=str(report.pk)).exists()
    assert "receipt-code" in response.content.decode()


def test_the_public_cannot_reach_staff_intake(client: Client) -> None:
    response = client.get("/en/staff/intake/")
    assert response.status_code == 302
    assert "/accounts/sign-in/" in response["Location"]


def test_an_analyst_cannot_record_reports(analyst) -> None:
    assert signed_in(analyst).get("/en/staff/intake/").status_code == 403


def test_a_coalition_admin_sees_the_description_in_the_admin_and_the_view_is_audited(coalition_admin) -> None:
    report = a_submitted_report(contact_email="quiet@example.org", may_contact=True).report
    response = signed_in(coalition_admin).get(f"/admin/reports/report/{report.pk}/change/")
    assert response.status_code == 200
    assert "go back to China" in response.content.decode()
    assert AuditEvent.objects.filter(action="report.view_personal_data", actor=coalition_admin).count() == 1


def test_a_coalition_admin_sees_no_personal_data_before_the_second_factor(coalition_admin) -> None:
    report = a_submitted_report(contact_email="quiet@example.org", may_contact=True).report
    client = Client()
    client.force_login(coalition_admin)
    response = client.get(f"/admin/reports/report/{report.pk}/change/")
    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/two-factor/")
    assert not AuditEvent.objects.filter(action="report.view_personal_data").exists()


def test_an_intake_coordinator_works_in_the_staff_pages_not_the_admin(intake_coordinator) -> None:
    report = a_submitted_report(contact_email="quiet@example.org", may_contact=True).report
    intake_coordinator.is_staff = True  # an old staff flag does not open the admin any more
    intake_coordinator.save()
    response = signed_in(intake_coordinator).get(f"/admin/reports/report/{report.pk}/change/")
    assert response.status_code == 403
    assert "go back to China" not in response.content.decode()
    assert not AuditEvent.objects.filter(action="report.view_personal_data").exists()


def test_an_analyst_cannot_open_the_admin_at_all(analyst) -> None:
    report = a_submitted_report(contact_email="quiet@example.org", may_contact=True).report
    response = signed_in(analyst).get(f"/admin/reports/report/{report.pk}/change/")
    assert response.status_code == 403
    html = response.content.decode()
    assert "go back to China" not in html
    assert "quiet@example.org" not in html
    assert "Your role does not give access to this page" in html


def test_staff_sign_in_is_rate_limited(intake_coordinator, settings) -> None:
    settings.SIGN_IN_RATE = "3/15m"
    client = Client()
    statuses = [
        client.post("/en/accounts/sign-in/", {"username": "mai.intake", "password": "wrong"}).status_code
        for _ in range(4)
    ]
    assert statuses == [200, 200, 200, 429]
    # The admin's own sign-in page is the same view, so it cannot be used to go around the limit.
    assert client.post("/admin/login/", {"username": "mai.intake", "password": PASSWORD}).status_code == 429


def test_staff_sign_in_works_with_the_second_factor(intake_coordinator, settings) -> None:
    device = a_totp_device(intake_coordinator)
    client = Client()
    response = client.post(
        "/en/accounts/sign-in/", {"username": "mai.intake", "password": PASSWORD, "next": "/en/staff/reports/"}
    )
    assert response.status_code == 302
    assert client.get("/en/staff/reports/")["Location"].startswith("/en/accounts/two-factor/")
    response = client.post(response["Location"], {"code": current_code(device), "next": "/en/staff/reports/"})
    assert response["Location"] == "/en/staff/reports/"
    assert client.get("/en/staff/reports/").status_code == 200


def a_report_with_a_photo(settings, tmp_path) -> Attachment:
    settings.PRIVATE_STORAGE_ROOT = tmp_path
    photo = CleanFile("image", "image/jpeg", b"\xff\xd8 pretend jpeg bytes")
    report_submit(draft=a_draft(), attachments=[photo])
    return Attachment.objects.get()


def test_an_intake_coordinator_opens_a_photo_and_the_opening_is_recorded(
    intake_coordinator, settings, tmp_path
) -> None:
    attachment = a_report_with_a_photo(settings, tmp_path)
    response = signed_in(intake_coordinator).get(f"/en/staff/attachments/{attachment.pk}/")
    assert response.status_code == 200
    assert response.content == b"\xff\xd8 pretend jpeg bytes"
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["Cache-Control"] == "no-store"
    assert AuditEvent.objects.filter(action="attachment.open", actor=intake_coordinator).count() == 1


def test_an_analyst_cannot_open_photos(analyst, settings, tmp_path) -> None:
    attachment = a_report_with_a_photo(settings, tmp_path)
    # The role never reaches personal data, so the door itself is shut (403), whatever the photo.
    assert signed_in(analyst).get(f"/en/staff/attachments/{attachment.pk}/").status_code == 403
    assert not AuditEvent.objects.filter(action="attachment.open").exists()


def test_the_public_cannot_open_photos(client: Client, settings, tmp_path) -> None:
    attachment = a_report_with_a_photo(settings, tmp_path)
    assert client.get(f"/en/staff/attachments/{attachment.pk}/").status_code == 302
