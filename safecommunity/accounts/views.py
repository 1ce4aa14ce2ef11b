from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import AuthenticationForm
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import resolve_url
from django.utils.decorators import method_decorator
from django.utils.http import url_has_allowed_host_and_scheme

from safecommunity.accounts import services
from safecommunity.core.access import TWO_FACTOR_URL, url_with_next
from safecommunity.core.ratelimits import rate_limit
from safecommunity.core.roles import needs_two_factor, two_factor_satisfied


def safe_next(request: HttpRequest) -> str:
    """Where to go after signing in: the ``next`` asked for if it stays on this site, else the staff home page."""
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if candidate and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return resolve_url(settings.LOGIN_REDIRECT_URL)


@method_decorator(rate_limit(group="sign-in", rate_setting="SIGN_IN_RATE"), name="post")
class SignInView(auth_views.LoginView):
    """The password step; a role that can see personal data goes on to the second factor."""

    template_name = "accounts/sign_in.html"
    redirect_authenticated_user = True

    def get_success_url(self) -> str:
        destination = safe_next(self.request)
        user = self.request.user
        if needs_two_factor(user) and not two_factor_satisfied(user):
            return url_with_next(TWO_FACTOR_URL, destination)
        return destination

    def form_valid(self, form: AuthenticationForm) -> HttpResponse:
        response = super().form_valid(form)
        services.sign_in_record(user=form.get_user())
        return response

    def form_invalid(self, form: AuthenticationForm) -> HttpResponse:
        reasons = sorted({error.code or "invalid" for errors in form.errors.as_data().values() for error in errors})
        services.sign_in_failure_record(username=str(form.data.get("username", "")), reasons=reasons)
        return super().form_invalid(form)


def sign_in(request: HttpRequest) -> HttpResponseBase:
    return SignInView.as_view()(request)


class SignOutView(auth_views.LogoutView):
    template_name = "accounts/signed_out.html"

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if request.user.is_authenticated:
            services.sign_out_record(user=request.user)
        return super().post(request, *args, **kwargs)


def sign_out(request: HttpRequest) -> HttpResponseBase:
    return SignOutView.as_view()(request)


def admin_sign_in(request: HttpRequest, extra_context: dict[str, object] | None = None) -> HttpResponseBase:
    """The admin's sign-in goes through the same rate-limited view as every other."""
    return sign_in(request)
