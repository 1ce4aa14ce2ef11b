"""How well duplicate suggestions find reports of the same incident, on the labelled set the project ships.

Run: ``.venv/bin/python bench/duplicates_eval.py [--threshold 0.55] [--sweep] [--show-errors]``

Scores every labelled pair with ``safecommunity.reports.duplicates.score_pair`` on in-memory
report facts (no database) and prints precision, recall, F1 and the confusion counts, overall and
for the cross-language pairs.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


def _setup() -> None:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.test_settings")
    import django

    django.setup()


def _line(name: str, outcome: Any) -> str:
    return (
        f"{name:<16} precision {outcome.precision:.3f}  recall {outcome.recall:.3f}  F1 {outcome.f1:.3f}  "
        f"(TP {outcome.true_positives}, FP {outcome.false_positives}, FN {outcome.false_negatives}, "
        f"TN {outcome.true_negatives})"
    )


def main() -> None:
    _setup()
    from safecommunity.reports.duplicate_evaluation import evaluate, load_labelled_set, scored_pairs
    from safecommunity.reports.duplicates import SUGGESTION_THRESHOLD

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--threshold", type=float, default=SUGGESTION_THRESHOLD)
    parser.add_argument("--sweep", action="store_true", help="print the measures for a range of thresholds")
    parser.add_argument("--show-errors", action="store_true", help="list the pairs the suggestion gets wrong")
    args = parser.parse_args()
    scored = scored_pairs(load_labelled_set())
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
