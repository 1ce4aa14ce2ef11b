"""Measuring duplicate suggestions on the labelled set the project ships (used by the test and by bench/).

The set (``data/duplicate_pairs.json``, made by ``data/build_duplicate_pairs.py``) holds invented
reports and pairs of them labelled "same incident" or not; each pair is scored in memory, with no
database, by ``duplicates.score_pair``.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from safecommunity.reports.duplicates import IncidentFacts, score_pair

LABELLED_SET = Path(__file__).resolve().parent / "data" / "duplicate_pairs.json"


@dataclass(frozen=True)
class Outcome:
    true_positives: int
    false_positives: int
    false_negatives: int
    true_negatives: int

    @property
    def precision(self) -> float:
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else 1.0

    @property
    def recall(self) -> float:
        actual = self.true_positives + self.false_negatives
        return self.true_positives / actual if actual else 1.0

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


def load_labelled_set(path: Path = LABELLED_SET) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def facts_of(report: dict[str, Any]) -> IncidentFacts:
    return IncidentFacts(
        key=report["id"],
        occurred_on=dt.date.fromisoformat(report["occurred_on"]),
        occurred_precision=report["occurred_precision"],
        region=report["region"],
        online=report["location_type"] == "online",
        location_type=report["location_type"],
        time_of_day=report["time_of_day"],
        incident_types=frozenset(report["incident_types"]),
        targeted_ethnicities=frozenset(report["targeted_ethnicities"]),
        place=report["place"],
        description=report["description"],
        attachment_hashes=frozenset(report["attachments"]),
    )


def scored_pairs(data: dict[str, Any]) -> list[tuple[dict[str, Any], float]]:
    facts = {report["id"]: facts_of(report) for report in data["reports"]}
    return [(pair, score_pair(facts[pair["a"]], facts[pair["b"]]).score) for pair in data["pairs"]]


def evaluate(scored: list[tuple[dict[str, Any], float]], threshold: float) -> Outcome:
    tp = fp = fn = tn = 0
    for pair, score in scored:
        predicted = score >= threshold
        if pair["same_incident"]:
            tp, fn = (tp + 1, fn) if predicted else (tp, fn + 1)
        else:
            fp, tn = (fp + 1, tn) if predicted else (fp, tn + 1)
    return Outcome(tp, fp, fn, tn)
