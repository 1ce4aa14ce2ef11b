"""Members of the public answer a survey in their language, with or without JavaScript."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import Client

from safecommunity.accounts.models import Coalition
from safecommunity.programs.surveys.models import Answer, Question, Response, Survey
from safecommunity.programs.surveys.tests.factories import a_feelings_survey, a_question, a_survey, a_template_survey

pytestmark = pytest.mark.django_db


def test_a_vietnamese_speaker_answers_in_vietnamese_and_is_thanked(sacramento_coalition: Coalition) -> None:
    survey = a_feelings_survey(sacramento_coalition)
    page = Client().get(f"/vi/surveys/{survey.slug}/")
    assert page.status_code == 200
    html = page.content.decode()
    assert 'lang="vi"' in html and "Bạn có cảm thấy an toàn trong khu phố không?" in html

    thanks = Client().post(f"/vi/surveys/{survey.slug}/", {"q_feel_safe": "yes"})

    assert thanks.status_code == 200
    assert "Cảm ơn bạn!" in thanks.content.decode()
    response = Response.objects.get(survey=survey)
    assert response.language == "vi"
    assert Answer.objects.get(response=response).option_codes == ["yes"]


def test_a_text_missing_in_the_visitors_language_falls_back_to_english(sacramento_coalition: Coalition) -> None:
    survey = a_feelings_survey(sacramento_coalition)
    html = Client().get(f"/ko/surveys/{survey.slug}/").content.decode()
    assert '<span lang="en" dir="ltr">Do you feel safe in your neighbourhood?</span>' in html


def test_a_needed_answer_left_out_is_asked_for_and_nothing_typed_is_lost(sacramento_coalition: Coalition) -> None:
    survey = a_feelings_survey(sacramento_coalition)
    a_question(survey, "ideas", Question.Kind.TEXT)

    page = Client().post(f"/en/surveys/{survey.slug}/", {"ideas": "", "q_ideas": "More street lights"})

    assert page.status_code == 422
    html = page.content.decode()
    assert "Please answer this question." in html
    assert "More street lights" in html
    assert not Response.objects.exists()


def test_a_conditional_question_counts_only_when_its_condition_is_met(sacramento_coalition: Coalition) -> None:
    survey = a_feelings_survey(sacramento_coalition)
    page = Client().get(f"/en/surveys/{survey.slug}/").content.decode()
    assert "Answer this only if your answer to “Do you feel safe in your neighbourhood?” was: “No”." in page

    # Feeling safe: the follow-up is neither needed nor kept, even if something was typed in it without JavaScript.
    assert (
        Client().post(f"/en/surveys/{survey.slug}/", {"q_feel_safe": "yes", "q_why_not": "typed anyway"}).status_code
        == 200
    )
    assert not Answer.objects.filter(question__code="why_not").exists()

    # Not feeling safe: the follow-up is needed.
    missing = Client().post(f"/en/surveys/{survey.slug}/", {"q_feel_safe": "no"})
    assert missing.status_code == 422
    Client().post(f"/en/surveys/{survey.slug}/", {"q_feel_safe": "no", "q_why_not": "Dark streets"})
    assert Answer.objects.get(question__code="why_not").text == "Dark streets"


def test_every_kind_of_question_is_stored(sacramento_coalition: Coalition) -> None:
    survey = a_survey(sacramento_coalition)
    a_question(survey, "topics", Question.Kind.MULTIPLE_CHOICE, options=("rights", "bystander", "children"))
    a_question(survey, "confidence", Question.Kind.SCALE, scale_min=1, scale_max=5)
    a_question(survey, "trust", Question.Kind.MATRIX, options=("police", "neighbours"), scale_min=1, scale_max=4)

    Client().post(
        f"/es/surveys/{survey.slug}/",
        {"q_topics": ["rights", "children"], "q_confidence": "4", "q_trust__police": "2", "q_trust__neighbours": "4"},
    )

    answers = {answer.question.code: answer for answer in Answer.objects.select_related("question")}
    assert answers["topics"].option_codes == ["rights", "children"]
    assert answers["confidence"].number == 4
    assert answers["trust"].matrix == {"police": 2, "neighbours": 4}


def test_a_value_outside_the_choices_is_refused(sacramento_coalition: Coalition) -> None:
    survey = a_feelings_survey(sacramento_coalition)
    page = Client().post(f"/en/surveys/{survey.slug}/", {"q_feel_safe": "maybe"})
    assert page.status_code == 422
    assert not Response.objects.exists()


def test_one_response_per_browser_for_an_anonymous_once_only_survey(sacramento_coalition: Coalition) -> None:
    survey = a_feelings_survey(sacramento_coalition, one_response_per_person=True)
    browser = Client()
    assert browser.post(f"/en/surveys/{survey.slug}/", {"q_feel_safe": "yes"}).status_code == 200

    again = browser.get(f"/en/surveys/{survey.slug}/")
    assert "You have already answered" in again.content.decode()
    assert browser.post(f"/en/surveys/{survey.slug}/", {"q_feel_safe": "no", "q_why_not": "x"}).status_code == 409
    assert Response.objects.count() == 1
    # Someone else, on another phone, may answer.
    assert Client().post(f"/en/surveys/{survey.slug}/", {"q_feel_safe": "yes"}).status_code == 200


def test_an_identified_survey_keeps_the_email_encrypted_and_one_response_per_address(
    sacramento_coalition: Coalition,
) -> None:
    survey = a_feelings_survey(sacramento_coalition, anonymous=False, one_response_per_person=True)
    first = Client().post(
        f"/en/surveys/{survey.slug}/", {"q_feel_safe": "yes", "name": "Hoa", "email": "hoa@example.org"}
    )
    assert first.status_code == 200
    second = Client().post(
        f"/en/surveys/{survey.slug}/", {"q_feel_safe": "no", "q_why_not": "x", "email": "HOA@example.org"}
    )
    assert second.status_code == 409
    response = Response.objects.get()
    assert response.email == "hoa@example.org"
    with connection.cursor() as cursor:
        cursor.execute("SELECT email FROM surveys_response")
        assert "hoa@example.org" not in cursor.fetchone()[0]


def test_an_identified_survey_needs_an_email_address(sacramento_coalition: Coalition) -> None:
    survey = a_feelings_survey(sacramento_coalition, anonymous=False)
    page = Client().post(f"/en/surveys/{survey.slug}/", {"q_feel_safe": "yes"})
    assert page.status_code == 422
    assert "Please enter your e-mail address." in page.content.decode()


def test_before_a_workshop_a_code_is_given_and_after_it_pairs_the_answers(sacramento_coalition: Coalition) -> None:
    survey = a_template_survey(sacramento_coalition, "pre_post_workshop")
    answers = {"q_confidence_intervene": "2", "q_know_report": "1", "q_know_rights": "2"}
    before = Client().post(f"/en/surveys/{survey.slug}/", {**answers, "phase": "pre"})
    code = before.context["pairing_code"]
    assert code and code in before.content.decode()

    after = Client().post(
        f"/en/surveys/{survey.slug}/", {**answers, "q_know_report": "5", "phase": "post", "pairing_code": code.lower()}
    )

    assert after.status_code == 200
    pre, post = Response.objects.order_by("created_at")
    assert (pre.phase, post.phase) == ("pre", "post")
    assert pre.pairing_hash and pre.pairing_hash == post.pairing_hash
    assert code not in str(list(Response.objects.values()))


def test_a_before_and_after_survey_asks_when_one_answers(sacramento_coalition: Coalition) -> None:
    survey = a_template_survey(sacramento_coalition, "pre_post_workshop")
    page = Client().post(
        f"/en/surveys/{survey.slug}/", {"q_confidence_intervene": "2", "q_know_report": "1", "q_know_rights": "2"}
    )
    assert page.status_code == 422
    assert "Please say whether you are answering before or after." in page.content.decode()


def test_drafts_are_not_found_and_closed_surveys_say_so(sacramento_coalition: Coalition) -> None:
    draft = a_survey(sacramento_coalition, status=Survey.Status.DRAFT)
    closed = a_survey(sacramento_coalition, status=Survey.Status.CLOSED)
    assert Client().get(f"/en/surveys/{draft.slug}/").status_code == 404
    page = Client().get(f"/en/surveys/{closed.slug}/")
    assert page.status_code == 410
    assert "This survey is closed" in page.content.decode()
    assert Client().post(f"/en/surveys/{closed.slug}/", {}).status_code == 410
