"""Survey results over JSON, for the coalition's organisers: the same protected counts as the results page."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Router
from ninja.errors import HttpError
from ninja.security import django_auth

from safecommunity.accounts.models import User
from safecommunity.core.access import require_api_capability
from safecommunity.core.roles import Capability
from safecommunity.programs.surveys.models import Response
from safecommunity.programs.surveys.results import results_json, survey_results
from safecommunity.programs.surveys.selectors import survey_questions, surveys_for_staff

router = Router(tags=["Surveys"])


@router.get("/surveys/{slug}/results", auth=django_auth, url_name="survey_results")
def survey_results_api(request: HttpRequest, slug: str, language: str = "", phase: str = "") -> dict[str, Any]:
    """Counts per question and answer; counts below the statistics' minimum are ``null`` with ``hidden`` saying why."""
    require_api_capability(request, Capability.MANAGE_PROGRAMS)
    assert isinstance(request.user, User)
    survey = surveys_for_staff(user=request.user).filter(slug=slug).first()
    if survey is None:
        raise HttpError(404, _("There is no survey with this address."))
    if phase not in {"", Response.Phase.PRE, Response.Phase.POST}:
        phase = ""
    results = survey_results(survey=survey, questions=survey_questions(survey=survey), language=language, phase=phase)
    return results_json(results)
