"""The Django admin, open only to coalition administrators who passed the second factor.

Everyone else who is signed in gets the 403 page ("your role does not give
access"), not a sign-in form: signing in again would not help them. Which
models an administrator may change is then decided by each ModelAdmin.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import update_wrapper
from typing import Any, TypeVar, cast

from django.contrib import admin
from django.contrib.admin.apps import AdminConfig
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.http.response import HttpResponseBase
from django.template.response import TemplateResponse
from django.urls import reverse

from safecommunity.core.access import TWO_FACTOR_URL, redirect_with_next
from safecommunity.core.roles import Role, role_of, two_factor_satisfied

_View = TypeVar("_View", bound=Callable[..., HttpResponseBase])


def is_coalition_admin(user: object) -> bool:
    return role_of(user) == Role.COALITION_ADMIN


class SafeCommunityAdminSite(admin.AdminSite):
    site_header = "Safe Community"

    def has_permission(self, request: HttpRequest) -> bool:
        user = request.user
        return is_coalition_admin(user) and two_factor_satisfied(user)

    def admin_view(self, view: _View, cacheable: bool = False) -> _View:
        inner = super().admin_view(view, cacheable)

        def guarded(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
            user = request.user
            if user.is_authenticated and request.path != reverse("admin:logout", current_app=self.name):
                if not is_coalition_admin(user):
                    raise PermissionDenied
                if not two_factor_satisfied(user):
                    return redirect_with_next(TWO_FACTOR_URL, request)
            return inner(request, *args, **kwargs)

        return cast(_View, update_wrapper(guarded, view))

    def logout(self, request: HttpRequest, extra_context: dict[str, Any] | None = None) -> TemplateResponse:
        from safecommunity.core.audit import audit_record  # models are not loaded yet when this module is

        if request.method == "POST" and request.user.is_authenticated:
            audit_record(
                actor=request.user,
                action="accounts.sign_out",
                target_type="accounts.user",
                target_id=str(request.user.pk),
            )
        return super().logout(request, extra_context)


class SafeCommunityAdminConfig(AdminConfig):
    """Used in INSTALLED_APPS instead of "django.contrib.admin"."""

    default_site = "safecommunity.core.admin_site.SafeCommunityAdminSite"
