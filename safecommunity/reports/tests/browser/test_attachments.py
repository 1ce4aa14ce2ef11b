"""A reporter attaches a phone photo and a scanned letter; what we keep says nothing about where or who."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from django.conf import settings
from PIL import ExifTags, Image
from playwright.sync_api import Page
from pypdf import PdfReader
from pytest_django.live_server_helper import LiveServer

from safecommunity.core.models import Region
from safecommunity.reports.attachments import read_decrypted
from safecommunity.reports.models import Attachment, Report
from safecommunity.reports.tests.browser.steps import (
    a_pdf_with_its_author,
    a_phone_photo_with_its_location,
    fill_what_when_where,
    last_week,
    open_report_form,
    open_the_photos_step,
    receipt_code_shown,
    send_report,
)

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("transactional_db")]


def report_with(page: Page, live_server: LiveServer, region: Region, file: Path) -> Attachment:
    open_report_form(page, live_server.url)
    fill_what_when_where(page, region_pk=region.pk, occurred_on=last_week())
    open_the_photos_step(page)
    page.locator("#id_attachments").set_input_files(file)
    send_report(page, expect_status=200)
    receipt_code_shown(page)
    attachment = Attachment.objects.get()
    assert attachment.report == Report.objects.get()
    stored = (Path(settings.PRIVATE_STORAGE_ROOT) / attachment.storage_name).read_bytes()
    assert file.read_bytes()[:8] not in stored, "the stored file is not encrypted"
    return attachment


def test_a_phone_photo_is_kept_without_its_location_or_camera(
    page: Page, live_server: LiveServer, sacramento: Region, tmp_path: Path
) -> None:
    photo = a_phone_photo_with_its_location(tmp_path / "IMG_2041.jpg")
    with Image.open(photo) as original:
        original_exif = original.getexif()
        assert original_exif[ExifTags.Base.Make] == "Pixelphone"
        assert original_exif.get_ifd(ExifTags.IFD.GPSInfo)[ExifTags.GPS.GPSLatitudeRef] == "N"

    attachment = report_with(page, live_server, sacramento, photo)

    assert (attachment.kind, attachment.content_type) == ("image", "image/jpeg")
    kept = read_decrypted(attachment.storage_name)
    with Image.open(io.BytesIO(kept)) as image:
        assert image.format == "JPEG"
        assert image.size == (320, 240)
        exif = image.getexif()
        assert dict(exif) == {}, f"EXIF left in the stored photo: {dict(exif)}"
        assert exif.get_ifd(ExifTags.IFD.GPSInfo) == {}
        assert "exif" not in image.info
    assert b"Exif" not in kept
    assert b"Pixelphone" not in kept


def test_a_scanned_letter_is_kept_without_its_author(
    page: Page, live_server: LiveServer, sacramento: Region, tmp_path: Path
) -> None:
    letter = a_pdf_with_its_author(tmp_path / "letter.pdf")
    original = PdfReader(letter).metadata
    assert original is not None and original["/Author"] == "Lan Nguyen"

    attachment = report_with(page, live_server, sacramento, letter)

    assert (attachment.kind, attachment.content_type) == ("pdf", "application/pdf")
    kept = read_decrypted(attachment.storage_name)
    reader = PdfReader(io.BytesIO(kept))
    assert len(reader.pages) == 1
    assert "/Author" not in (reader.metadata or {})
    assert b"Lan Nguyen" not in kept
    assert b"Scanner 3000" not in kept
