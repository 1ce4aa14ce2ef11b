"""Small numbers in survey results: the statistics' rule (docs/statistics.md) applied to one question's answers.

A count of at least one and below ``STATISTICS_MIN_COUNT`` is shown as "fewer than N" (primary suppression).
The counts of a question add up to the number of people who answered it (a multiple-choice question's add up to
at least that), so a hidden count could be worked out by subtraction: while one can, the smallest visible non-zero
count beside it is hidden too (complementary suppression). A question answered by fewer than N people, like a
survey with fewer than N responses, shows no breakdown at all. The result has the statistics' published shape, so
the statistics' charts draw it.
"""

from __future__ import annotations

from collections.abc import Sequence

from safecommunity.insights.suppression import COMPLEMENTARY, SMALL, PublishedBreakdown, PublishedRow, threshold


def protect_counts(
    rows: Sequence[tuple[str, str, int]],
    *,
    total: int,
    dimension: str,
    multi_valued: bool = False,
    minimum: int | None = None,
) -> PublishedBreakdown:
    """``rows`` are (code, label, count); ``total`` is how many people answered."""
    k = threshold() if minimum is None else minimum
    if total < k:
        return PublishedBreakdown(
            dimension=dimension,
            total=None,
            threshold=k,
            rows=[PublishedRow(code, label, None, None, SMALL) for code, label, _count in rows],
        )
    counts = {code: count for code, _label, count in rows}
    hidden: dict[str, str] = {code: SMALL for code, count in counts.items() if 0 < count < k}
    while True:
        exposed = _worked_out(counts, hidden, total, k, multi_valued)
        if exposed is None:
            break
        candidates = [code for code, count in counts.items() if code not in hidden and count > 0]
        if not candidates:
            return protect_counts(rows, total=0, dimension=dimension, minimum=k)
        hidden[min(candidates, key=lambda code: (counts[code], code))] = COMPLEMENTARY
    return PublishedBreakdown(
        dimension=dimension,
        total=total,
        threshold=k,
        rows=[
            PublishedRow(
                code,
                label,
                None if code in hidden else count,
                None if code in hidden else round(100 * count / total, 2),
                hidden.get(code, ""),
            )
            for code, label, count in rows
        ],
    )


def _worked_out(counts: dict[str, int], hidden: dict[str, str], total: int, k: int, multi_valued: bool) -> str | None:
    """The first hidden count someone could recover from the visible ones and the total, if any."""
    bounds = {code: (1, k - 1) if reason == SMALL else (k, total) for code, reason in hidden.items()}
    visible = sum(count for code, count in counts.items() if code not in hidden)
    rest = total - visible  # what the hidden counts add up to (at least, for several answers each)
    for code, (low, high) in bounds.items():
        others_high = sum(bound[1] for other, bound in bounds.items() if other != code)
        others_low = sum(bound[0] for other, bound in bounds.items() if other != code)
        new_low = max(low, rest - others_high)
        new_high = high if multi_valued else min(high, rest - others_low)
        if new_low >= new_high:
            return code
    return None


def protected_number(count: int, *, minimum: int | None = None) -> int | None:
    """A single count about people: itself, or None when it is below the threshold (and not zero)."""
    k = threshold() if minimum is None else minimum
    return None if 0 < count < k else count


__all__ = ["COMPLEMENTARY", "SMALL", "protect_counts", "protected_number"]
