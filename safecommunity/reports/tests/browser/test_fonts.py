"""Every language is drawn with real letters, never empty boxes ("tofu").

Chromium tells us, through the DevTools protocol, which installed fonts it used for an element's text;
fontconfig tells us which characters each of those fonts has. Each language's name in the language
switcher is written in its own script (``a[lang=pa]`` shows ਪੰਜਾਬੀ), so the check does not wait for the
translations; the page's heading is checked as well, and held to its script's font once it is translated.
"""

from __future__ import annotations

import shutil
import subprocess
import unicodedata
from functools import cache

import pytest
from playwright.sync_api import CDPSession, Page, expect
from pytest_django.live_server_helper import LiveServer

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("transactional_db")]

# The font each language must be drawn with, where a wrong choice would show: Chinese, Japanese and
# Korean share characters whose shapes differ, so each needs its own regional cut of Noto Sans CJK.
EXPECTED_FONT = {
    "zh-hans": "Noto Sans CJK SC",
    "zh-hant": "Noto Sans CJK TC",
    "ja": "Noto Sans CJK JP",
    "ko": "Noto Sans CJK KR",
    "ar": "Arabic",
    "pa": "Gurmukhi",
}
# A character from one of these Unicode blocks shows that a heading has been translated.
SCRIPT = {
    "zh-hans": ("CJK UNIFIED",),
    "zh-hant": ("CJK UNIFIED",),
    "ja": ("CJK UNIFIED", "HIRAGANA", "KATAKANA"),
    "ko": ("HANGUL",),
    "ar": ("ARABIC",),
    "pa": ("GURMUKHI",),
}
LANGUAGES = ["en", "es", "fr", "zh-hans", "zh-hant", "vi", "ko", "tl", "hmn", "ja", "ar", "pa"]
LAST_RESORT = ("last resort", "lastresort", "tofu", "notdef", "adobe blank")


@cache
def characters_in_font(postscript_name: str, family: str) -> frozenset[int]:
    fc_list = shutil.which("fc-list")
    assert fc_list, "fc-list (fontconfig) is missing: run `scripts/ensure-system-packages browser`"
    ranges = ""
    for pattern in (f":postscriptname={postscript_name}", f":family={family}"):
        ranges = subprocess.run(
            [fc_list, "-f", "%{charset}\n", pattern], capture_output=True, text=True, check=True
        ).stdout.split("\n", 1)[0]
        if ranges:
            break
    assert ranges, f"fontconfig does not know the font Chromium used: {family} ({postscript_name})"
    covered: set[int] = set()
    for part in ranges.split():
        first, _, last = part.partition("-")
        covered.update(range(int(first, 16), int(last or first, 16) + 1))
    return frozenset(covered)


def fonts_for(cdp: CDPSession, selector: str) -> list[dict[str, object]]:
    root = cdp.send("DOM.getDocument", {"depth": 0})["root"]["nodeId"]
    node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
    assert node, f"nothing matches {selector}"
    fonts: list[dict[str, object]] = cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
    return fonts


def assert_drawn_with_real_fonts(page: Page, cdp: CDPSession, selector: str, expected: str | None) -> None:
    text = page.locator(selector).inner_text()
    fonts = fonts_for(cdp, selector)
    used = ", ".join(f"{font['familyName']} ({font['glyphCount']} glyphs)" for font in fonts)
    assert fonts, f"{selector} ({text!r}) on {page.url} was drawn with no font at all"
    for font in fonts:
        name = f"{font['familyName']} {font['postScriptName']}".lower()
        assert not any(marker in name for marker in LAST_RESORT), f"{selector} fell back to a last-resort font: {used}"
    covered = frozenset().union(
        *(characters_in_font(str(font["postScriptName"]), str(font["familyName"])) for font in fonts)
    )
    missing = sorted(
        {ch for ch in text if not ch.isspace() and unicodedata.category(ch) != "Cf" and ord(ch) not in covered}
    )
    assert not missing, f"{selector} on {page.url} shows empty boxes: no font used ({used}) has " + ", ".join(
        f"U+{ord(ch):04X} {unicodedata.name(ch, '?')}" for ch in missing
    )
    if expected:
        assert any(expected in str(font["familyName"]) for font in fonts), (
            f"{selector} ({text!r}) on {page.url} should be drawn with {expected}, but used {used}"
        )


def in_its_own_script(text: str, language: str) -> bool:
    blocks = SCRIPT.get(language)
    return blocks is not None and any(unicodedata.name(ch, "").startswith(blocks) for ch in text)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_language_is_drawn_with_real_letters(page: Page, live_server: LiveServer, language: str) -> None:
    response = page.goto(f"{live_server.url}/{language}/")
    assert response is not None and response.status == 200, (
        f"/{language}/ answered {response.status if response else 'nothing'}; Django serves a language only once "
        "its catalogue is compiled: run `make messages` (the Makefile does this before pytest)"
    )
    expect(page.locator("html")).to_have_attribute("lang", language)
    page.locator("details.languages > summary").click()
    own_name = f"details.languages a[lang={language}]"
    expect(page.locator(own_name)).to_be_visible()

    cdp = page.context.new_cdp_session(page)
    try:
        cdp.send("DOM.enable")
        cdp.send("CSS.enable")
        assert_drawn_with_real_fonts(page, cdp, own_name, EXPECTED_FONT.get(language))
        heading = page.locator("h1").inner_text()
        translated = in_its_own_script(heading, language)
        assert_drawn_with_real_fonts(page, cdp, "h1", EXPECTED_FONT.get(language) if translated else None)
    finally:
        cdp.detach()
