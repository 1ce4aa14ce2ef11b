"""Someone in distress finds a line to call, in words they read, on every public page."""

from __future__ import annotations

import pytest
from django.test import Client

from safecommunity.core.models import HelpLine

pytestmark = pytest.mark.django_db


@pytest.fixture
def crisis_line() -> HelpLine:
    return HelpLine.objects.create(
        kind=HelpLine.Kind.CRISIS,
        name="988 Suicide & Crisis Lifeline",
        phone="988",
        text_number="988",
        hours="24/7",
        hours_translations={"vi": "24 giờ mỗi ngày, 7 ngày mỗi tuần"},
        languages=["en", "vi"],
    )


def test_a_help_line_shows_its_hours_in_the_pages_language(client: Client, crisis_line: HelpLine) -> None:
    html = client.get("/vi/get-help/").content.decode()
    assert "24 giờ mỗi ngày" in html
    assert 'href="tel:988"' in html and 'href="sms:988"' in html


def test_a_language_without_a_translation_falls_back_to_the_default_hours(client: Client, crisis_line) -> None:
    assert "24/7" in client.get("/ko/get-help/").content.decode()


def test_a_line_that_answers_in_the_readers_language_says_so(client: Client, crisis_line: HelpLine) -> None:
    assert 'class="in-your-language"' in client.get("/vi/").content.decode()
    assert 'class="in-your-language"' not in client.get("/ar/").content.decode()


def test_phone_numbers_keep_their_digit_order_in_arabic(client: Client) -> None:
    HelpLine.objects.create(kind=HelpLine.Kind.HATE_HOTLINE, name="CA vs Hate", phone="833-866-4283")
    html = client.get("/ar/get-help/").content.decode()
    assert "\u2066833-866-4283\u2069" in html
    assert 'href="tel:833-866-4283"' in html


def test_without_any_help_line_the_emergency_number_is_still_shown(client: Client) -> None:
    assert 'href="tel:911"' in client.get("/en/").content.decode()
