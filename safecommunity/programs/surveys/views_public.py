"""Answering a survey: anonymous visitors, in their language, with or without JavaScript."""

from __future__ import annotations

import secrets

from django.conf import settings
from django.core import signing
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from safecommunity.core.encryption import lookup_hash
from safecommunity.core.http import no_store
from safecommunity.programs.events.models import Registration
from safecommunity.programs.surveys.forms_response import ResponseForm
from safecommunity.programs.surveys.models import Response, Survey
from safecommunity.programs.surveys.selectors import open_survey, survey_questions
from safecommunity.programs.surveys.services import AlreadyAnswered, has_answered, new_pairing_code, response_submit

BROWSER_COOKIE = "sc_survey_browser"
INVITE_SALT = "surveys.invite"
INVITE_MAX_AGE = 60 * 60 * 24 * 90


def invite_token(registration: Registration) -> str:
    """What an e-mailed link carries: which registration it was sent for (to answer once, and pair answers)."""
    return signing.dumps(str(registration.public_id), salt=INVITE_SALT, compress=True)


def _invited_registration(request: HttpRequest, survey: Survey) -> str:
    token = request.GET.get("invite", "")
    if not token:
        return ""
    try:
        public_id = signing.loads(token, salt=INVITE_SALT, max_age=INVITE_MAX_AGE)
    except signing.BadSignature:
        return ""
    if survey.event_id and not Registration.objects.filter(public_id=public_id, event_id=survey.event_id).exists():
        return ""
    return str(public_id)


def _respondent_key(request: HttpRequest, survey: Survey, form: ResponseForm | None, browser: str) -> str:
    registration = _invited_registration(request, survey)
    if registration:
        return f"registration:{registration}"
    if form is not None and not survey.anonymous and form.cleaned_data.get("email"):
        return f"email:{lookup_hash(form.cleaned_data['email'].strip().lower())}"
    if request.user.is_authenticated:
        return f"user:{request.user.pk}"
    return f"browser:{browser}" if browser else ""


def _page(request: HttpRequest, survey: Survey, form: ResponseForm, *, status: int = 200) -> HttpResponse:
    context = {"survey": survey, "form": form, "blocks": form.blocks(), "preview": False}
    return render(request, "surveys/take.html", context, status=status)


@never_cache
@require_http_methods(["GET", "POST"])
def survey_take(request: HttpRequest, slug: str) -> HttpResponse:
    survey = open_survey(slug=slug)
    if survey is None:
        raise Http404
    if survey.status == Survey.Status.CLOSED:
        return render(request, "surveys/closed.html", {"survey": survey}, status=410)
    questions = survey_questions(survey=survey)
    browser = request.COOKIES.get(BROWSER_COOKIE, "")
    once = survey.one_response_per_person
    if request.method != "POST":
        form = ResponseForm(survey=survey, questions=questions, initial={"phase": request.GET.get("phase", "")})
        if (
            once
            and not survey.is_pre_post
            and has_answered(survey=survey, key=_respondent_key(request, survey, None, browser))
        ):
            return render(request, "surveys/already_answered.html", {"survey": survey})
        return _page(request, survey, form)
    form = ResponseForm(request.POST, survey=survey, questions=questions)
    if not form.is_valid():
        return _page(request, survey, form, status=422)
    new_browser = browser or secrets.token_urlsafe(24)
    phase = form.cleaned_data.get("phase", "")
    registration = _invited_registration(request, survey)
    pairing_code = form.cleaned_data.get("pairing_code", "").strip()
    shown_code = ""
    if survey.is_pre_post:
        if registration:
            pairing_code = f"registration:{registration}"
        elif not pairing_code and phase == Response.Phase.PRE:
            pairing_code = shown_code = new_pairing_code()
        else:
            shown_code = pairing_code
    try:
        response_submit(
            survey=survey,
            answers=form.answers,
            language=get_language() or settings.LANGUAGE_CODE,
            phase=phase,
            pairing_code=pairing_code,
            respondent_key=_respondent_key(request, survey, form, new_browser),
            name=form.cleaned_data.get("name", ""),
            email=form.cleaned_data.get("email", ""),
        )
    except AlreadyAnswered:
        return render(request, "surveys/already_answered.html", {"survey": survey}, status=409)
    page = render(request, "surveys/thanks.html", {"survey": survey, "pairing_code": shown_code, "phase": phase})
    if not browser:
        page.set_cookie(
            BROWSER_COOKIE,
            new_browser,
            max_age=60 * 60 * 24 * 365,
            httponly=True,
            samesite="Lax",
            secure=request.is_secure(),
        )
    return no_store(page)
