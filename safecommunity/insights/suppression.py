"""Small numbers never point at a person: what every public output shows instead of exact counts.

Primary suppression: a count of at least one and below the deployment's threshold
(``STATISTICS_MIN_COUNT``, default 5) is shown as "fewer than 5".

Complementary suppression: the tables of one selection are published together
(the total; each dimension; years; months), and each single-valued table adds up
to the total (months to their year), so a hidden count could be worked out by
subtraction. We reason as someone who wants to recover it would: every published
count is known, a cell shown as "fewer than N" lies between 1 and N-1, a cell hidden
to protect it is at least N, and the sums must hold (multi-valued tables add up to
at least the total). Bounds are tightened through every sum until nothing changes;
while any hidden cell's bounds meet (its value can be worked out), the smallest
visible non-zero cell beside it is hidden too, or the year it belongs to, and in
the last resort the whole selection. A selection whose total is below the
threshold publishes no counts at all.

All tables of a selection are always protected together, so the API, the dashboard,
open data and briefs hide exactly the same cells. Percentages are published only
beside published counts.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, field

from django.conf import settings

from safecommunity.insights.engine import MULTI_VALUED, Breakdown

SMALL = "small"
COMPLEMENTARY = "complementary"
TOTAL_KEY = ("", "")

Key = tuple[str, str]  # (dimension, code); TOTAL_KEY for the selection's total


@dataclass
class PublishedRow:
    code: str
    label: str
    count: int | None  # None when hidden
    percent: float | None
    hidden: str = ""  # "", SMALL or COMPLEMENTARY


@dataclass
class PublishedBreakdown:
    dimension: str
    total: int | None  # None when the whole selection is too small to publish
    threshold: int
    rows: list[PublishedRow] = field(default_factory=list)

    @property
    def visible_rows(self) -> list[PublishedRow]:
        return [row for row in self.rows if row.count is not None]

    @property
    def hidden_rows(self) -> list[PublishedRow]:
        return [row for row in self.rows if row.count is None]


def threshold() -> int:
    return int(getattr(settings, "STATISTICS_MIN_COUNT", 5))


def exact(breakdown: Breakdown) -> PublishedBreakdown:
    """The exact counts in the published shape (internal briefs and analysts' exports)."""
    return PublishedBreakdown(
        dimension=breakdown.dimension,
        total=breakdown.total,
        threshold=0,
        rows=[
            PublishedRow(row.code, row.label, row.count, _percent(row.count, breakdown.total)) for row in breakdown.rows
        ],
    )


def protect(
    tables: Mapping[str, Breakdown], *, minimum: int | None = None, multi_valued: Collection[str] = MULTI_VALUED
) -> dict[str, PublishedBreakdown]:
    """Publish every table of one selection so that no small count can be seen or worked out.

    ``multi_valued`` names the tables whose rows may add up to more than the total (a report, or a survey answer,
    counted under several codes); the others add up to it exactly.
    """
    k = threshold() if minimum is None else minimum
    total = next(iter(tables.values())).total if tables else 0
    if total < k:
        return {dimension: _everything_hidden(table, k) for dimension, table in tables.items()}
    values: dict[Key, int] = {TOTAL_KEY: total}
    for dimension, table in tables.items():
        for row in table.rows:
            values[(dimension, row.code)] = row.count
    hidden: dict[Key, str] = {key: SMALL for key, value in values.items() if 0 < value < k}
    sums = _sums(tables, multi_valued)
    while True:
        worked_out = _worked_out(values, hidden, sums, k)
        if not worked_out:
            break
        if not _hide_one_more(worked_out[0], values, hidden, sums):
            return {dimension: _everything_hidden(table, k) for dimension, table in tables.items()}
    return {
        dimension: PublishedBreakdown(
            dimension=dimension,
            total=total,
            threshold=k,
            rows=[
                PublishedRow(
                    row.code,
                    row.label,
                    None if (dimension, row.code) in hidden else row.count,
                    None if (dimension, row.code) in hidden else _percent(row.count, total),
                    hidden.get((dimension, row.code), ""),
                )
                for row in table.rows
            ],
        )
        for dimension, table in tables.items()
    }


# --- reasoning like someone trying to recover a hidden count -----------------------------------------------


@dataclass(frozen=True)
class Sum:
    """``parent`` equals the sum of ``children`` (or, when ``at_least``, is at most their sum)."""

    parent: Key
    children: tuple[Key, ...]
    at_least: bool = False


def _sums(tables: Mapping[str, Breakdown], multi_valued: Collection[str]) -> list[Sum]:
    sums: list[Sum] = []
    for dimension, table in tables.items():
        children = tuple((dimension, row.code) for row in table.rows)
        if dimension == "month" and "year" in tables:
            by_year: dict[str, list[Key]] = {}
            for key in children:
                by_year.setdefault(key[1][:4], []).append(key)
            sums.extend(Sum(("year", year), tuple(months)) for year, months in by_year.items())
        sums.append(Sum(TOTAL_KEY, children, at_least=dimension in multi_valued))
    return sums


def _bounds(values: Mapping[Key, int], hidden: Mapping[Key, str], sums: list[Sum], k: int) -> dict[Key, list[int]]:
    total = values[TOTAL_KEY]
    bounds: dict[Key, list[int]] = {}
    for key, value in values.items():
        reason = hidden.get(key)
        if reason == SMALL:
            bounds[key] = [1, k - 1]
        elif reason == COMPLEMENTARY:
            bounds[key] = [k, total]
        else:
            bounds[key] = [value, value]
    for _round in range(50):
        changed = False
        for constraint in sums:
            parent = bounds[constraint.parent]
            low = sum(bounds[child][0] for child in constraint.children)
            high = sum(bounds[child][1] for child in constraint.children)
            if not constraint.at_least:
                changed |= _tighten(parent, low, high)
            for child in constraint.children:
                own = bounds[child]
                new_low = parent[0] - (high - own[1])
                new_high = own[1] if constraint.at_least else parent[1] - (low - own[0])
                changed |= _tighten(own, new_low, new_high)
        if not changed:
            break
    return bounds


def _tighten(bound: list[int], low: int, high: int) -> bool:
    new = [max(bound[0], low), min(bound[1], high)]
    if new != bound:
        bound[:] = new
        return True
    return False


def _worked_out(values: Mapping[Key, int], hidden: Mapping[Key, str], sums: list[Sum], k: int) -> list[Key]:
    bounds = _bounds(values, hidden, sums, k)
    return [key for key in hidden if bounds[key][0] >= bounds[key][1]]


def _hide_one_more(key: Key, values: Mapping[Key, int], hidden: dict[Key, str], sums: list[Sum]) -> bool:
    """Hide the smallest visible non-zero cell that shares a sum with ``key`` (or the year holding it)."""
    for constraint in sums:
        if key not in constraint.children:
            continue
        candidates = [child for child in constraint.children if child not in hidden and values[child] > 0]
        if candidates:
            hidden[min(candidates, key=lambda child: (values[child], child))] = COMPLEMENTARY
            return True
        if constraint.parent != TOTAL_KEY and constraint.parent not in hidden:
            hidden[constraint.parent] = COMPLEMENTARY
            return True
    for constraint in sums:
        if constraint.parent == key:
            candidates = [child for child in constraint.children if child not in hidden and values[child] > 0]
            if candidates:
                hidden[min(candidates, key=lambda child: (values[child], child))] = COMPLEMENTARY
                return True
    return False


def _everything_hidden(table: Breakdown, k: int) -> PublishedBreakdown:
    return PublishedBreakdown(
        dimension=table.dimension,
        total=None,
        threshold=k,
        # Every row alike, zeros too: telling the empty categories from the others would point at the few reports.
        rows=[PublishedRow(row.code, row.label, None, None, SMALL) for row in table.rows],
    )


def _percent(count: int, total: int) -> float:
    return round(100 * count / total, 2) if total else 0.0
