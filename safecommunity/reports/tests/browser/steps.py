"""What a person does in the browser, written with names and values only, never label text,
so the stories pass in every language whatever the state of the translations."""

from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path
from typing import Any

from django.utils import timezone
from PIL import ExifTags, Image
from playwright.sync_api import Page, Response, expect
from pypdf import PdfWriter

RECEIPT_CODE = re.compile(r"^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$")
DESCRIPTION = "Someone yelled slurs at me outside the grocery store on Stockton Boulevard."


def last_week() -> dt.date:
    return timezone.localdate() - dt.timedelta(days=7)


def open_report_form(page: Page, base_url: str, language: str = "en") -> None:
    page.goto(f"{base_url}/{language}/report/")
    expect(page.locator("#report-form")).to_be_visible()


def fill_what_when_where(
    page: Page, *, region_pk: int, description: str = DESCRIPTION, occurred_on: dt.date | None = None
) -> None:
    """The three required steps: what happened, when, and where."""
    page.locator("input[name=incident_types][value=verbal_harassment]").check()
    page.locator("#id_description").fill(description)
    if occurred_on is not None:
        page.locator("#id_occurred_on").fill(occurred_on.isoformat())
    page.locator("#id_where").select_option(value=str(region_pk))


def submit_with(page: Page, button: str, *, expect_status: int | tuple[int, ...] = 200) -> Response:
    """Press a submit button and check the server's answer to the form, saying what went wrong if it refused."""
    expected = (expect_status,) if isinstance(expect_status, int) else expect_status
    with page.expect_response(lambda r: r.request.method == "POST" and r.request.is_navigation_request()) as sent:
        page.locator(button).click()
    response = sent.value
    if response.status not in expected:
        page.wait_for_load_state()
        said = " ".join(page.locator("body").inner_text().split())[:300]
        raise AssertionError(
            f"POST {response.url} answered {response.status}, expected {expected}: {said!r}"
            + (
                "\nThe browser sent `Origin: null`: with `Referrer-Policy: no-referrer` every browser does that "
                "for form posts, and Django's CSRF check refuses it."
                if (response.request.header_value("origin") or "") == "null"
                else ""
            )
        )
    return response


def send_report(page: Page, *, expect_status: int | tuple[int, ...] = (200, 422)) -> Response:
    return submit_with(page, "#report-form button[type=submit]", expect_status=expect_status)


def receipt_code_shown(page: Page) -> str:
    code_text = page.locator("#receipt-code strong")
    expect(code_text).to_be_visible()
    code = code_text.inner_text().strip()
    assert RECEIPT_CODE.match(code), f"not a receipt code: {code!r}"
    return code


def submit_a_report(page: Page, base_url: str, *, region_pk: int, language: str = "en") -> str:
    open_report_form(page, base_url, language)
    fill_what_when_where(page, region_pk=region_pk, occurred_on=last_week())
    send_report(page, expect_status=200)
    return receipt_code_shown(page)


def as_typed_on_a_phone(code: str) -> str:
    """How a person copies a code from a scrap of paper: small letters, spaces for dashes."""
    return code.lower().replace("-", " ")


def look_up(page: Page, code: str, *, expect_status: int = 200) -> None:
    page.locator("#id_code").fill(code)
    submit_with(page, "main form button[type=submit]", expect_status=expect_status)


def open_the_photos_step(page: Page) -> None:
    page.locator("details:has(#id_attachments) > summary").click()
    expect(page.locator("#id_attachments")).to_be_visible()


def a_phone_photo_with_its_location(path: Path) -> Path:
    """A JPEG as phones save them: camera make and model, and where it was taken (the Capitol, Sacramento)."""
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "Pixelphone"
    exif[ExifTags.Base.Model] = "P7 Pro"
    exif[ExifTags.Base.DateTime] = "2026:03:14 17:05:00"
    exif[ExifTags.IFD.GPSInfo] = {
        ExifTags.GPS.GPSLatitudeRef: "N",
        ExifTags.GPS.GPSLatitude: (38.0, 34.0, 35.28),
        ExifTags.GPS.GPSLongitudeRef: "W",
        ExifTags.GPS.GPSLongitude: (121.0, 29.0, 36.96),
    }
    Image.new("RGB", (320, 240), (90, 140, 200)).save(path, format="JPEG", exif=exif, quality=90)
    return path


def a_pdf_with_its_author(path: Path) -> Path:
    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    writer.add_metadata({"/Author": "Lan Nguyen", "/Title": "Letter from the landlord", "/Creator": "Scanner 3000"})
    with path.open("wb") as out:
        writer.write(out)
    return path


def a_small_png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (8, 8), (200, 30, 30)).save(out, format="PNG")
    return out.getvalue()


def sign_in(page: Page, base_url: str, user: Any, destination: str) -> None:
    """Open a staff page, get sent to the sign-in page, give the password and, for a role that needs one, the
    authenticator's code; end on the page asked for."""
    from django.urls import reverse

    from safecommunity.accounts.tests.factories import PASSWORD, a_totp_device, current_code
    from safecommunity.core.roles import needs_two_factor

    def in_any_language(url_name: str) -> re.Pattern[str]:
        return re.compile(r"/[a-z-]+" + re.escape(reverse(url_name).removeprefix("/en")))

    page.goto(f"{base_url}{destination}")
    expect(page).to_have_url(in_any_language("accounts:sign_in"))
    page.locator("#id_username").fill(user.username)
    page.locator("#id_password").fill(PASSWORD)
    submit_with(page, "main form button[type=submit]", expect_status=302)
    if needs_two_factor(user):
        expect(page).to_have_url(in_any_language("accounts:two_factor"))
        page.locator("#id_code").fill(current_code(a_totp_device(user)))
        submit_with(page, "main form button[type=submit]", expect_status=302)
    expect(page).to_have_url(f"{base_url}{destination}")
