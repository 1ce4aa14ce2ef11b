"""Guess the language of free text (a report's description) so staff know which
interpreter to call.

Scripts settle most languages at once (Hangul, kana, Gurmukhi, Arabic…);
Lingua separates the Latin-script ones it knows; Hmong (RPA), which Lingua
does not know, is recognised by its very common function words and tone-letter
word endings. Returns a language code (BCP 47, lower case) or "" when unsure.
"""

from __future__ import annotations

import re
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


_LANGUAGES_BY_SCRIPT = {
    "LATIN": ("ENGLISH", "FRENCH", "SPANISH", "VIETNAMESE", "TAGALOG", "PORTUGUESE", "GERMAN", "ITALIAN",
              "INDONESIAN", "MALAY", "SOMALI", "SWAHILI", "TURKISH", "POLISH"),
    "ARABIC": ("ARABIC", "PERSIAN", "URDU"),
    "CYRILLIC": ("RUSSIAN", "UKRAINIAN"),
    "DEVANAGARI": ("HINDI",),
}  # fmt: skip


@cache
def _lingua_detector(script: str) -> Any:
    from lingua import Language, LanguageDetectorBuilder

    # Only the languages written in the text's script: fewer models to weigh, same answer.
    languages = [getattr(Language, name) for name in _LANGUAGES_BY_SCRIPT[script]]
    if len(languages) == 1:
        languages.append(Language.ENGLISH)
    # Low-accuracy mode (trigrams only) loads in milliseconds instead of seconds and is
    # reliable on sentences, which is what descriptions are.
    return LanguageDetectorBuilder.from_languages(*languages).with_low_accuracy_mode().build()


_SCRIPTS = {
    "HAN": re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]"),
    "KANA": re.compile(r"[\u3040-\u30ff\u31f0-\u31ff]"),
    "HANGUL": re.compile(r"[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]"),
    "GURMUKHI": re.compile(r"[\u0a00-\u0a7f]"),
    "THAI": re.compile(r"[\u0e00-\u0e7f]"),
    "LAO": re.compile(r"[\u0e80-\u0eff]"),
    "KHMER": re.compile(r"[\u1780-\u17ff]"),
    "MYANMAR": re.compile(r"[\u1000-\u109f]"),
    "HEBREW": re.compile(r"[\u0590-\u05ff]"),
    "ARABIC": re.compile(r"[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]"),
    "CYRILLIC": re.compile(r"[\u0400-\u04ff]"),
    "DEVANAGARI": re.compile(r"[\u0900-\u097f]"),
    "LATIN": re.compile(r"[A-Za-z\u00c0-\u024f\u1e00-\u1eff]"),
}


def _script_counts(text: str) -> dict[str, int]:
    counts = {script: len(pattern.findall(text)) for script, pattern in _SCRIPTS.items()}
    return {script: count for script, count in counts.items() if count}


def _chinese_variant(text: str) -> str:
    traditional = sum(1 for char in text if char in _TRADITIONAL_ONLY)
    simplified = sum(1 for char in text if char in _SIMPLIFIED_ONLY)
    return "zh-hant" if traditional > simplified else "zh-hans"


def _looks_hmong(words: list[str]) -> bool:
    if len(words) < 3:
        return False
    hits = sum(1 for word in words if word in _HMONG_WORDS)
    return hits / len(words) >= 0.25


# The first 300 characters (three or four sentences) tell the language as well as whole pages: Lingua's trigram
# model is sure long before that. Detection runs while the report is stored, and costs in proportion to the sample.
SAMPLE_LENGTH = 300


def detect_language(text: str) -> str:
    text = text.strip()[:SAMPLE_LENGTH]
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
    if script in _LANGUAGES_BY_SCRIPT:
        language = _lingua_detector(script).detect_language_of(text)
        if language is None:
            return ""
        return _LINGUA_CODES.get(language.name, "")
    return ""
