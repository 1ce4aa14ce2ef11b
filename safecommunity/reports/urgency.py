"""Urgency flags: raised automatically when a report is stored, and explained on the triage screen.

A flag is a stable code; its explanation is a translated sentence. The words
that raised a flag come from the description (personal data), so they are
shown only to people who may see personal data.

Descriptions are matched against the word lists of every language the form
supports, whatever language the description was detected as: the language is
detected after the report is stored, and people mix languages. Latin-script
words match whole words (a trailing ``*`` matches any ending) after accents are
folded, so "bi thuong" matches "bị thương"; words in other scripts match
anywhere in the text, as words there carry particles and endings.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from django.utils.translation import gettext_lazy as _

from safecommunity.reports.urgency_words import (
    IMMEDIATE_DANGER_WORDS,
    INJURY_WORDS,
    MINOR_WORDS,
    ONGOING_THREAT_WORDS,
    SCHOOL_CHILD_WORDS,
    SELF_HARM_WORDS,
)

SELF_HARM = "self_harm"
IMMEDIATE_DANGER = "immediate_danger"
PHYSICAL_INJURY = "physical_injury"
ONGOING_THREAT = "ongoing_threat"
MINOR_INVOLVED = "minor_involved"
CALLBACK_REQUESTED = "callback_requested"

# Most serious first; the weight orders the triage queue (a report's weights are added up).
FLAG_WEIGHTS: dict[str, int] = {
    SELF_HARM: 16,
    IMMEDIATE_DANGER: 16,
    PHYSICAL_INJURY: 8,
    ONGOING_THREAT: 8,
    MINOR_INVOLVED: 4,
    CALLBACK_REQUESTED: 2,
}
FLAG_CODES: tuple[str, ...] = tuple(FLAG_WEIGHTS)

FLAG_LABELS = {
    SELF_HARM: _("Possible self-harm"),
    IMMEDIATE_DANGER: _("Possible immediate danger"),
    PHYSICAL_INJURY: _("Physical injury"),
    ONGOING_THREAT: _("Ongoing threat"),
    MINOR_INVOLVED: _("A minor is involved"),
    CALLBACK_REQUESTED: _("Call-back requested"),
}

# "12 years old" in the form's languages: a stated age under 18 means a minor.
_AGE_PATTERNS = tuple(
    re.compile(pattern, re.IGNORECASE)
    for pattern in (
        r"(\d{1,2})\s*-?\s*(?:years?|yrs?)\s*-?\s*old",
        r"(\d{1,2})\s*(?:años|ans|tuổi|taong gulang|taon|xyoo)",
        r"(\d{1,2})\s*(?:岁|歲|살|세|歳)",
        r"(?:عمره|عمرها|عمر)\s*(\d{1,2})",
        r"(\d{1,2})\s*(?:ਸਾਲ)",
    )
)


@dataclass(frozen=True)
class RaisedFlag:
    """One urgency flag with why it was raised. ``matched`` (words from the description) is personal data."""

    code: str
    label: str
    explanation: str
    matched: tuple[str, ...] = ()

    @property
    def weight(self) -> int:
        return FLAG_WEIGHTS.get(self.code, 0)


_LETTER_VARIANTS = str.maketrans("أإآىة’đ", "ااايه'd")


@lru_cache(maxsize=16)  # one report's description is folded once for all the word lists
def fold_text(text: str) -> str:
    """Lower case, Arabic diacritics and letter variants unified, Latin accents removed (đ → d)."""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = re.sub("[\u064b-\u0652\u0640]", "", text)
    text = text.translate(_LETTER_VARIANTS)
    decomposed = unicodedata.normalize("NFD", text)
    kept: list[str] = []
    for char in decomposed:
        if unicodedata.combining(char):
            base = kept[-1] if kept else ""
            # Latin accents go; marks that are letters' parts in other scripts (Gurmukhi, Hangul jamo) stay.
            if base and base.isascii():
                continue
        kept.append(char)
    return unicodedata.normalize("NFC", "".join(kept))


def _is_latin(word: str) -> bool:
    return all(char.isascii() or not char.isalpha() or "LATIN" in unicodedata.name(char, "") for char in word)


@cache
def _matcher(words: tuple[str, ...]) -> list[tuple[str, re.Pattern[str]]]:
    compiled = []
    for word in words:
        stem = word.endswith("*")
        folded = fold_text(word.rstrip("*"))
        if _is_latin(word):
            pattern = r"(?<!\w)" + re.escape(folded) + (r"\w*" if stem else r"(?!\w)")
        else:
            pattern = re.escape(folded)
        compiled.append((word.rstrip("*"), re.compile(pattern)))
    return compiled


def _all_words(lists: Mapping[str, tuple[str, ...]]) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for words in lists.values():
        for word in words:
            seen.setdefault(word, None)
    return tuple(seen)


_TOKEN = re.compile(r"\w+")


@dataclass(frozen=True)
class _Entry:
    word: str  # as listed, shown to staff
    kind: str  # "token": a whole word; "stem": a word's beginning; "text": anywhere (scripts without spaces)
    folded: str
    pattern: re.Pattern[str] | None = None  # for phrases of several words
    # A phrase's whole words: it cannot match unless the text has them all (checked before the pattern).
    parts: frozenset[str] = frozenset()


def _entries(words: tuple[str, ...]) -> tuple[_Entry, ...]:
    entries: dict[str, _Entry] = {}  # keyed by what is searched: two spellings of one word are shown once
    for (word, pattern), listed in zip(_matcher(words), words, strict=True):
        folded = fold_text(listed.rstrip("*"))
        if not _is_latin(listed):
            entry = _Entry(word, "text", folded)
        elif _TOKEN.fullmatch(folded):
            entry = _Entry(word, "stem" if listed.endswith("*") else "token", folded)
        else:
            whole = _TOKEN.findall(folded)[: -1 if listed.endswith("*") else None]
            entry = _Entry(word, "phrase", folded, pattern, frozenset(whole))
        entries.setdefault(pattern.pattern, entry)
    return tuple(entries.values())


@dataclass(frozen=True)
class _Lookup:
    """One word list arranged for lookups: whole words and beginnings by dictionary, the rest scanned."""

    words: tuple[str, ...]  # every entry's word, in the list's order (the order they are shown in)
    tokens: dict[str, int]  # a whole word -> its entry
    stems: dict[int, dict[str, int]]  # a length -> a word's beginning of that length -> its entry
    texts: tuple[tuple[int, str], ...]  # non-Latin words, found anywhere
    # Phrases by their longest whole word: only those whose word is in the text are tried.
    phrases: dict[str, tuple[_Phrase, ...]]


_Phrase = tuple[int, frozenset[str], re.Pattern[str]]


def _lookup(entries: tuple[_Entry, ...]) -> _Lookup:
    tokens: dict[str, int] = {}
    stems: dict[int, dict[str, int]] = {}
    texts: list[tuple[int, str]] = []
    phrases: dict[str, list[_Phrase]] = {}
    for index, entry in enumerate(entries):
        if entry.kind == "token":
            tokens.setdefault(entry.folded, index)
        elif entry.kind == "stem":
            stems.setdefault(len(entry.folded), {}).setdefault(entry.folded, index)
        elif entry.kind == "text":
            texts.append((index, entry.folded))
        elif entry.pattern is not None:
            key = max(entry.parts, key=len, default="")
            phrases.setdefault(key, []).append((index, entry.parts, entry.pattern))
    return _Lookup(
        tuple(entry.word for entry in entries),
        tokens,
        stems,
        tuple(texts),
        {key: tuple(listed) for key, listed in phrases.items()},
    )


# The word lists are module constants: they are prepared once per list, not per report.
_PREPARED: dict[int, _Lookup] = {}


def _prepared(lists: Mapping[str, tuple[str, ...]]) -> _Lookup:
    prepared = _PREPARED.get(id(lists))
    if prepared is None:
        prepared = _PREPARED[id(lists)] = _lookup(_entries(_all_words(lists)))
    return prepared


@lru_cache(maxsize=16)  # one description is split once for all the word lists
def _words_of(folded: str) -> frozenset[str]:
    return frozenset(_TOKEN.findall(folded))


@lru_cache(maxsize=64)
def _beginnings_of(folded: str, length: int) -> frozenset[str]:
    return frozenset(token[:length] for token in _words_of(folded) if len(token) >= length)


def matched_words(text: str, lists: Mapping[str, tuple[str, ...]]) -> tuple[str, ...]:
    """The listed words (in any language) found in ``text``, each once.

    Words of Latin-script languages match whole words (or a word's beginning when
    listed with ``*``); words of other scripts match anywhere, since Chinese,
    Japanese and often Korean do not separate words by spaces.
    """
    if not text:
        return ()
    folded = fold_text(text)
    lookup = _prepared(lists)
    tokens = _words_of(folded)
    hits = {lookup.tokens[token] for token in tokens if token in lookup.tokens}
    for length, beginnings in lookup.stems.items():
        hits.update(beginnings[start] for start in _beginnings_of(folded, length) if start in beginnings)
    # Words of other scripts cannot be in a text written only in ASCII (accents are already folded away).
    if not folded.isascii():
        hits.update(index for index, word in lookup.texts if word in folded)
    for key in ("", *(token for token in tokens if token in lookup.phrases)):
        hits.update(
            index
            for index, parts, pattern in lookup.phrases.get(key, ())
            if parts <= tokens and pattern.search(folded) is not None
        )
    return tuple(lookup.words[index] for index in sorted(hits))


def stated_minor_ages(text: str) -> tuple[str, ...]:
    found = []
    for pattern in _AGE_PATTERNS:
        for match in pattern.finditer(text):
            if int(match.group(1)) < 18:
                found.append(match.group(0))
    return tuple(found)


def _callback_requested(may_contact: bool, contact_methods: Iterable[str]) -> bool:
    return bool(may_contact) and bool({"phone", "text"} & set(contact_methods))


def raise_flags(
    *,
    incident_types: Sequence[str] = (),
    description: str = "",
    age_group: str = "",
    location_type: str = "",
    may_contact: bool = False,
    contact_methods: Sequence[str] = (),
) -> list[RaisedFlag]:
    """Every urgency flag a report's fields call for, most serious first, each with its explanation."""
    flags: list[RaisedFlag] = []
    words = matched_words(description, SELF_HARM_WORDS)
    if words:
        flags.append(
            RaisedFlag(
                SELF_HARM,
                str(FLAG_LABELS[SELF_HARM]),
                str(_("The description contains words that can signal thoughts of self-harm.")),
                words,
            )
        )
    words = matched_words(description, IMMEDIATE_DANGER_WORDS)
    if words:
        flags.append(
            RaisedFlag(
                IMMEDIATE_DANGER,
                str(FLAG_LABELS[IMMEDIATE_DANGER]),
                str(_("The description contains words that can signal a weapon or a danger happening now.")),
                words,
            )
        )
    words = matched_words(description, INJURY_WORDS)
    if "physical_assault" in incident_types or words:
        explanation = (
            _("The report says the person was physically assaulted.")
            if "physical_assault" in incident_types
            else _("The description contains words about an injury or a physical attack.")
        )
        flags.append(RaisedFlag(PHYSICAL_INJURY, str(FLAG_LABELS[PHYSICAL_INJURY]), str(explanation), words))
    words = matched_words(description, ONGOING_THREAT_WORDS)
    if "threat" in incident_types or words:
        explanation = (
            _("The report names a threat of violence.")
            if "threat" in incident_types
            else _("The description suggests the harassment is repeated or still going on.")
        )
        flags.append(RaisedFlag(ONGOING_THREAT, str(FLAG_LABELS[ONGOING_THREAT]), str(explanation), words))
    minor_words = matched_words(description, MINOR_WORDS) + stated_minor_ages(description)
    if location_type == "school":
        minor_words += matched_words(description, SCHOOL_CHILD_WORDS)
    if age_group == "under_18" or minor_words:
        explanation = (
            _("The person targeted is under 18.")
            if age_group == "under_18"
            else _("The description suggests a child or teenager was involved.")
        )
        flags.append(RaisedFlag(MINOR_INVOLVED, str(FLAG_LABELS[MINOR_INVOLVED]), str(explanation), minor_words))
    if _callback_requested(may_contact, contact_methods):
        flags.append(
            RaisedFlag(
                CALLBACK_REQUESTED,
                str(FLAG_LABELS[CALLBACK_REQUESTED]),
                str(_("The reporter asked to be called or sent a text message.")),
            )
        )
    return flags


