"""Linh reads her survey's results: counts protected like the statistics, the change before and after, CSV."""

from __future__ import annotations

import csv
import io

import pytest
from django.test import Client

from safecommunity.accounts.models import Coalition, User
from safecommunity.accounts.tests.factories import a_staff_member, signed_in
from safecommunity.core.models import AuditEvent
from safecommunity.core.roles import Role
from safecommunity.programs.surveys.models import Survey
from safecommunity.programs.surveys.tests.factories import a_feelings_survey, a_template_survey, answered

pytestmark = pytest.mark.django_db


def results_url(survey: Survey, rest: str = "results/") -> str:
    return f"/en/staff/programmes/surveys/{survey.public_id}/{rest}"


def many_answers(survey: Survey) -> None:
    for _ in range(8):
        answered(survey, feel_safe="yes", language="vi")
    for number in range(6):
        answered(survey, feel_safe="no", why_not=f"The bus stop on J Street, story {number}")
    answered(survey, feel_safe="unsure")


def test_a_survey_with_fewer_than_five_responses_shows_no_breakdown(
    organiser_a: User, sacramento_coalition: Coalition
) -> None:
    survey = a_feelings_survey(sacramento_coalition)
    for _ in range(4):
        answered(survey, feel_safe="yes")
    page = signed_in(organiser_a).get(results_url(survey))
    html = page.content.decode()
    assert "Fewer than 5 responses: no breakdown is shown yet." in html
    assert 'class="chart"' not in html


def test_counts_charts_and_small_numbers(organiser_a: User, sacramento_coalition: Coalition) -> None:
    survey = a_feelings_survey(sacramento_coalition)
    many_answers(survey)
    page = signed_in(organiser_a).get(results_url(survey))
    assert page.status_code == 200
    results = page.context["results"]
    assert results.responses == 15
    feel = results.questions[0].tables[0].published
    rows = {row.code: (row.count, row.hidden) for row in feel.rows}
    # "unsure" (1) is too small; "no" (6, the smallest other) is hidden too, or 1 could be worked out from 15 − 8.
    assert rows == {"yes": (8, ""), "no": (None, "complementary"), "unsure": (None, "small")}
    html = page.content.decode()
    assert "<svg" in html and 'role="img"' in html
    assert "fewer than 5" in html and '<th scope="row">' in html


def test_filtering_by_language_counts_only_those_answers(organiser_a: User, sacramento_coalition: Coalition) -> None:
    survey = a_feelings_survey(sacramento_coalition)
    many_answers(survey)
    results = signed_in(organiser_a).get(results_url(survey), {"language": "vi"}).context["results"]
    assert results.responses == 8
    assert [row.count for row in results.questions[0].tables[0].published.rows] == [8, 0, 0]


def test_free_text_is_for_the_owning_coalitions_organisers_only_and_never_in_the_csv(
    organiser_a: User, sacramento_coalition: Coalition
) -> None:
    survey = a_feelings_survey(sacramento_coalition)
    many_answers(survey)
    linh = signed_in(organiser_a)
    assert "The bus stop on J Street, story 3" in linh.get(results_url(survey)).content.decode()
    assert AuditEvent.objects.filter(action="survey.free_text_view").exists()

    nadia = signed_in(a_staff_member("nadia.admin", role=Role.COALITION_ADMIN))  # of no organisation: every coalition
    html = nadia.get(results_url(survey)).content.decode()
    assert "The bus stop on J Street" not in html
    assert "Free-text answers are shown only to the organisers" in html

    download = linh.get(results_url(survey, "results.csv"))
    assert download["Content-Type"].startswith("text/csv")
    content = download.content.decode("utf-8-sig")
    assert "J Street" not in content
    rows = list(csv.DictReader(io.StringIO(content)))
    by_answer = {row["answer"]: row for row in rows if row["question"] == "feel_safe"}
    assert by_answer["yes"]["count"] == "8"
    assert by_answer["unsure"]["count"] == "" and by_answer["unsure"]["note"] == "fewer than 5"
    assert by_answer["no"]["note"] == "hidden"


def test_the_change_from_before_to_after_a_workshop(organiser_a: User, sacramento_coalition: Coalition) -> None:
    survey = a_template_survey(sacramento_coalition, "pre_post_workshop")
    for number in range(6):
        answered(survey, phase="pre", pairing=f"P{number}", confidence_intervene=2, know_report=1, know_rights=2)
        answered(survey, phase="post", pairing=f"P{number}", confidence_intervene=4, know_report=4, know_rights=2)
    answered(survey, phase="pre", confidence_intervene=5, know_report=1, know_rights=2)  # never came back

    page = signed_in(organiser_a).get(results_url(survey))
    changes = {change.code: change for change in page.context["results"].changes}
    confidence = changes["confidence_intervene"]
    assert confidence.mean_pre == round((2 * 6 + 5) / 7, 2)
    assert confidence.mean_post == 4.0
    assert confidence.pairs == 6
    assert confidence.paired_change == 2.0
    assert changes["know_rights"].change == 0.0
    assert changes["know_support"].mean_pre is None
    assert "Change from before to after" in page.content.decode()

    only_after = signed_in(organiser_a).get(results_url(survey), {"phase": "post"}).context["results"]
    assert only_after.responses == 6


def test_too_few_pairs_are_not_counted_exactly(organiser_a: User, sacramento_coalition: Coalition) -> None:
    survey = a_template_survey(sacramento_coalition, "pre_post_workshop")
    for number in range(6):
        answered(survey, phase="pre", pairing=f"P{number}" if number < 2 else "", confidence_intervene=2)
        answered(survey, phase="post", pairing=f"P{number}" if number < 2 else "", confidence_intervene=3)
    changes = signed_in(organiser_a).get(results_url(survey)).context["results"].changes
    confidence = changes[0]
    assert confidence.change == 1.0 and confidence.pairs is None and confidence.paired_change is None


def test_the_api_gives_organisers_the_protected_counts(
    organiser_a: User, organiser_bay: User, sacramento_coalition: Coalition
) -> None:
    survey = a_feelings_survey(sacramento_coalition)
    many_answers(survey)
    body = signed_in(organiser_a).get(f"/api/v1/surveys/{survey.slug}/results").json()
    assert body["responses"] == 15
    rows = {row["code"]: row for row in body["questions"][0]["tables"][0]["rows"]}
    assert rows["yes"]["count"] == 8 and rows["unsure"]["count"] is None and rows["unsure"]["hidden"] == "small"
    assert "J Street" not in str(body)
    assert signed_in(organiser_bay).get(f"/api/v1/surveys/{survey.slug}/results").status_code == 404
    assert Client().get(f"/api/v1/surveys/{survey.slug}/results").status_code == 401
