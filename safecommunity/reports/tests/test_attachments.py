"""A reporter's photos lose every trace of where and with what they were taken; anything else is refused."""

from __future__ import annotations

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from pypdf import PdfReader, PdfWriter

from safecommunity.reports.attachments import clean_upload

GPS_IFD = 0x8825


def photo_with_gps() -> bytes:
    image = Image.new("RGB", (64, 48), (200, 30, 30))
    exif = Image.Exif()
    exif[0x010F] = "Pixel Phone Maker"  # Make
    exif[0x0110] = "Model 9"  # Model
    exif[0x0112] = 6  # Orientation: rotated 90° clockwise
    exif[GPS_IFD] = {1: "N", 2: (38.0, 33.0, 12.5), 3: "W", 4: (121.0, 28.0, 9.1)}
    out = io.BytesIO()
    image.save(out, format="JPEG", exif=exif)
    return out.getvalue()


def upload(name: str, content: bytes, content_type: str = "application/octet-stream") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type=content_type)


def test_a_photo_keeps_its_picture_but_loses_gps_and_camera_details() -> None:
    original = photo_with_gps()
    assert Image.open(io.BytesIO(original)).getexif().get_ifd(GPS_IFD)

    cleaned = clean_upload(upload("IMG_2041.jpg", original, "image/jpeg"))

    result = Image.open(io.BytesIO(cleaned.content))
    assert cleaned.content_type == "image/jpeg"
    assert not result.getexif()
    assert "exif" not in result.info
    assert b"Pixel Phone Maker" not in cleaned.content
    # The orientation was applied before the tag was dropped: the picture stands upright.
    assert result.size == (48, 64)


def test_a_png_with_transparency_stays_a_png_without_text_chunks() -> None:
    image = Image.new("RGBA", (10, 10), (0, 0, 0, 0))
    out = io.BytesIO()
    from PIL import PngImagePlugin

    info = PngImagePlugin.PngInfo()
    info.add_text("Author", "Someone Identifiable")
    image.save(out, format="PNG", pnginfo=info)
    cleaned = clean_upload(upload("screenshot.png", out.getvalue()))
    assert cleaned.content_type == "image/png"
    assert b"Someone Identifiable" not in cleaned.content


def test_a_pdf_loses_its_author_and_other_metadata() -> None:
    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    writer.add_metadata({"/Author": "Jane Reporter", "/Title": "Police report"})
    out = io.BytesIO()
    writer.write(out)
    cleaned = clean_upload(upload("police.pdf", out.getvalue()))
    assert cleaned.kind == "pdf"
    assert b"Jane Reporter" not in cleaned.content
    assert len(PdfReader(io.BytesIO(cleaned.content)).pages) == 1


def test_a_file_pretending_to_be_a_photo_is_refused_with_its_name() -> None:
    with pytest.raises(ValidationError) as error:
        clean_upload(upload("holiday.jpg", b"MZ\x90\x00 this is really a program", "image/jpeg"))
    assert "holiday.jpg" in error.value.messages[0]
    assert "JPEG" in error.value.messages[0]


def test_a_file_over_ten_megabytes_is_refused() -> None:
    big = upload("video.jpg", b"\xff\xd8" + b"0" * (10 * 1024 * 1024 + 1))
    with pytest.raises(ValidationError) as error:
        clean_upload(big)
    assert error.value.code == "file_too_large"


def test_a_broken_pdf_is_refused() -> None:
    with pytest.raises(ValidationError):
        clean_upload(upload("broken.pdf", b"%PDF-1.7 nothing else"))
