"""Urgency flags are raised when a report arrives; Mai verifies, merges, unmerges and links reports, all audited."""

from __future__ import annotations

import datetime as dt

import pytest

from safecommunity.core.models import AuditEvent
from safecommunity.reports.drafts import ReportDraft
from safecommunity.reports.interchange import ImportRow
from safecommunity.reports.models import Report, ReportLink
from safecommunity.reports.services import reports_import
from safecommunity.reports.tests.factories import a_submitted_report
from safecommunity.reports.triage import (
    TriageError,
    report_set_verification,
    report_unmerge,
    reports_link_related,
    reports_mark_not_duplicate,
    reports_merge,
    reports_unlink,
)
from safecommunity.reports.urgency import raise_flags

pytestmark = pytest.mark.django_db


def test_a_korean_description_of_a_beating_that_keeps_happening_raises_injury_and_ongoing_threat() -> None:
    report = a_submitted_report(
        description="그 남자가 또다시 와서 저를 때렸어요. 병원에 다녀왔고 제가 어디 사는지 알고 있어요.",
        incident_types=["verbal_harassment"],
    ).report
    report.refresh_from_db()
    assert set(report.urgency_flags) == {"physical_injury", "ongoing_threat"}


def test_an_arabic_description_with_words_of_despair_raises_self_harm_first() -> None:
    report = a_submitted_report(
        description="هددني بالقتل أمام بيتي، ولا أريد أن أعيش بعد الآن.", incident_types=["verbal_harassment"]
    ).report
    report.refresh_from_db()
    assert report.urgency_flags[0] == "self_harm"
    assert "ongoing_threat" in report.urgency_flags


def test_coded_answers_raise_flags_without_any_words() -> None:
    report = a_submitted_report(
        description="",
        incident_types=["physical_assault", "threat"],
        age_group="under_18",
        may_contact=True,
        contact_methods=["text"],
        contact_phone="916-555-0100",
    ).report
    report.refresh_from_db()
    assert report.urgency_flags == ["physical_injury", "ongoing_threat", "minor_involved", "callback_requested"]


def test_a_calm_description_raises_nothing() -> None:
    report = a_submitted_report(description="Someone muttered something rude while I was paying at the store.").report
    report.refresh_from_db()
    assert report.urgency_flags == []


def test_each_flag_says_why_and_which_words_matched() -> None:
    flags = {flag.code: flag for flag in raise_flags(description="Mi hijo de 12 años fue golpeado, estaba sangrando")}
    assert "minor_involved" in flags and "12 años" in flags["minor_involved"].matched
    assert "sangr" in flags["physical_injury"].matched
    assert flags["physical_injury"].explanation


def test_school_words_count_only_at_a_school() -> None:
    assert not raise_flags(description="My daughter was insulted at the mall.", location_type="business")
    assert [flag.code for flag in raise_flags(description="My daughter was insulted.", location_type="school")] == [
        "minor_involved"
    ]


def test_imported_reports_get_their_flags_too() -> None:
    row = ImportRow(
        row=2,
        external_id="p-1",
        channel="partner",
        draft=ReportDraft(occurred_on=dt.date(2026, 3, 1), incident_types=["physical_assault"], description="punched"),
    )
    reports_import(rows=[row], source="partner-a")
    assert Report.objects.get(external_id="p-1").urgency_flags == ["physical_injury"]


def test_mai_marks_a_report_as_spam_and_the_change_is_audited(intake_coordinator) -> None:
    report = a_submitted_report().report
    report_set_verification(actor=intake_coordinator, report=report, verification="spam")
    report.refresh_from_db()
    assert report.verification == "spam"
    event = AuditEvent.objects.get(action="report.verification")
    assert event.details == {"from": "unverified", "to": "spam"}
    assert event.actor == intake_coordinator


def test_duplicate_is_not_a_state_one_sets_by_hand(intake_coordinator) -> None:
    report = a_submitted_report().report
    with pytest.raises(TriageError):
        report_set_verification(actor=intake_coordinator, report=report, verification="duplicate")


def test_mai_merges_a_duplicate_and_unmerges_it_again(intake_coordinator) -> None:
    canonical = a_submitted_report().report
    duplicate = a_submitted_report().report
    report_set_verification(actor=intake_coordinator, report=duplicate, verification="needs_info")
    reports_merge(actor=intake_coordinator, canonical=canonical, duplicate=duplicate)
    duplicate.refresh_from_db()
    assert (duplicate.merged_into, duplicate.verification) == (canonical, "duplicate")
    report_unmerge(actor=intake_coordinator, report=duplicate)
    duplicate.refresh_from_db()
    assert (duplicate.merged_into, duplicate.verification) == (None, "needs_info")
    assert list(
        AuditEvent.objects.filter(target_id=str(duplicate.pk)).order_by("pk").values_list("action", flat=True)
    ) == [
        "report.verification",
        "report.merge",
        "report.unmerge",
    ]


def test_merging_a_report_that_has_duplicates_moves_them_and_unmerging_brings_them_back(intake_coordinator) -> None:
    first, second, third = (a_submitted_report().report for _ in range(3))
    reports_merge(actor=intake_coordinator, canonical=second, duplicate=third)
    reports_merge(actor=intake_coordinator, canonical=first, duplicate=second)
    assert set(first.merged_reports.all()) == {second, third}
    report_unmerge(actor=intake_coordinator, report=second)
    assert list(second.merged_reports.all()) == [third]
    assert not first.merged_reports.exists()


def test_merges_that_make_no_sense_are_refused(intake_coordinator) -> None:
    first, second, third = (a_submitted_report().report for _ in range(3))
    with pytest.raises(TriageError):
        reports_merge(actor=intake_coordinator, canonical=first, duplicate=first)
    reports_merge(actor=intake_coordinator, canonical=first, duplicate=second)
    with pytest.raises(TriageError):
        reports_merge(actor=intake_coordinator, canonical=second, duplicate=third)
    with pytest.raises(TriageError):
        report_unmerge(actor=intake_coordinator, report=first)


def test_related_and_not_duplicate_links_are_kept_once_and_can_be_undone(intake_coordinator) -> None:
    first, second = a_submitted_report().report, a_submitted_report().report
    reports_link_related(actor=intake_coordinator, report=second, other=first)
    reports_link_related(actor=intake_coordinator, report=first, other=second)
    reports_mark_not_duplicate(actor=intake_coordinator, report=first, other=second)
    assert ReportLink.objects.count() == 2
    assert reports_unlink(actor=intake_coordinator, report=second, other=first, kind="related") == 1
    assert list(ReportLink.objects.values_list("kind", flat=True)) == ["not_duplicate"]
    assert AuditEvent.objects.filter(action__startswith="report.link.").count() == 2
    assert AuditEvent.objects.filter(action="report.unlink").count() == 1
