"""Linh, an organiser in Greater Sacramento, builds surveys; Omar in the Bay Area cannot reach them."""

from __future__ import annotations

import pytest
from django.test import Client

from safecommunity.accounts.models import Coalition, User
from safecommunity.accounts.tests.factories import signed_in
from safecommunity.core.models import AuditEvent
from safecommunity.programs.surveys.models import Option, Question, Survey
from safecommunity.programs.surveys.tests.factories import a_feelings_survey, a_survey

pytestmark = pytest.mark.django_db


def staff_url(survey: Survey, rest: str = "") -> str:
    return f"/en/staff/programmes/surveys/{survey.public_id}/{rest}"


def test_linh_builds_a_survey_without_javascript_and_opens_it(organiser_a: User) -> None:
    linh = signed_in(organiser_a)
    created = linh.post(
        "/en/staff/programmes/surveys/new/",
        {
            "title_0": "Safety walk feedback",
            "title_5": "Phản hồi về buổi đi bộ an toàn",
            "kind": "general",
            "anonymous": "on",
        },
    )
    assert created.status_code == 302
    survey = Survey.objects.get()
    assert survey.coalition.slug == "greater-sacramento"
    assert survey.status == Survey.Status.DRAFT
    assert survey.title["vi"] == "Phản hồi về buổi đi bộ an toàn"

    question = linh.post(
        staff_url(survey, "questions/new/"),
        {
            "text_0": "Did you feel safe on the walk?",
            "code": "felt_safe",
            "kind": "single_choice",
            "required": "on",
            "scale_min": 1,
            "scale_max": 5,
        },
    )
    assert question.status_code == 302
    felt_safe = Question.objects.get(code="felt_safe")
    for code, label in (("yes", "Yes"), ("no", "No")):
        assert (
            linh.post(
                staff_url(survey, f"questions/{felt_safe.pk}/options/new/"), {"label_0": label, "code": code}
            ).status_code
            == 302
        )
    follow_up = linh.post(
        staff_url(survey, "questions/new/"),
        {
            "text_0": "What would have helped?",
            "code": "helped",
            "kind": "text",
            "scale_min": 1,
            "scale_max": 5,
            "condition_question": str(felt_safe.pk),
            "condition_options": [f"{felt_safe.pk}:no"],
        },
    )
    assert follow_up.status_code == 302
    helped = Question.objects.get(code="helped")
    assert helped.condition_question == felt_safe and helped.condition_options == ["no"]

    linh.post(staff_url(survey, f"questions/{helped.pk}/move/"), {"direction": "up"})
    assert list(survey.questions.values_list("code", flat=True)) == ["helped", "felt_safe"]
    linh.post(staff_url(survey, f"questions/{helped.pk}/move/"), {"direction": "down"})

    assert "Did you feel safe on the walk?" in linh.get(staff_url(survey, "preview/")).content.decode()
    linh.post(staff_url(survey, "status/"), {"status": "open"})
    survey.refresh_from_db()
    assert survey.status == Survey.Status.OPEN
    assert Client().get(f"/en/surveys/{survey.slug}/").status_code == 200
    assert AuditEvent.objects.filter(action="survey.open").exists()


def test_a_question_with_mistakes_comes_back_with_what_was_typed(
    organiser_a: User, sacramento_coalition: Coalition
) -> None:
    survey = a_feelings_survey(sacramento_coalition)
    page = signed_in(organiser_a).post(
        staff_url(survey, "questions/new/"),
        {"text_0": "How safe is the bus stop?", "code": "feel_safe", "kind": "scale", "scale_min": 5, "scale_max": 1},
    )
    assert page.status_code == 422
    html = page.content.decode()
    assert "Another question of this survey already has this code." in html
    assert "The highest point must be above the lowest point." in html
    assert "How safe is the bus stop?" in html


