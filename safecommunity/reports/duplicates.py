"""Duplicate suggestions: reports that likely describe the same incident, with the reasons.

Two reports are compared only when a coordinator would have to tell them apart:
dates within two weeks (a month-only date counts as any day of the month),
the same region or both online. The score adds up evidence:

- the same photo or document (identical SHA-256 of the cleaned file): strong;
- dates close together, the same time of day and kind of place, overlapping
  incident types and targeted groups (different ones count against);
- places that read alike once written in Latin letters (``anyascii``);
- descriptions that read alike: character n-grams of the transliterated text
  (same language or script), numbers both mention (bus lines, times, street
  numbers, phone numbers), names both mention (words in Latin letters that are
  capitalised, or any Latin word inside a text in another script), and shared
  concepts from a small multilingual vocabulary of incidents (bus, spat,
  "go back to your country"…) so a Korean and an English account of the same
  morning can meet.

The threshold was chosen on the labelled set in ``data/duplicate_pairs.json``
(see ``bench/duplicates_eval.py``). Everything here is pure: ``score_pair``
works on ``IncidentFacts``; ``duplicate_suggestions`` loads them from the database.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from anyascii import anyascii
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from safecommunity.reports.duplicate_concepts import CONCEPTS
from safecommunity.reports.urgency import matched_words

WINDOW_DAYS = 14
# Chosen on the labelled set: precision first (a wrong merge costs more than a missed suggestion).
SUGGESTION_THRESHOLD = 0.55
# Weights of the evidence; they are round numbers on purpose (they were not fitted to the labelled set).
W_SAME_ATTACHMENT = 1.0
W_DAY_SAME, W_DAY_NEXT, W_DAYS_FEW, W_DAYS_FAR = 0.2, 0.15, 0.05, -0.1
W_MONTH_OVERLAP = 0.08
W_TIME_SAME, W_TIME_DIFFERENT = 0.05, -0.15
W_LOCATION_SAME, W_LOCATION_DIFFERENT = 0.05, -0.15
W_TYPES = 0.1
W_TYPES_DISJOINT = -0.15
W_ETHNICITY_SAME, W_ETHNICITY_DIFFERENT = 0.05, -0.2
W_PLACE = 0.15
W_TEXT = 0.4
W_NUMBER, MAX_NUMBERS = 0.12, 0.24
W_NAME, MAX_NAMES = 0.08, 0.24
W_CONCEPTS = 0.3

REASON_TEXTS: dict[str, Promise] = {
    "same_attachment": _("Both reports have the same photo or document."),
    "same_day": _("Both happened on the same day."),
    "close_days": _("The dates are at most three days apart."),
    "same_month": _("One report gives only the month, and the other date falls in it."),
    "same_region": _("Both happened in the same region."),
    "both_online": _("Both happened online."),
    "same_time_of_day": _("Both happened at the same time of day."),
    "same_location_type": _("Both happened at the same kind of place."),
    "same_incident_types": _("They describe the same kind of incident."),
    "same_ethnicities": _("The same group was targeted."),
    "similar_place": _("The places given are alike."),
    "similar_description": _("The descriptions are worded alike."),
    "shared_numbers": _("The descriptions mention the same numbers (such as a bus line, a time or a street number)."),
    "shared_names": _("The descriptions mention the same names of places, people or accounts."),
    "shared_concepts": _("The descriptions tell of the same things, even in different languages."),
}


@dataclass(frozen=True)
class IncidentFacts:
    """What the comparison needs from a report (decrypted place and description included)."""

    key: Any
    occurred_on: dt.date
    occurred_precision: str = "day"
    region: Any = None
    online: bool = False
    location_type: str = ""
    time_of_day: str = ""
    incident_types: frozenset[str] = frozenset()
    targeted_ethnicities: frozenset[str] = frozenset()
    place: str = ""
    description: str = ""
    attachment_hashes: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Reason:
    code: str
    # Numbers or names from the descriptions: personal data, shown only to those who may see it.
    details: tuple[str, ...] = ()

    @property
    def text(self) -> str:
        return str(REASON_TEXTS[self.code])


@dataclass(frozen=True)
class PairScore:
    score: float
    reasons: tuple[Reason, ...] = field(default_factory=tuple)

    @property
    def likely_duplicate(self) -> bool:
        return self.score >= SUGGESTION_THRESHOLD


def _span(facts: IncidentFacts) -> tuple[dt.date, dt.date]:
    if facts.occurred_precision != "month":
        return facts.occurred_on, facts.occurred_on
    first = facts.occurred_on.replace(day=1)
    following = (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return first, following - dt.timedelta(days=1)


def day_gap(a: IncidentFacts, b: IncidentFacts) -> int:
    """Days between the two dates (0 when a month-only date contains the other)."""
    (a_start, a_end), (b_start, b_end) = _span(a), _span(b)
    return max((b_start - a_end).days, (a_start - b_end).days, 0)


def may_be_same_incident(a: IncidentFacts, b: IncidentFacts) -> bool:
    """The candidates rule: within two weeks, and the same region or both online."""
    if day_gap(a, b) > WINDOW_DAYS:
        return False
    if a.online or b.online:
        return a.online and b.online
    return a.region is not None and a.region == b.region


# --- Text features -------------------------------------------------------------------------------------------------

_NON_LATIN_SCRIPT = re.compile(r"[^\x00-\u024f\u1e00-\u1eff]")
_LATIN_WORD = re.compile(r"[A-Za-z\u00c0-\u024f\u1e00-\u1eff][\w'’\-]*[\w]|[A-Za-z]\b")
_NUMBER = re.compile(r"\d+(?:[:.h]\d{2})?(?:-\d+)*")
_NAME_STOPWORDS = frozenset(
    """the a an and but our my his her their this that these those there then when while after before at on in of
    to from by for with i we he she they it you mr mrs ms dr street st avenue ave road rd boulevard blvd way drive dr
    highway hwy lane ln court ct station stop line bus light rail park mall center centre school store market
    restaurant church apartments apartment middle high elementary senior north south east west saturday sunday
    monday tuesday wednesday thursday friday january february march april may june july august september october
    november december asian chinese korean japanese vietnamese filipino filipina hmong hmoob american black white
    latina latino sikh muslim arab african valentine's valentines lunar new year tonight today yesterday morning
    afternoon evening night am pm go back home ok saw someone account user walking kuv nws peb cov tus ib thiab
    hais lub sa ang ng mga ko ako siya noong tôi chúng một có và của người đã là el la los las un una de del en y
    que me mi le les des du au aux et je il elle""".split()  # noqa: SIM905 - easier to read and extend as prose
)
_YEAR = re.compile(r"^(?:19|20)\d\d$")


@cache
def _ascii(text: str) -> str:
    return anyascii(text).lower()


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", _ascii(text))


def _trigram_vector(text: str) -> Counter[str]:
    grams: Counter[str] = Counter()
    for word in _words(text):
        if len(word) < 3 or word.isdigit():
            continue
        padded = f" {word} "
        grams.update(padded[i : i + 3] for i in range(len(padded) - 2))
    return grams


def _cosine(a: Counter[str], b: Counter[str]) -> float:
    if not a or not b:
        return 0.0
    dot = sum(count * b[gram] for gram, count in a.items() if gram in b)
    return dot / (math.sqrt(sum(v * v for v in a.values())) * math.sqrt(sum(v * v for v in b.values())))


def _script_group(text: str) -> str:
    """The main script family of a text, so n-grams are compared only between texts in the same script."""
    letters = [char for char in text if char.isalpha()]
    if not letters:
        return ""
    non_latin = sum(1 for char in letters if _NON_LATIN_SCRIPT.match(char))
    if non_latin * 2 < len(letters):
        return "latin"
    for char in letters:
        if _NON_LATIN_SCRIPT.match(char):
            code = ord(char)
            if 0xAC00 <= code <= 0xD7AF or 0x1100 <= code <= 0x11FF:
                return "hangul"
            if 0x3040 <= code <= 0x30FF:
                return "kana"
            if 0x4E00 <= code <= 0x9FFF:
                return "han"
            if 0x0600 <= code <= 0x06FF:
                return "arabic"
            if 0x0A00 <= code <= 0x0A7F:
                return "gurmukhi"
    return "other"


def numbers(text: str) -> frozenset[str]:
    """Distinctive numbers: two digits or more, times and numbers with dashes (a phone, a plate); not years."""
    text = anyascii(text)
    found = set()
    for match in _NUMBER.finditer(text):
        value = match.group(0).replace(".", ":").replace("h", ":")
        digits = re.sub(r"\D", "", value)
        if _YEAR.match(value) or len(digits) < 2:
            continue
        found.add(value)
    return frozenset(found)


def names(text: str) -> frozenset[str]:
    """Words that are most likely names: capitalised Latin words not opening a sentence, any Latin word of three
    letters or more in a text written in another script, and handles such as patriot_1776."""
    found: set[str] = set()
    non_latin_text = _script_group(text) not in ("latin", "")
    for sentence in re.split(r"(?<=[.!?。！？])\s*", text):
        for index, match in enumerate(_LATIN_WORD.finditer(sentence)):
            word = match.group(0)
            plain = _ascii(word).strip("'-")
            if len(plain) < 3 or plain in _NAME_STOPWORDS:
                continue
            if non_latin_text or "_" in word or (index > 0 and word[0].isupper()) or any(c.isdigit() for c in word):
                found.add(plain)
    for handle in re.findall(r"\b\w+_\w+\b", text):
        found.add(_ascii(handle))
    return frozenset(found)


def concepts(text: str) -> frozenset[str]:
    return frozenset(concept for concept, words in CONCEPTS.items() if matched_words(text, words))


@dataclass(frozen=True)
class _TextFeatures:
    script: str
    grams: Counter[str]
    numbers: frozenset[str]
    names: frozenset[str]
    concepts: frozenset[str]


@cache
def _features(text: str) -> _TextFeatures:
    return _TextFeatures(_script_group(text), _trigram_vector(text), numbers(text), names(text), concepts(text))


def _jaccard(a: Iterable[str], b: Iterable[str]) -> float:
    first, second = set(a), set(b)
    if not first or not second:
        return 0.0
    return len(first & second) / len(first | second)


def _place_similarity(a: str, b: str) -> float:
    if not a.strip() or not b.strip():
        return 0.0
    words_a = {word for word in _words(a) if word not in _NAME_STOPWORDS or word.isdigit()}
    words_b = {word for word in _words(b) if word not in _NAME_STOPWORDS or word.isdigit()}
    return max(_jaccard(words_a, words_b), _cosine(_trigram_vector(a), _trigram_vector(b)) - 0.2)


def _description_evidence(a: str, b: str) -> tuple[float, list[Reason]]:
    if not a.strip() or not b.strip():
        return 0.0, []
    fa, fb = _features(a), _features(b)
    score, reasons = 0.0, []
    if fa.script == fb.script:
        similarity = _cosine(fa.grams, fb.grams)
        # Unrelated texts in one language share common words; only what is above that counts.
        gain = max(0.0, (similarity - 0.15) / 0.6)
        if gain > 0:
            score += W_TEXT * min(gain, 1.0)
            if gain >= 0.3:
                reasons.append(Reason("similar_description"))
    shared_numbers = fa.numbers & fb.numbers
    if shared_numbers:
        score += min(W_NUMBER * len(shared_numbers), MAX_NUMBERS)
        reasons.append(Reason("shared_numbers", tuple(sorted(shared_numbers))))
    shared_names = fa.names & fb.names
    if shared_names:
        score += min(W_NAME * len(shared_names), MAX_NAMES)
        reasons.append(Reason("shared_names", tuple(sorted(shared_names))))
    shared_concepts = _jaccard(fa.concepts, fb.concepts)
    if shared_concepts:
        score += W_CONCEPTS * shared_concepts
        if shared_concepts >= 0.3:
            reasons.append(Reason("shared_concepts"))
    return score, reasons


def score_pair(a: IncidentFacts, b: IncidentFacts) -> PairScore:
    """How likely two reports tell of the same incident, with the reasons; 0 when they cannot be."""
    if not may_be_same_incident(a, b):
        return PairScore(0.0)
    score, reasons = 0.0, []
    if a.attachment_hashes & b.attachment_hashes:
        score += W_SAME_ATTACHMENT
        reasons.append(Reason("same_attachment"))
    gap = day_gap(a, b)
    month_only = "month" in (a.occurred_precision, b.occurred_precision)
    if month_only and gap == 0:
        score += W_MONTH_OVERLAP
        reasons.append(Reason("same_month"))
    elif gap == 0:
        score += W_DAY_SAME
        reasons.append(Reason("same_day"))
    elif gap == 1:
        score += W_DAY_NEXT
        reasons.append(Reason("close_days"))
    elif gap <= 3:
        score += W_DAYS_FEW
        reasons.append(Reason("close_days"))
    elif gap > 7:
        score += W_DAYS_FAR
    reasons.append(Reason("both_online" if a.online else "same_region"))
    known_times = {a.time_of_day, b.time_of_day} - {"", "unknown"}
    if a.time_of_day and b.time_of_day and len(known_times) == 2:
        score += W_TIME_DIFFERENT
    elif len(known_times) == 1 and a.time_of_day == b.time_of_day:
        score += W_TIME_SAME
        reasons.append(Reason("same_time_of_day"))
    if a.location_type and b.location_type and not a.online:
        if a.location_type == b.location_type:
            score += W_LOCATION_SAME
            reasons.append(Reason("same_location_type"))
        else:
            score += W_LOCATION_DIFFERENT
    if a.incident_types and b.incident_types:
        overlap = _jaccard(a.incident_types, b.incident_types)
        if overlap:
            score += W_TYPES * overlap
            if overlap >= 0.5:
                reasons.append(Reason("same_incident_types"))
        else:
            score += W_TYPES_DISJOINT
    ethnicities_a = a.targeted_ethnicities - {"prefer_not_to_say", "other"}
    ethnicities_b = b.targeted_ethnicities - {"prefer_not_to_say", "other"}
    if ethnicities_a and ethnicities_b:
        if ethnicities_a & ethnicities_b:
            score += W_ETHNICITY_SAME
            reasons.append(Reason("same_ethnicities"))
        else:
            score += W_ETHNICITY_DIFFERENT
    place = _place_similarity(a.place, b.place)
    if place >= 0.3:
        score += W_PLACE * min(place, 1.0)
        reasons.append(Reason("similar_place"))
    text_score, text_reasons = _description_evidence(a.description, b.description)
    score += text_score
    reasons.extend(text_reasons)
    return PairScore(round(score, 3), tuple(reasons))


# --- From the database ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Suggestion:
    report: Any  # a Report
    score: float
    reasons: tuple[Reason, ...]


def facts_of(report: Any, attachment_hashes: Iterable[str] = ()) -> IncidentFacts:
    """A report's facts for the comparison (decrypts its place and description)."""
    return IncidentFacts(
        key=report.pk,
        occurred_on=report.occurred_on,
        occurred_precision=report.occurred_precision,
        region=report.region_id,
        online=report.location_type == "online",
        location_type=report.location_type,
        time_of_day=report.time_of_day,
        incident_types=frozenset(report.incident_types or ()),
        targeted_ethnicities=frozenset(report.targeted_ethnicities or ()),
        place=report.place or "",
        description=report.description or "",
        attachment_hashes=frozenset(attachment_hashes),
    )


