"""Nobody can point at a person from the published statistics: not from a small count, and not by subtraction.

The "attacker" below is written independently of the suppression code: for every group
of published cells that adds up to a published (or bounded) total, it lists every value
each hidden cell could take, and fails the test when only one is possible.
"""

from __future__ import annotations

import random
from collections import Counter

import pytest

from safecommunity.insights.engine import Breakdown, Row
from safecommunity.insights.suppression import COMPLEMENTARY, SMALL, PublishedBreakdown, protect

K = 5


def table(dimension: str, counts: dict[str, int], total: int | None = None) -> Breakdown:
    return Breakdown(
        dimension=dimension,
        total=sum(counts.values()) if total is None else total,
        rows=[Row(code, code, count) for code, count in counts.items()],
    )


def possible_values(cell: int, bounds: list[tuple[int, int]], total_low: int, total_high: int) -> set[int]:
    """Every value hidden cell ``cell`` can take when the hidden cells add up to something in [total_low, total_high]."""
    others_low = sum(low for index, (low, _high) in enumerate(bounds) if index != cell)
    others_high = sum(high for index, (_low, high) in enumerate(bounds) if index != cell)
    low, high = bounds[cell]
    return {
        value
        for value in range(low, min(high, total_high) + 1)
        if total_low - value <= others_high and others_low <= total_high - value
    }


def label_bounds(row_hidden: str, total: int) -> tuple[int, int]:
    return (1, K - 1) if row_hidden == SMALL else (K, total)


def recoverable(published: PublishedBreakdown, known_sum: tuple[int, int], rows: list | None = None) -> list[str]:
    """Hidden cells of a group whose value can be worked out from the group's known sum and visible cells."""
    rows = published.rows if rows is None else rows
    assert published.total is not None
    hidden = [row for row in rows if row.count is None]
    visible = sum(row.count for row in rows if row.count is not None)
    bounds = [label_bounds(row.hidden, published.total) for row in hidden]
    low, high = known_sum[0] - visible, known_sum[1] - visible
    return [row.code for index, row in enumerate(hidden) if len(possible_values(index, bounds, low, high)) == 1]


def assert_nothing_recoverable(tables: dict[str, PublishedBreakdown]) -> None:
    total = next(iter(tables.values())).total
    if total is None:
        assert all(row.count is None for t in tables.values() for row in t.rows)
        return
    for dimension, published in tables.items():
        if dimension in ("incident_types", "bias_motivations", "targeted_ethnicities"):
            continue
        assert not recoverable(published, (total, total)), dimension
    if "month" in tables and "year" in tables:
        for year in tables["year"].rows:
            months = [row for row in tables["month"].rows if row.code.startswith(year.code)]
            if year.count is not None:
                known = (year.count, year.count)
            else:
                # What the year table allows for this year, narrowed by the months that are visible.
                others = [row for row in tables["year"].rows if row.count is None]
                index = others.index(year)
                visible_years = sum(row.count for row in tables["year"].rows if row.count is not None)
                options = possible_values(
                    index,
                    [label_bounds(row.hidden, total) for row in others],
                    total - visible_years,
                    total - visible_years,
                )
                known = (min(options), max(options))
            assert not recoverable(tables["month"], known, months), year.code


def test_a_small_region_is_shown_as_fewer_than_five_and_the_next_smallest_is_hidden_with_it() -> None:
    published = protect({"region": table("region", {"sacramento": 44, "yolo": 11, "placer": 7, "el-dorado": 4})})
    rows = {row.code: row for row in published["region"].rows}
    assert rows["el-dorado"].count is None and rows["el-dorado"].hidden == SMALL
    assert rows["placer"].count is None and rows["placer"].hidden == COMPLEMENTARY
    assert rows["placer"].percent is None
    assert (rows["sacramento"].count, rows["sacramento"].percent) == (44, 66.67)
    assert_nothing_recoverable(published)


def test_two_small_cells_that_would_give_each_other_away_hide_the_whole_selection() -> None:
    # 8 reports, 4 women and 4 men: "fewer than 5" twice with a total of 8 can only mean 4 and 4.
    published = protect({"gender": table("gender", {"female": 4, "male": 4, "nonbinary": 0})})
    assert published["gender"].total is None
    assert all(row.count is None for row in published["gender"].rows)


def test_a_total_below_the_threshold_publishes_nothing() -> None:
    published = protect({"gender": table("gender", {"female": 3, "male": 1})})
    assert published["gender"].total is None
    assert [row.percent for row in published["gender"].rows] == [None, None]


def test_a_zero_is_published_and_never_counts_as_small() -> None:
    published = protect({"gender": table("gender", {"female": 30, "male": 20, "nonbinary": 0})})
    assert [row.count for row in published["gender"].rows] == [30, 20, 0]


def test_a_hidden_month_cannot_be_worked_out_from_its_year() -> None:
    months = {"2024-01": 9, "2024-02": 3, "2024-03": 12, "2025-01": 10, "2025-02": 8, "2025-03": 6}
    years = {"2024": 24, "2025": 24}
    published = protect({"year": table("year", years), "month": table("month", months)})
    hidden = {row.code for row in published["month"].rows if row.count is None}
    assert "2024-02" in hidden
    assert len([code for code in hidden if code.startswith("2024")]) >= 2
    assert_nothing_recoverable(published)


def test_the_same_cells_are_hidden_whichever_table_is_asked_for_first() -> None:
    tables = {"gender": table("gender", {"female": 20, "male": 3, "not_stated": 7})}
    tables["region"] = table("region", {"a": 28, "b": 2}, total=30)
    both = protect(tables)
    alone = protect({"gender": tables["gender"]})
    assert [row.count for row in both["gender"].rows] == [row.count for row in alone["gender"].rows]


@pytest.mark.parametrize("seed", range(40))
def test_random_selections_never_give_a_hidden_count_away(seed: int) -> None:
    rng = random.Random(seed)
    reports = rng.randint(0, 60)
    regions = Counter(rng.choice("abcdefg") for _ in range(reports))
    genders = Counter(
        rng.choices(["female", "male", "nonbinary", "not_stated"], [10, 6, 1, 2])[0] for _ in range(reports)
    )
    months = Counter(f"{rng.choice([2023, 2024, 2025])}-{rng.randint(1, 12):02d}" for _ in range(reports))
    all_months = {
        f"{year}-{month:02d}": months.get(f"{year}-{month:02d}", 0)
        for year in (2023, 2024, 2025)
        for month in range(1, 13)
    }
    years: Counter[str] = Counter()
    for code, count in all_months.items():
        years[code[:4]] += count
    types = {code: rng.randint(0, reports) for code in ("verbal", "shunning", "threat")}
    published = protect(
        {
            "region": table("region", {code: regions.get(code, 0) for code in "abcdefg"}, total=reports),
            "gender": table(
                "gender",
                {code: genders.get(code, 0) for code in ("female", "male", "nonbinary", "not_stated")},
                total=reports,
            ),
            "incident_types": table("incident_types", types, total=reports),
            "year": table("year", dict(years), total=reports),
            "month": table("month", all_months, total=reports),
        }
    )
    for published_table in published.values():
        for row in published_table.rows:
            if row.count is not None:
                assert row.count == 0 or row.count >= K, "no small count is ever shown"
    assert_nothing_recoverable(published)