def test_a_condition_must_use_answers_of_the_chosen_question(
    organiser_a: User, sacramento_coalition: Coalition
) -> None:
    survey = a_feelings_survey(sacramento_coalition)
    feel = Question.objects.get(code="feel_safe")
    page = signed_in(organiser_a).post(
        staff_url(survey, "questions/new/"),
        {
            "text_0": "Why?",
            "code": "why",
            "kind": "text",
            "scale_min": 1,
            "scale_max": 5,
            "condition_question": str(feel.pk),
        },
    )
    assert page.status_code == 422
    assert "Choose the answers that show this question." in page.content.decode()


def test_editing_and_deleting_questions_and_answers(organiser_a: User, sacramento_coalition: Coalition) -> None:
    survey = a_feelings_survey(sacramento_coalition)
    linh = signed_in(organiser_a)
    feel = Question.objects.get(code="feel_safe")
    unsure = Option.objects.get(question=feel, code="unsure")
    assert (
        linh.post(
            staff_url(survey, f"questions/{feel.pk}/options/{unsure.pk}/"), {"label_0": "Not sure", "code": "not_sure"}
        ).status_code
        == 302
    )
    unsure.refresh_from_db()
    assert unsure.label == {"en": "Not sure"}
    linh.post(staff_url(survey, f"questions/{feel.pk}/options/{unsure.pk}/delete/"))
    assert not Option.objects.filter(pk=unsure.pk).exists()

    assert "will be deleted" not in linh.get(staff_url(survey, f"questions/{feel.pk}/delete/")).content.decode()
    linh.post(staff_url(survey, f"questions/{feel.pk}/delete/"))
    assert list(survey.questions.values_list("code", flat=True)) == ["why_not"]
    assert Question.objects.get(code="why_not").condition_question is None


def test_linh_copies_each_template(organiser_a: User) -> None:
    linh = signed_in(organiser_a)
    listing = linh.get("/en/staff/programmes/surveys/").content.decode()
    assert "Mental-health needs assessment" in listing
    for template in ("needs_assessment", "pre_post_workshop", "public_safety", "event_feedback"):
        assert linh.post("/en/staff/programmes/surveys/from-template/", {"template": template}).status_code == 302
    assert Survey.objects.count() == 4
    assert set(Survey.objects.values_list("kind", flat=True)) == {
        "needs_assessment",
        "pre_post",
        "public_safety",
        "event_feedback",
    }
    assert all(survey.organisation == organiser_a.organisation for survey in Survey.objects.all())


def test_omar_in_the_bay_area_cannot_reach_greater_sacramentos_surveys(
    organiser_bay: User, sacramento_coalition: Coalition
) -> None:
    survey = a_feelings_survey(sacramento_coalition)
    question = Question.objects.get(code="feel_safe")
    omar = signed_in(organiser_bay)
    for url in (
        staff_url(survey),
        staff_url(survey, "settings/"),
        staff_url(survey, "preview/"),
        staff_url(survey, "results/"),
        staff_url(survey, "results.csv"),
        staff_url(survey, f"questions/{question.pk}/"),
    ):
        assert omar.get(url).status_code == 404, url
    assert omar.post(staff_url(survey, "status/"), {"status": "closed"}).status_code == 404
    assert "Community survey" not in omar.get("/en/staff/programmes/surveys/").content.decode()


def test_other_roles_are_refused_and_the_public_is_asked_to_sign_in(
    volunteer: User, analyst: User, sacramento_coalition: Coalition
) -> None:
    survey = a_survey(sacramento_coalition)
    for person in (volunteer, analyst):
        assert signed_in(person).get(staff_url(survey)).status_code == 403
    assert Client().get(staff_url(survey)).status_code == 302


def test_a_feedback_survey_needs_its_event(organiser_a: User) -> None:
    page = signed_in(organiser_a).post(
        "/en/staff/programmes/surveys/new/", {"title_0": "Feedback", "kind": "event_feedback"}
    )
    assert page.status_code == 422
    assert "Choose the event this feedback survey is about." in page.content.decode()


def test_a_survey_without_questions_cannot_open(organiser_a: User, sacramento_coalition: Coalition) -> None:
    survey = a_survey(sacramento_coalition, status=Survey.Status.DRAFT)
    signed_in(organiser_a).post(staff_url(survey, "status/"), {"status": "open"})
    survey.refresh_from_db()
    assert survey.status == Survey.Status.DRAFT