MAX_CANDIDATES = 300


def duplicate_suggestions(*, report: Any, limit: int = 10) -> list[Suggestion]:
    """Reports that likely tell of the same incident as ``report``, best first, with the reasons.

    Left out: the report itself, reports merged into another, spam, and reports a coordinator
    already linked to this one (as related or as not the same incident)."""
    from django.db.models import Q

    from safecommunity.reports.models import Attachment, Report, ReportLink

    if report.merged_into_id is not None:
        return []
    online = report.location_type == "online"
    if not online and report.region_id is None:
        return []
    start, end = _span(facts_of_dates(report))
    # A month-only candidate is stored on the first of its month, up to a month before the days it covers.
    nearby = Report.objects.filter(
        occurred_on__gte=start - dt.timedelta(days=WINDOW_DAYS + 31),
        occurred_on__lte=end + dt.timedelta(days=WINDOW_DAYS),
        merged_into__isnull=True,
    ).exclude(pk=report.pk)
    nearby = nearby.exclude(verification=Report.Verification.SPAM)
    nearby = nearby.filter(location_type="online") if online else nearby.filter(region_id=report.region_id)
    linked = ReportLink.objects.filter(Q(report=report) | Q(other=report)).values_list("report_id", "other_id")
    judged = {pk for pair in linked for pk in pair} - {report.pk}
    candidates = list(nearby.exclude(pk__in=judged).order_by("-submitted_at")[:MAX_CANDIDATES])
    hashes: dict[int, set[str]] = {}
    for report_id, sha in Attachment.objects.filter(report_id__in=[report.pk, *(c.pk for c in candidates)]).values_list(
        "report_id", "sha256"
    ):
        hashes.setdefault(report_id, set()).add(sha)
    facts = facts_of(report, hashes.get(report.pk, ()))
    suggestions = []
    for candidate in candidates:
        scored = score_pair(facts, facts_of(candidate, hashes.get(candidate.pk, ())))
        if scored.likely_duplicate:
            suggestions.append(Suggestion(candidate, scored.score, scored.reasons))
    suggestions.sort(key=lambda suggestion: -suggestion.score)
    return suggestions[:limit]


def facts_of_dates(report: Any) -> IncidentFacts:
    """Only the date part of a report's facts (decrypts nothing)."""
    return IncidentFacts(key=report.pk, occurred_on=report.occurred_on, occurred_precision=report.occurred_precision)