def flag_codes(fields: Mapping[str, Any]) -> list[str]:
    """The flag codes to store with a report, from its field values (a draft's or an imported row's)."""
    return [
        flag.code
        for flag in raise_flags(
            incident_types=fields.get("incident_types") or (),
            description=fields.get("description") or "",
            age_group=fields.get("age_group") or "",
            location_type=fields.get("location_type") or "",
            may_contact=bool(fields.get("may_contact")),
            contact_methods=fields.get("contact_methods") or (),
        )
    ]


def explain_report_flags(report: Any) -> list[RaisedFlag]:
    """The flags stored with a report, explained (recomputed from its fields; decrypts the description)."""
    stored = set(report.urgency_flags or ())
    raised = raise_flags(
        incident_types=report.incident_types or (),
        description=report.description or "",
        age_group=report.age_group,
        location_type=report.location_type,
        may_contact=report.may_contact,
        contact_methods=report.contact_methods or (),
    )
    explained = [flag for flag in raised if flag.code in stored]
    # A flag stored earlier that the fields no longer call for is still shown, without words.
    known = {flag.code for flag in explained}
    for code in FLAG_CODES:
        if code in stored and code not in known:
            explained.append(
                RaisedFlag(code, str(FLAG_LABELS[code]), str(_("This flag was raised when the report was stored.")))
            )
    return sorted(explained, key=lambda flag: -flag.weight)


def flag_labels(codes: Iterable[str]) -> list[tuple[str, str]]:
    """(code, translated label) for stored flag codes, most serious first; no personal data."""
    return [(code, str(FLAG_LABELS[code])) for code in FLAG_CODES if code in set(codes)]


def flag_weight(codes: Iterable[str]) -> int:
    return sum(FLAG_WEIGHTS.get(code, 0) for code in set(codes))
