"""Story: an analyst downloads a brief as a PDF in English, Arabic and Vietnamese, and every script comes out.

The PDF's text is read back with ``pdftotext`` (poppler-utils) and its fonts with
``pdffonts``: the title and a key finding must be there in the brief's language,
and a font for that script must be embedded.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import subprocess
import time
import unicodedata
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import translation
from pypdf import PdfReader

from safecommunity.accounts.models import User
from safecommunity.accounts.tests.factories import signed_in
from safecommunity.core import taxonomy
from safecommunity.core.models import AuditEvent
from safecommunity.insights.engine import Selection
from safecommunity.insights.models_briefs import Brief
from safecommunity.insights.selectors_briefs import brief_document, brief_title
from safecommunity.insights.services_briefs import brief_create
from safecommunity.insights.tests.factories import brief_reports

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not shutil.which("pdftotext"), reason="needs poppler-utils (scripts/ensure-system-packages pdf)"
    ),
]

SACRAMENTO_AREA = ("sacramento", "yolo", "placer", "el-dorado")
TWO_YEARS = Selection(dt.date(2024, 1, 1), dt.date(2025, 12, 31), SACRAMENTO_AREA)


def words(text: str) -> str:
    """Text with every run of white space made one space (pdftotext breaks lines where the PDF does)."""
    return re.sub(r"\s+", " ", text).strip()


def arabic_words(text: str) -> set[str]:
    """The Arabic words of ``text``, without the short-vowel and shadda marks (extraction may move them
    and put a space beside them)."""
    return set(re.findall("[\u0600-\u06ff]+", re.sub("[ ]?[\u064b-\u065f\u0670][ ]?", "", text)))


def mostly_in(expected: set[str], found: set[str]) -> bool:
    """Whether nearly all ``expected`` Arabic words were extracted, in logical or visual (reversed) order:
    pdftotext splits some ligatures and reverses some right-to-left runs, the PDF itself is right."""
    present = [word for word in expected if word in found or word[::-1] in found]
    return len(present) >= 0.8 * len(expected)


def letters(text: str) -> str:
    """The base letters of ``text`` in order, without white space or combining marks: pdftotext puts spaces inside
    Gurmukhi words and moves or drops vowel signs (the glyphs in the PDF are right)."""
    return "".join(
        char
        for char in unicodedata.normalize("NFKD", text)
        if not char.isspace() and unicodedata.category(char) not in ("Mn", "Mc")
    )


def pdf_text(pdf: bytes, tmp_path: Path, *options: str) -> str:
    path = tmp_path / "brief.pdf"
    path.write_bytes(pdf)
    return subprocess.run(
        ["pdftotext", *options, "-enc", "UTF-8", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout


def pdf_fonts(pdf: bytes, tmp_path: Path) -> str:
    path = tmp_path / "fonts.pdf"
    path.write_bytes(pdf)
    listing = subprocess.run(["pdffonts", str(path)], check=True, capture_output=True, text=True).stdout
    # Embedded fonts are listed as "ABCDEF+Noto-Sans-Gurmukhi": compare without the hyphens.
    return listing.replace("-", "")


def download(analyst: User, brief: Brief) -> tuple[bytes, float]:
    client = signed_in(analyst)
    started = time.perf_counter()
    response = client.get(reverse("insights:brief_pdf", args=[brief.public_id]))
    seconds = time.perf_counter() - started
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    return response.content, seconds


def test_an_english_brief_pdf_has_its_title_findings_tables_and_page_numbers(analyst: User, tmp_path: Path) -> None:
    brief_reports()
    brief = brief_create(actor=analyst, selection=TWO_YEARS, language="en", audience=Brief.Audience.PUBLIC)
    pdf, seconds = download(analyst, brief)
    print(f"English brief PDF: {len(pdf) / 1024:.0f} KB in {seconds:.2f} s")

    text = words(pdf_text(pdf, tmp_path))
    with translation.override("en"):
        document = brief_document(brief)
    assert pdf.startswith(b"%PDF-")
    assert words(document.title) in text
    assert "67% of reports came from Sacramento." in text
    assert words(next(f.text for f in document.findings if f.key == "incident_types")) in text
    assert "fewer than 5" in text  # El Dorado's 4 reports
    assert "A note on underreporting" in text
    pages = len(PdfReader(io.BytesIO(pdf)).pages)
    assert re.search(rf"\b{pages} ?/ ?{pages}\b", text), "page numbers"
    assert "Noto" in pdf_fonts(pdf, tmp_path) or "DejaVu" in pdf_fonts(pdf, tmp_path)


def test_an_arabic_brief_pdf_is_right_to_left_with_arabic_glyphs(analyst: User, tmp_path: Path) -> None:
    brief_reports()
    brief = brief_create(actor=analyst, selection=TWO_YEARS, language="ar", audience=Brief.Audience.PUBLIC)
    pdf, seconds = download(analyst, brief)
    print(f"Arabic brief PDF: {len(pdf) / 1024:.0f} KB in {seconds:.2f} s")

    with translation.override("ar"):
        document = brief_document(brief)
        title = brief_title(brief)
        verbal_harassment = taxonomy.INCIDENT_TYPES.label("verbal_harassment")
    assert re.search("[\u0600-\u06ff]", verbal_harassment), "the Arabic catalogue is compiled"
    # pdftotext may give right-to-left runs in visual order and split ligatures (lam-alef) in one of its modes:
    # compare sets of Arabic words, read in both modes, not strings.
    arabic = arabic_words(pdf_text(pdf, tmp_path) + pdf_text(pdf, tmp_path, "-raw"))
    assert mostly_in(arabic_words(title), arabic)  # the title (its dates are in Arabic)
    assert mostly_in(arabic_words(verbal_harassment), arabic)  # a label in the tables and findings
    finding = next(f.text for f in document.findings if f.key == "incident_types")
    assert mostly_in(arabic_words(finding), arabic)
    assert "2024" in pdf_text(pdf, tmp_path)
    fonts = pdf_fonts(pdf, tmp_path)
    assert "NotoNaskhArabic" in fonts or "NotoSansArabic" in fonts


def test_a_vietnamese_brief_pdf_keeps_every_diacritic(analyst: User, tmp_path: Path) -> None:
    brief_reports()
    brief = brief_create(actor=analyst, selection=TWO_YEARS, language="vi", audience=Brief.Audience.PUBLIC)
    pdf, seconds = download(analyst, brief)
    print(f"Vietnamese brief PDF: {len(pdf) / 1024:.0f} KB in {seconds:.2f} s")

    text = words(pdf_text(pdf, tmp_path))
    with translation.override("vi"):
        document = brief_document(brief)
        shunning = taxonomy.INCIDENT_TYPES.label("shunning")
    assert shunning != "Shunning or being deliberately avoided", "the Vietnamese catalogue is compiled"
    assert words(document.title) in text
    assert words(next(f.text for f in document.findings if f.key == "incident_types")) in text
    assert shunning in text
    assert "NotoSans" in pdf_fonts(pdf, tmp_path)


@pytest.mark.parametrize("language", ["zh-hans", "ja", "ko", "pa", "hmn"])
def test_every_other_script_has_a_font_in_the_pdf(analyst: User, tmp_path: Path, language: str) -> None:
    brief_reports()
    brief = brief_create(actor=analyst, selection=TWO_YEARS, language=language, audience=Brief.Audience.PUBLIC)
    pdf, _seconds = download(analyst, brief)
    with translation.override(language):
        label = taxonomy.INCIDENT_TYPES.label("verbal_harassment")
    assert letters(label) in letters(pdf_text(pdf, tmp_path))
    expected = {"zh-hans": "NotoSansCJK", "ja": "NotoSansCJK", "ko": "NotoSansCJK", "pa": "NotoSansGurmukhi"}
    assert expected.get(language, "NotoSans") in pdf_fonts(pdf, tmp_path)


def test_an_internal_brief_pdf_has_exact_counts_and_its_download_is_audited(analyst: User, tmp_path: Path) -> None:
    brief_reports()
    brief = brief_create(actor=analyst, selection=TWO_YEARS, language="en", audience=Brief.Audience.INTERNAL)

    pdf, _seconds = download(analyst, brief)

    text = words(pdf_text(pdf, tmp_path))
    assert "INTERNAL BRIEF: EXACT COUNTS, NOT FOR PUBLICATION" in text  # upper case by the stylesheet
    assert "El Dorado 4 6.1 %" in text
    assert "Women and girls were 2.6 times as likely to be targeted as men and boys" in text
    exports = AuditEvent.objects.filter(action="statistics.exact_export", target_type="insights.brief").order_by("pk")
    assert [event.details["output"] for event in exports] == ["brief_create", "brief_pdf"]


def test_a_published_brief_pdf_is_drawn_once_and_then_served_from_the_cache(analyst: User) -> None:
    from django.test import Client

    from safecommunity.insights.services_briefs import brief_publish

    brief_reports()
    brief = brief_publish(
        actor=analyst, brief=brief_create(actor=analyst, selection=TWO_YEARS, language="en", audience="public")
    )
    url = reverse("insights:published_brief_pdf", args=[brief.public_id])

    first = Client().get(url)
    started = time.perf_counter()
    second = Client().get(url)

    assert time.perf_counter() - started < 1
    assert first.status_code == second.status_code == 200
    assert first["Content-Disposition"].startswith("attachment;")
    assert first.content == second.content
