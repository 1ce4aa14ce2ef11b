"""The charts of the public statistics: an SVG anyone can read, that never draws a hidden number."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from safecommunity.insights.charts import bar_chart, line_chart
from safecommunity.insights.suppression import COMPLEMENTARY, SMALL, PublishedBreakdown, PublishedRow

SVG = "{http://www.w3.org/2000/svg}"


def parsed(svg: str) -> ET.Element:
    return ET.fromstring(svg)  # noqa: S314 - an SVG these tests just drew


def incident_types() -> PublishedBreakdown:
    return PublishedBreakdown(
        dimension="incident_types",
        total=66,
        threshold=5,
        rows=[
            PublishedRow("verbal_harassment", "Verbal harassment", 42, 63.64),
            PublishedRow("shunning", "Shunning <b>& co</b>", 13, 19.7),
            PublishedRow("physical_assault", "Physical assault", None, None, COMPLEMENTARY),
            PublishedRow("threat", "Threat", None, None, SMALL),
            PublishedRow("other", "Something else", 0, 0.0),
        ],
    )


def months() -> PublishedBreakdown:
    return PublishedBreakdown(
        dimension="month",
        total=40,
        threshold=5,
        rows=[
            PublishedRow("2025-01", "January 2025", 12, 30.0),
            PublishedRow("2025-02", "February 2025", None, None, SMALL),
            PublishedRow("2025-03", "March 2025", 9, 22.5),
            PublishedRow("2025-04", "April 2025", 0, 0.0),
            PublishedRow("2025-05", "May 2025", 16, 40.0),
        ],
    )


def text_of(svg: str) -> str:
    return " ".join(parsed(svg).itertext())


def test_a_bar_chart_is_an_accessible_svg_that_scales() -> None:
    svg = bar_chart(incident_types(), title="Type of incident")
    root = parsed(svg)
    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "img"
    assert re.fullmatch(r"0 0 \d+ \d+", root.get("viewBox", ""))
    title = root.find(f"{SVG}title")
    assert title is not None and title.text == "Type of incident"
    assert root.get("aria-labelledby") == title.get("id")
    assert not re.search(r"\sstyle=", svg) and "<script" not in svg


def test_bars_show_counts_and_percentages_and_hidden_rows_say_so_without_a_number() -> None:
    svg = bar_chart(incident_types(), title="Type of incident")
    text = text_of(svg)
    assert "42 (63.6 %)" in text
    assert "13 (19.7 %)" in text
    assert "fewer than 5" in text
    assert "hidden" in text
    # The hidden rows are hatched markers of one fixed width, whatever they hide.
    root = parsed(svg)
    hidden = [rect for rect in root.iter(f"{SVG}rect") if rect.get("class") == "chart-hidden"]
    assert len(hidden) == 2
    assert {rect.get("width") for rect in hidden} == {"40"}
    bars = {rect.get("width") for rect in root.iter(f"{SVG}rect") if rect.get("class") == "chart-bar"}
    assert len(bars) == 3  # 42, 13 and the zero


def test_labels_are_escaped() -> None:
    svg = bar_chart(incident_types(), title='Types <script>alert("x")</script>')
    assert "<b>" not in svg and "<script>" not in svg
    assert "Shunning <b>& co</b>" in text_of(svg)
    assert 'Types <script>alert("x")</script>' in text_of(svg)


def test_a_long_breakdown_points_to_the_table() -> None:
    many = PublishedBreakdown(
        "targeted_ethnicities",
        100,
        5,
        [PublishedRow(f"code{i}", f"Group {i}", 10, 10.0) for i in range(15)],
    )
    text = text_of(bar_chart(many, title="Ethnicity", max_rows=12))
    assert "Group 11" in text and "Group 12" not in text
    assert "3 more in the table." in text


def test_a_selection_too_small_to_publish_draws_no_bars() -> None:
    small = PublishedBreakdown("gender", None, 5, [PublishedRow("female", "Female", None, None, SMALL)])
    svg = bar_chart(small, title="Gender")
    assert "Fewer than 5 reports" in text_of(svg)
    assert "<rect" not in svg


def test_a_line_chart_breaks_at_hidden_months_and_never_shows_their_number() -> None:
    svg = line_chart(months(), title="Reports per month")
    root = parsed(svg)
    assert root.get("role") == "img"
    lines = list(root.iter(f"{SVG}polyline"))
    # January alone (one point, no line), then March-April-May.
    assert len(lines) == 1
    assert len(lines[0].get("points", "").split()) == 3
    points = [circle.find(f"{SVG}title") for circle in root.iter(f"{SVG}circle")]
    assert [p.text for p in points if p is not None] == [
        "January 2025: 12 (30.0 %)",
        "March 2025: 9 (22.5 %)",
        "April 2025: 0 (0.0 %)",
        "May 2025: 16 (40.0 %)",
    ]
    assert "February 2025: fewer than 5" in text_of(svg)
    assert not re.search(r"\sstyle=", svg)


def test_a_chart_in_another_language_translates_its_words() -> None:
    from django.utils import translation

    with translation.override("zh-hans"):
        svg = bar_chart(incident_types(), title="事件类型")
    parsed(svg)
    assert "事件类型" in text_of(svg)
