"""Story: the key findings of the Sacramento-area brief, as sentences with their numbers.

66 reports in four counties (Sacramento 44, Yolo 11, Placer 7, El Dorado 4). A public
brief's sentences come from published numbers only: El Dorado's 4 reports are hidden,
and so is anything worked out from a hidden count.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import translation

from safecommunity.insights.engine import Selection
from safecommunity.insights.findings import BriefFigures, key_findings
from safecommunity.insights.selectors_briefs import brief_figures_compute, figures_from_snapshot
from safecommunity.insights.suppression import PublishedBreakdown, PublishedRow
from safecommunity.insights.tests.factories import a_counted_report, brief_reports, greater_sacramento

SACRAMENTO_AREA = ("sacramento", "yolo", "placer", "el-dorado")
TWO_YEARS = Selection(dt.date(2024, 1, 1), dt.date(2025, 12, 31), SACRAMENTO_AREA)


def findings_of(selection: Selection, *, exact: bool = False, language: str = "en") -> dict[str, str]:
    snapshot = brief_figures_compute(selection, exact_counts=exact)
    with translation.override(language):
        return {finding.key: finding.text for finding in key_findings(figures_from_snapshot(snapshot))}


@pytest.mark.django_db
def test_the_public_brief_states_what_the_published_numbers_show() -> None:
    brief_reports()

    findings = findings_of(TWO_YEARS)

    assert (
        findings["total"] == "66 reports of hate incidents between Jan. 1, 2024 and Dec. 31, 2025 count in this brief."
    )
    assert findings["top_region"] == "67% of reports came from Sacramento."
    assert findings["incident_types"] == (
        "The most common types of incident were “Verbal harassment, insults or slurs” (64% of reports) "
        "and “Shunning or being deliberately avoided” (20%)."
    )
    assert findings["location_type"] == (
        "Incidents happened most often in the type of place “A shop, restaurant or other business” "
        "(41% of reports), followed by “A workplace” (18%)."
    )
    assert findings["bias_motivations"] == (
        "The suspected reasons named most often were “Race” (94% of reports) and “Ethnicity” (65%)."
    )
    assert findings["targeted_ethnicities"] == (
        "The people targeted were most often Chinese (38% of reports), followed by Hmong (15%)."
    )
    assert (
        findings["age_group"] == "The most common age group of the people targeted was “26 to 35”, in 29% of reports."
    )
    # One report does not say the gender: hiding it hides the men's count too, so no ratio is published.
    assert "gender" not in findings
    # 2022-2023 had no reports: too few to publish, so no comparison with the previous period.
    assert "previous_period" not in findings


@pytest.mark.django_db
def test_the_internal_brief_gives_the_gender_ratio_from_exact_counts() -> None:
    brief_reports()

    findings = findings_of(TWO_YEARS, exact=True)

    assert findings["gender"] == (
        "Women and girls were 2.6 times as likely to be targeted as men and boys (71% of reports compared with 27%)."
    )


@pytest.mark.django_db
def test_a_year_is_compared_with_the_year_before() -> None:
    brief_reports()  # 30 reports in 2024, 36 in 2025

    findings = findings_of(Selection(dt.date(2025, 1, 1), dt.date(2025, 12, 31), SACRAMENTO_AREA))

    assert findings["previous_period"] == "36 reports, 20% more than in the previous period of the same length (30)."
    assert findings["total"].startswith("36 reports")


@pytest.mark.django_db
def test_numbers_are_written_the_way_the_language_writes_them() -> None:
    brief_reports()

    findings = findings_of(TWO_YEARS, exact=True, language="vi")

    assert "2,6" in findings["gender"]  # a decimal comma in Vietnamese
    assert "Ngày 01 tháng 1 năm 2024" in findings["total"]


@pytest.mark.django_db
def test_a_finding_whose_numbers_are_hidden_is_left_out() -> None:
    regions = greater_sacramento()
    for _ in range(4):
        a_counted_report(region=regions["el-dorado"], gender="female", occurred_on=dt.date(2025, 2, 3))
    for _ in range(7):
        a_counted_report(region=regions["placer"], gender="male", occurred_on=dt.date(2025, 2, 3))

    findings = findings_of(Selection(dt.date(2025, 1, 1), dt.date(2025, 12, 31), ("placer", "el-dorado")))

    # El Dorado's 4 are "fewer than 5", so Placer's 7 is hidden too: no region share, and no ratio of 4 to 7.
    assert findings["total"].startswith("11 reports")
    assert "top_region" not in findings
    assert "gender" not in findings
    assert not any("4" in text.split(" between ")[0] for text in findings.values())


def test_the_gender_ratio_is_never_worked_out_from_a_hidden_count() -> None:
    genders = PublishedBreakdown(
        "gender",
        total=40,
        threshold=5,
        rows=[
            PublishedRow("female", "Woman or girl", 36, 90.0),
            PublishedRow("male", "Man or boy", None, None, "small"),
        ],
    )
    figures = BriefFigures(
        exact=False,
        threshold=5,
        date_from=dt.date(2025, 1, 1),
        date_to=dt.date(2025, 12, 31),
        total=40,
        tables={"gender": genders},
    )

    with translation.override("en"):
        keys = [finding.key for finding in key_findings(figures)]

    assert keys == ["total"]


def test_more_men_than_women_is_said_the_other_way_round() -> None:
    genders = PublishedBreakdown(
        "gender",
        total=40,
        threshold=5,
        rows=[PublishedRow("female", "Woman or girl", 10, 25.0), PublishedRow("male", "Man or boy", 30, 75.0)],
    )
    figures = BriefFigures(False, 5, dt.date(2025, 1, 1), dt.date(2025, 12, 31), 40, {"gender": genders})

    with translation.override("en"):
        texts = {finding.key: finding.text for finding in key_findings(figures)}

    assert texts["gender"] == (
        "Men and boys were 3.0 times as likely to be targeted as women and girls (75% of reports compared with 25%)."
    )
