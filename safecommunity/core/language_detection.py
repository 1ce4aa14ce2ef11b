"""Guess the language of free text (a report's description) so staff know which
interpreter to call.

Scripts settle most languages at once (Hangul, kana, Gurmukhi, Arabic…);
Lingua separates the Latin-script ones it knows; Hmong (RPA), which Lingua
does not know, is recognised by its very common function words and tone-letter
word endings. Returns a language code (BCP 47, lower case) or "" when unsure.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from typing import Any

# Characters that exist only in one of the two Chinese scripts, among the commonest.
_TRADITIONAL_ONLY = set(
    "們說這個來時會對後過還問麼國學發現點樣經際體開與無聽語興買務邊東車門員間雙關題報辦線種區錢傷難話讓歲聯將給變頭應電無親請誰為雖於從網險醫護傳亞裔罵打攻擊"
)
_SIMPLIFIED_ONLY = set(
    "们说这个来时会对后过还问么国学发现点样经际体开与无听语兴买务边东车门员间双关题报办线种区钱伤难话让岁联将给变头应电亲请谁为虽于从网险医护传亚裔骂击"
)
_HMONG_WORDS = {
    "kuv",
    "koj",
    "nws",
    "peb",
    "nej",
    "lawv",
    "thiab",
    "tsis",
    "muaj",
    "yog",
    "hais",
    "los",
    "mus",
    "tau",
    "rau",
    "ntawm",
    "hauv",
    "ib",
    "tus",
    "neeg",
    "lub",
    "cov",
    "kev",
    "txog",
    "thaum",
    "nyob",
    "zoo",
    "ua",
    "qhov",
    "tuaj",
    "txhob",
    "ntaus",
    "ntshai",
    "tsheb",
    "khw",
    "hmoob",
    "vim",
    "tias",
    "kom",
    "tab",
    "sis",
}
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)

# Languages Lingua should consider: the form's languages and those commonly
# spoken by the communities the coalitions serve.
_LINGUA_LANGUAGES = (
    "ENGLISH",
    "FRENCH",
    "SPANISH",
    "VIETNAMESE",
    "TAGALOG",
    "PORTUGUESE",
    "GERMAN",
    "ITALIAN",
    "INDONESIAN",
    "MALAY",
    "SOMALI",
    "SWAHILI",
    "TURKISH",
    "POLISH",
    "RUSSIAN",
    "UKRAINIAN",
    "ARABIC",
    "PERSIAN",
    "URDU",
    "HINDI",
)
_LINGUA_CODES = {
    "ENGLISH": "en",
    "FRENCH": "fr",
    "SPANISH": "es",
    "VIETNAMESE": "vi",
    "TAGALOG": "tl",
    "PORTUGUESE": "pt",
    "GERMAN": "de",
    "ITALIAN": "it",
    "INDONESIAN": "id",
    "MALAY": "ms",
    "SOMALI": "so",
    "SWAHILI": "sw",
    "TURKISH": "tr",
    "POLISH": "pl",
    "RUSSIAN": "ru",
    "UKRAINIAN": "uk",
    "ARABIC": "ar",
    "PERSIAN": "fa",
    "URDU": "ur",
    "HINDI": "hi",
}


@cache
def _lingua_detector() -> Any:
    from lingua import Language, LanguageDetectorBuilder

    languages = [getattr(Language, name) for name in _LINGUA_LANGUAGES]
    # Low-accuracy mode (trigrams only) loads in milliseconds instead of seconds and is
    # reliable on sentences, which is what descriptions are.
    return LanguageDetectorBuilder.from_languages(*languages).with_low_accuracy_mode().build()


def _script_counts(text: str) -> dict[str, int]:
    counts: dict[str, int] = {}
    for char in text:
        if not char.isalpha():
            continue
        name = unicodedata.name(char, "")
        script = name.split(" ", 1)[0] if name else ""
        if script == "CJK":
            script = "HAN"
        elif script in {"HIRAGANA", "KATAKANA"}:
            script = "KANA"
        elif script == "HANGUL":
            script = "HANGUL"
        counts[script] = counts.get(script, 0) + 1
    return counts


def _chinese_variant(text: str) -> str:
    traditional = sum(1 for char in text if char in _TRADITIONAL_ONLY)
    simplified = sum(1 for char in text if char in _SIMPLIFIED_ONLY)
    return "zh-hant" if traditional > simplified else "zh-hans"


def _looks_hmong(words: list[str]) -> bool:
    if len(words) < 3:
        return False
    hits = sum(1 for word in words if word in _HMONG_WORDS)
    return hits / len(words) >= 0.25


def detect_language(text: str) -> str:
    text = text.strip()
    if len(text) < 3:
        return ""
    counts = _script_counts(text)
    if not counts:
        return ""
    script = max(counts, key=lambda name: counts[name])
    if counts.get("KANA"):
        return "ja"
    if counts.get("HANGUL", 0) >= counts.get("HAN", 0) and counts.get("HANGUL"):
        return "ko"
    by_script = {"GURMUKHI": "pa", "THAI": "th", "KHMER": "km", "LAO": "lo", "MYANMAR": "my", "HEBREW": "he"}
    if script in by_script:
        return by_script[script]
    if script == "HAN":
        return _chinese_variant(text)
    words = [word.lower() for word in _WORD.findall(text)]
    if script == "LATIN" and _looks_hmong(words):
        return "hmn"
    if script in {"LATIN", "ARABIC", "CYRILLIC", "DEVANAGARI"}:
        language = _lingua_detector().detect_language_of(text)
        if language is None:
            return ""
        return _LINGUA_CODES.get(language.name, "")
    return ""
