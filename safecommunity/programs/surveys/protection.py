"""Small numbers in survey results: the statistics' rule (docs/statistics.md) applied to one question's answers.

A count of at least one and below ``STATISTICS_MIN_COUNT`` is shown as "fewer than N" (primary suppression).
The counts of a question add up to the number of people who answered it (a multiple-choice question's add up to
at least that), so a hidden count could be worked out by subtraction: the statistics' own reasoning
(``insights.suppression.protect``) hides more until none can (complementary suppression). A question answered by
fewer than N people, like a survey with fewer than N responses, shows no breakdown at all. The result has the
statistics' published shape, so the statistics' charts draw it.
"""

from __future__ import annotations

from collections.abc import Sequence

from safecommunity.insights.engine import Breakdown, Row
from safecommunity.insights.suppression import PublishedBreakdown, protect, threshold


def protect_counts(
    rows: Sequence[tuple[str, str, int]],
    *,
    total: int,
    dimension: str,
    multi_valued: bool = False,
    minimum: int | None = None,
) -> PublishedBreakdown:
    """``rows`` are (code, label, count); ``total`` is how many people answered."""
    table = Breakdown(dimension=dimension, total=total, rows=[Row(code, label, count) for code, label, count in rows])
    return protect({dimension: table}, minimum=minimum, multi_valued={dimension} if multi_valued else ())[dimension]


def protected_number(count: int, *, minimum: int | None = None) -> int | None:
    """A single count about people: itself, or None when it is below the threshold (and not zero)."""
    k = threshold() if minimum is None else minimum
    return None if 0 < count < k else count
