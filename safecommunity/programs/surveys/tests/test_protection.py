"""The statistics' small-number rule on one question's counts."""

from __future__ import annotations

from safecommunity.programs.surveys.protection import protect_counts


def shown(rows: list[tuple[str, str, int]], total: int, multi: bool = False) -> dict[str, int | str | None]:
    published = protect_counts(rows, total=total, dimension="q", multi_valued=multi, minimum=5)
    if published.total is None:
        return {"total": None}
    return {row.code: row.count if row.count is not None else row.hidden for row in published.rows}


def test_counts_of_five_or_more_are_shown_with_percentages() -> None:
    published = protect_counts([("yes", "Yes", 6), ("no", "No", 14)], total=20, dimension="q", minimum=5)
    assert [(row.count, row.percent) for row in published.rows] == [(6, 30.0), (14, 70.0)]


def test_a_small_count_is_hidden_and_another_so_that_it_cannot_be_subtracted() -> None:
    assert shown([("yes", "Yes", 2), ("no", "No", 12), ("unsure", "Unsure", 6)], 20) == {
        "yes": "small",
        "no": 12,
        "unsure": "complementary",
    }


def test_two_small_counts_hide_each_other_unless_their_sum_gives_them_away() -> None:
    assert shown([("a", "A", 3), ("b", "B", 4), ("c", "C", 13)], 20) == {"a": "small", "b": "small", "c": 13}
    # 1 + 1: the only way two counts between 1 and 4 add up to 2.
    result = shown([("a", "A", 1), ("b", "B", 1), ("c", "C", 18)], 20)
    assert result["a"] == "small" and result["b"] == "small" and result["c"] == "complementary"


def test_zeros_are_shown() -> None:
    assert shown([("a", "A", 0), ("b", "B", 10)], 10) == {"a": 0, "b": 10}


def test_fewer_answers_than_the_threshold_show_nothing() -> None:
    assert shown([("a", "A", 2), ("b", "B", 2)], 4) == {"total": None}


def test_several_answers_each_do_not_add_up_so_one_small_count_stays_unknown() -> None:
    assert shown([("a", "A", 3), ("b", "B", 9), ("c", "C", 8)], 10, multi=True) == {"a": "small", "b": 9, "c": 8}
