from __future__ import annotations

from django.contrib.auth import views as auth_views
from django.http import HttpRequest
from django.http.response import HttpResponseBase
from django.utils.decorators import method_decorator

from safecommunity.core.ratelimits import rate_limit


@method_decorator(rate_limit(group="sign-in", rate_setting="SIGN_IN_RATE"), name="post")
class SignInView(auth_views.LoginView):
    template_name = "accounts/sign_in.html"
    redirect_authenticated_user = True


def sign_in(request: HttpRequest) -> HttpResponseBase:
    return SignInView.as_view()(request)


def sign_out(request: HttpRequest) -> HttpResponseBase:
    return auth_views.LogoutView.as_view(template_name="accounts/signed_out.html")(request)


def admin_sign_in(request: HttpRequest, extra_context: dict[str, object] | None = None) -> HttpResponseBase:
    """The admin's sign-in goes through the same rate-limited view as every other."""
    return sign_in(request)
