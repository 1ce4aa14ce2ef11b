"""The door of every staff page: signed in, in a role that may do this, with a second factor where needed.

Which records behind the door a person may reach is decided by each app's
selectors; a record outside someone's scope is a 404, never a 403, so its
existence is not revealed.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import resolve_url

from safecommunity.core.roles import Capability, has_capability, needs_two_factor, two_factor_satisfied

TWO_FACTOR_URL = "accounts:two_factor"


def redirect_with_next(url_name: str, request: HttpRequest, next_url: str | None = None) -> HttpResponseRedirect:
    """Send the person to ``url_name`` and, afterwards, back to ``next_url`` (by default the page they asked for)."""
    return HttpResponseRedirect(url_with_next(url_name, next_url if next_url is not None else request.get_full_path()))


def url_with_next(url_name: str, next_url: str) -> str:
    return f"{resolve_url(url_name)}?{urlencode({'next': next_url})}"


def staff_view(*capabilities: Capability) -> Callable[[Callable[..., HttpResponse]], Callable[..., HttpResponse]]:
    """Let a request through only for a signed-in person whose role has every one of ``capabilities``,
    who has passed the second factor if their role can see personal data."""

    def decorator(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            user = request.user
            if not user.is_authenticated:
                return redirect_with_next(settings.LOGIN_URL, request)
            if needs_two_factor(user) and not two_factor_satisfied(user):
                return redirect_with_next(TWO_FACTOR_URL, request)
            if not all(has_capability(user, capability) for capability in capabilities):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


def require_api_capability(request: HttpRequest, *capabilities: Capability) -> None:
    """The same door for the JSON API (signed in with a session): 401 without a sign-in or second
    factor, 403 for a role that may not do this."""
    from django.utils.translation import gettext as _
    from ninja.errors import HttpError

    user = request.user
    if not user.is_authenticated:
        raise HttpError(401, _("Please sign in."))
    if needs_two_factor(user) and not two_factor_satisfied(user):
        raise HttpError(401, _("Please confirm your sign-in with your authenticator app first."))
    if not all(has_capability(user, capability) for capability in capabilities):
        raise HttpError(403, _("Your role does not give access to this."))
