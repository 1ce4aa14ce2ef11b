"""How well duplicate suggestions find reports of the same incident, on the labelled set the project ships.

Run: ``.venv/bin/python bench/duplicates_eval.py [--threshold 0.55] [--sweep] [--show-errors]``

Scores every labelled pair with ``safecommunity.reports.duplicates.score_pair`` on in-memory
report facts (no database) and prints precision, recall, F1 and the confusion counts, overall and
for the cross-language pairs.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "safecommunity" / "reports" / "data" / "duplicate_pairs.json"


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


def _setup() -> None:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.test_settings")
    import django

    django.setup()


def load_facts(data: dict[str, Any]) -> dict[str, Any]:
    from safecommunity.reports.duplicates import IncidentFacts

    facts = {}
    for report in data["reports"]:
        facts[report["id"]] = IncidentFacts(
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
    return facts


def scored_pairs() -> list[tuple[dict[str, Any], float]]:
    from safecommunity.reports.duplicates import score_pair

    data = json.loads(DATA.read_text(encoding="utf-8"))
    facts = load_facts(data)
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


def _line(name: str, outcome: Outcome) -> str:
    return (
        f"{name:<16} precision {outcome.precision:.3f}  recall {outcome.recall:.3f}  F1 {outcome.f1:.3f}  "
        f"(TP {outcome.true_positives}, FP {outcome.false_positives}, FN {outcome.false_negatives}, "
        f"TN {outcome.true_negatives})"
    )


def main() -> None:
    _setup()
    from safecommunity.reports.duplicates import SUGGESTION_THRESHOLD

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--threshold", type=float, default=SUGGESTION_THRESHOLD)
    parser.add_argument("--sweep", action="store_true", help="print the measures for a range of thresholds")
    parser.add_argument("--show-errors", action="store_true", help="list the pairs the suggestion gets wrong")
    args = parser.parse_args()
    scored = scored_pairs()
    pairs = len(scored)
    cross = [item for item in scored if item[0]["cross_language"]]
    positives = sum(1 for pair, _score in scored if pair["same_incident"])
    print(
        f"{pairs} labelled pairs ({positives} same incident, {len(cross)} cross-language), threshold {args.threshold}"
    )
    print(_line("all pairs", evaluate(scored, args.threshold)))
    print(_line("cross-language", evaluate(cross, args.threshold)))
    if args.sweep:
        for step in range(30, 90, 5):
            threshold = step / 100
            print(_line(f"threshold {threshold:.2f}", evaluate(scored, threshold)))
    if args.show_errors:
        for pair, score in sorted(scored, key=lambda item: item[1]):
            wrong = (score >= args.threshold) != pair["same_incident"]
            if wrong:
                label = "missed" if pair["same_incident"] else "false alarm"
                print(f"{label:<12} {pair['a']} {pair['b']} score {score:.3f}")


if __name__ == "__main__":
    main()
