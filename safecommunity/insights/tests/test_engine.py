"""An analyst at the Sacramento-area coalition asks for the numbers of the brief they used to assemble by hand."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest

from safecommunity.insights import engine
from safecommunity.insights.aggregates import statistics_rebuild
from safecommunity.insights.engine import Selection, SelectionError
from safecommunity.insights.models import ReportCell
from safecommunity.insights.tests.factories import BRIEF_EXPECTED, a_counted_report, brief_reports, greater_sacramento
from safecommunity.reports.erasure import report_withdraw
from safecommunity.reports.models import Report
from safecommunity.reports.services import reports_set_consent_statistics
from safecommunity.reports.triage import report_set_verification, report_unmerge, reports_merge

pytestmark = pytest.mark.django_db

ALL_TIME = Selection()


def counts(dimension: str, selection: Selection = ALL_TIME) -> dict[str, int]:
    return {row.code: row.count for row in engine.breakdown(selection, dimension).rows}


def test_every_count_and_percentage_of_the_published_brief() -> None:
    brief_reports()
    for dimension, expected in BRIEF_EXPECTED.items():
        table = engine.breakdown(ALL_TIME, dimension)
        assert table.total == 66
        found = {row.code: row.count for row in table.rows}
        for code, count in expected.items():
            assert found[code] == count, (dimension, code)
            assert table.percent(code) == round(100 * count / 66, 2)
        # Every other category is there, with nothing in it.
        assert sum(count for code, count in found.items() if code not in expected) == 0, dimension

    brief = {
        ("region", "sacramento"): 66.67,
        ("region", "yolo"): 16.67,
        ("region", "placer"): 10.61,
        ("region", "el-dorado"): 6.06,
        ("incident_types", "verbal_harassment"): 63.64,
        ("incident_types", "shunning"): 19.7,
        ("location_type", "business"): 40.91,
        ("location_type", "street"): 15.15,
        ("bias_motivations", "race"): 93.94,
        ("bias_motivations", "ethnicity"): 65.15,
        ("targeted_ethnicities", "chinese"): 37.88,
        ("targeted_ethnicities", "hmong"): 15.15,
        ("age_group", "26_35"): 28.79,
        ("gender", "female"): 71.21,
    }
    for (dimension, code), percent in brief.items():
        assert engine.breakdown(ALL_TIME, dimension).percent(code) == percent


def test_multi_valued_dimensions_may_add_up_to_more_than_all_reports() -> None:
    brief_reports()
    biases = engine.breakdown(ALL_TIME, "bias_motivations")
    assert sum(row.count for row in biases.rows) == 62 + 43 + 4 > biases.total


def test_months_are_counted_from_the_incident_dates() -> None:
    made = brief_reports()
    expected = Counter(f"{report.occurred_on:%Y-%m}" for report in made)
    months = counts("month")
    assert {code: n for code, n in months.items() if n} == dict(expected)
    assert list(months) == sorted(months)  # in time order, empty months included
    first, last = min(expected), max(expected)
    span = (int(last[:4]) - int(first[:4])) * 12 + int(last[5:]) - int(first[5:]) + 1
    assert len(months) == span, "every month from the first report to the last"


def test_labels_come_in_the_language_asked_for() -> None:
    from django.utils.translation import override

    brief_reports()
    with override("es"):
        labels = {row.code: row.label for row in engine.breakdown(ALL_TIME, "gender").rows}
    assert labels["female"] != "Female"


def test_a_period_region_bias_and_incident_type_narrow_the_count() -> None:
    made = brief_reports()

    def by_hand(start: dt.date, end: dt.date, region: str = "", bias: str = "", incident: str = "") -> int:
        return sum(
            1
            for report in made
            if start <= report.occurred_on <= end
            and (not region or (report.region is not None and report.region.slug == region))
            and (not bias or bias in report.bias_motivations)
            and (not incident or incident in report.incident_types)
        )

    cases = [
        (dt.date(2024, 1, 1), dt.date(2024, 12, 31), "", "", ""),  # whole months: cells only
        (dt.date(2024, 3, 10), dt.date(2025, 2, 13), "", "", ""),  # days at both ends counted from reports
        (dt.date(2025, 5, 2), dt.date(2025, 5, 20), "", "", ""),  # inside one month
        (dt.date(2024, 1, 1), dt.date(2025, 12, 31), "yolo", "", ""),
        (dt.date(2024, 1, 1), dt.date(2025, 12, 31), "", "religion", ""),
        (dt.date(2024, 2, 5), dt.date(2025, 12, 31), "sacramento", "ethnicity", ""),
        (dt.date(2024, 1, 1), dt.date(2025, 12, 31), "", "", "shunning"),
        (dt.date(2024, 1, 1), dt.date(2025, 6, 30), "", "race", "verbal_harassment"),  # both: from reports
    ]
    for start, end, region, bias, incident in cases:
        selection = Selection(start, end, (region,) if region else (), bias, incident)
        expected = by_hand(start, end, region, bias, incident)
        assert engine.total(selection) == expected, (start, end, region, bias, incident)
        assert sum(counts("region", selection).values()) == expected
        assert sum(counts("gender", selection).values()) == expected


def test_reports_that_must_not_count_never_do(intake_coordinator) -> None:
    regions = greater_sacramento()
    counted = [a_counted_report(region=regions["yolo"]) for _ in range(6)]
    a_counted_report(region=regions["yolo"], consent_statistics=False)
    a_counted_report(region=regions["yolo"], verification="spam")
    a_counted_report(region=regions["yolo"], status="withdrawn")
    assert counts("region")["yolo"] == 6

    # Changes after the statistics were computed are caught up on the next read.
    reports_merge(actor=intake_coordinator, canonical=counted[0], duplicate=counted[1])
    assert counts("region")["yolo"] == 5, "a merged duplicate counts once"
    report_set_verification(actor=intake_coordinator, report=counted[2], verification="spam")
    assert counts("region")["yolo"] == 4
    reports_set_consent_statistics(report_ids=[counted[3].pk], given=False)
    assert counts("region")["yolo"] == 3
    report_withdraw(report=counted[4])
    assert counts("region")["yolo"] == 2

    report_unmerge(actor=intake_coordinator, report=counted[1])
    assert counts("region")["yolo"] == 3
    reports_set_consent_statistics(report_ids=[counted[3].pk], given=True)
    assert counts("region")["yolo"] == 4


def test_cells_kept_up_to_date_are_the_cells_a_rebuild_computes(intake_coordinator) -> None:
    made = brief_reports()
    engine.total(ALL_TIME)  # cells built
    Report.objects.filter(pk=made[0].pk).update(gender="male", updated_at=made[0].updated_at)  # not a real change path
    reports_merge(actor=intake_coordinator, canonical=made[1], duplicate=made[2])
    reports_set_consent_statistics(report_ids=[made[3].pk, made[4].pk], given=False)
    a_counted_report(region=None, location_type="online", incident_types=["online_harassment", "threat"])
    engine.total(ALL_TIME)
    caught_up = set(
        ReportCell.objects.filter(count__gt=0).values_list("scope", "dimension", "month", "region_key", "code", "count")
    )
    statistics_rebuild()
    rebuilt = set(
        ReportCell.objects.filter(count__gt=0).values_list("scope", "dimension", "month", "region_key", "code", "count")
    )
    assert caught_up == rebuilt


def test_online_incidents_have_their_own_region_row() -> None:
    greater_sacramento()
    a_counted_report(region=None, location_type="online", incident_types=["online_harassment"])
    a_counted_report(region=None, location_type="street")
    regions = counts("region")
    assert regions["online"] == 1
    assert regions["not_stated"] == 1
    assert engine.total(Selection(regions=("online",))) == 1


def test_a_selection_that_cannot_be_answered_says_why() -> None:
    with pytest.raises(SelectionError) as error:
        engine.breakdown(Selection(regions=("atlantis",)), "gender")
    assert error.value.field == "region"
    with pytest.raises(SelectionError):
        engine.breakdown(ALL_TIME, "shoe_size")
    with pytest.raises(SelectionError):
        engine.breakdown(Selection(dt.date(2025, 2, 1), dt.date(2025, 1, 1)), "gender")


def test_previous_period_of_whole_months_is_the_same_number_of_months_before() -> None:
    selection = Selection(dt.date(2025, 1, 1), dt.date(2025, 6, 30))
    previous = selection.previous_period()
    assert previous is not None
    assert (previous.date_from, previous.date_to) == (dt.date(2024, 7, 1), dt.date(2024, 12, 31))
