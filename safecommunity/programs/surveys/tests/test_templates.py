"""The shipped surveys are complete in English, Vietnamese, Traditional Chinese and Spanish."""

from __future__ import annotations

import pytest

from safecommunity.accounts.models import Coalition
from safecommunity.programs.surveys.models import Question
from safecommunity.programs.surveys.survey_templates import SURVEY_TEMPLATES
from safecommunity.programs.surveys.tests.factories import a_template_survey

LANGUAGES = {"en", "vi", "zh-hant", "es"}


@pytest.mark.parametrize("code", list(SURVEY_TEMPLATES))
def test_every_text_of_the_template_is_in_four_languages(code: str) -> None:
    template = SURVEY_TEMPLATES[code]
    texts = [template.title, template.intro, template.thanks]
    for question in template.questions:
        texts.append(question.text)
        texts.extend(label for _code, label in question.options)
        if question.help:
            texts.append(question.help)
        if question.scale:
            texts.extend(question.scale[2:])
    for text in texts:
        assert set(text) == LANGUAGES and all(value.strip() for value in text.values()), text


@pytest.mark.django_db
@pytest.mark.parametrize("code", list(SURVEY_TEMPLATES))
def test_a_copy_is_a_survey_with_questions_and_working_conditions(code: str, sacramento_coalition: Coalition) -> None:
    survey = a_template_survey(sacramento_coalition, code)
    questions = list(survey.questions.all())
    assert len(questions) == len(SURVEY_TEMPLATES[code].questions)
    for question in questions:
        if question.has_options:
            assert question.options.exists(), question.code
        if question.condition_question is not None:
            assert question.condition_question.order < question.order
            codes = set(question.condition_question.options.values_list("code", flat=True))
            assert set(question.condition_options) <= codes
    assert {question.kind for question in questions} - set(Question.Kind.values) == set()
