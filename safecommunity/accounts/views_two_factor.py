"""The second factor: set up an authenticator app, confirm a sign-in with it (or a recovery code).

``two_factor`` decides which: a person whose role needs a second factor and who
has no confirmed authenticator sets one up; everyone else with one is asked for
a code. A role that does not need it is sent straight on.
"""

from __future__ import annotations

from base64 import b32encode

import segno
from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render, resolve_url
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from safecommunity.accounts import selectors, services
from safecommunity.accounts.forms import AuthenticatorSetUpForm, TwoFactorForm
from safecommunity.accounts.models import User
from safecommunity.accounts.views import safe_next
from safecommunity.core.access import redirect_with_next, staff_view, url_with_next
from safecommunity.core.ratelimits import rate_limit
from safecommunity.core.roles import needs_two_factor, two_factor_satisfied

CODES_TO_SHOW = "accounts_recovery_codes"
RECOVERY_CODE_USED = "accounts_recovery_code_used"


def _private(response: HttpResponse) -> HttpResponse:
    response["Cache-Control"] = "no-store"
    return response


@never_cache
@require_http_methods(["GET", "POST"])
@rate_limit(group="two-factor", rate_setting="TWO_FACTOR_RATE")
def two_factor(request: HttpRequest) -> HttpResponse:
    user = request.user
    if not user.is_authenticated:
        return redirect_with_next(settings.LOGIN_URL, request)
    next_url = safe_next(request)
    if not needs_two_factor(user) or two_factor_satisfied(user):
        return HttpResponseRedirect(next_url)
    assert isinstance(user, User)
    if selectors.confirmed_authenticator(user=user) is None:
        return _set_up(request, user, next_url)
    return _verify(request, user, next_url)


def _secret_groups(device: TOTPDevice) -> str:
    secret = b32encode(device.bin_key).decode()
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def _qr_svg(device: TOTPDevice) -> str:
    qr = segno.make(device.config_url, error="m")
    svg = qr.svg_inline(scale=5, dark="#000", light="#fff", title=_("QR code for your authenticator app"))
    return str(svg).replace("<svg ", '<svg role="img" ', 1)


def _set_up(request: HttpRequest, user: User, next_url: str) -> HttpResponse:
    device = services.totp_device_prepare(user=user)
    form = AuthenticatorSetUpForm(request.POST if request.method == "POST" else None)
    status = 200
    if form.is_bound:
        if form.is_valid():
            result = services.totp_device_confirm(user=user, device=device, code=form.cleaned_data["code"])
            if result.device is not None:
                otp_login(request, result.device)
                request.session.cycle_key()
                request.session[CODES_TO_SHOW] = result.recovery_codes
                return redirect(url_with_next("accounts:recovery_codes", next_url))
            form.add_error("code", _throttled() if result.throttled else _wrong_set_up_code())
        status = 422
    context = {"form": form, "next": next_url, "qr_svg": mark_safe(_qr_svg(device)), "secret": _secret_groups(device)}  # noqa: S308 (segno's SVG, no user input)
    return _private(render(request, "accounts/two_factor_set_up.html", context, status=status))


def _wrong_set_up_code() -> str:
    return _(
        "That code did not match. Check that the clock of your phone is right, wait for a new code and type it again."
    )


def _throttled() -> str:
    return _("Too many codes were wrong. Please wait a minute, then type a new code.")


def _verify(request: HttpRequest, user: User, next_url: str) -> HttpResponse:
    form = TwoFactorForm(request.POST if request.method == "POST" else None)
    status = 200
    if form.is_bound:
        if form.is_valid():
            result = services.two_factor_verify(user=user, code=form.cleaned_data["code"])
            if result.device is not None:
                otp_login(request, result.device)
                request.session.cycle_key()
                if result.used_recovery_code:
                    request.session[RECOVERY_CODE_USED] = result.recovery_codes_left
                    return redirect(url_with_next("accounts:security", next_url))
                return HttpResponseRedirect(next_url)
            form.add_error(
                "code",
                _throttled()
                if result.throttled
                else _("That code is not right. Type the code your authenticator app shows now, or a recovery code."),
            )
        status = 422
    return _private(render(request, "accounts/two_factor_verify.html", {"form": form, "next": next_url}, status=status))


@never_cache
@staff_view()
def recovery_codes(request: HttpRequest) -> HttpResponse:
    """The recovery codes just made, shown once: a reload does not show them again."""
    codes = request.session.pop(CODES_TO_SHOW, None)
    if not codes:
        return redirect("accounts:security")
    return _private(render(request, "accounts/recovery_codes.html", {"codes": codes, "next": safe_next(request)}))


@never_cache
@staff_view()
def security(request: HttpRequest) -> HttpResponse:
    user = request.user
    assert isinstance(user, User)
    just_used_codes_left = request.session.pop(RECOVERY_CODE_USED, None)
    context = {
        "needs_two_factor": needs_two_factor(user),
        "has_authenticator": selectors.confirmed_authenticator(user=user) is not None,
        "codes_left": selectors.recovery_codes_left(user=user),
        "recovery_code_used": just_used_codes_left is not None,
        "just_used_codes_left": just_used_codes_left,
        "next": safe_next(request) if request.GET.get("next") else "",
    }
    return _private(render(request, "accounts/security.html", context))


@require_POST
@staff_view()
def recovery_codes_new(request: HttpRequest) -> HttpResponse:
    user = request.user
    assert isinstance(user, User)
    if not needs_two_factor(user):
        return redirect("accounts:security")
    request.session[CODES_TO_SHOW] = services.recovery_codes_replace(user=user)
    return redirect(url_with_next("accounts:recovery_codes", resolve_url("accounts:security")))
