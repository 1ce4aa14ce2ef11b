"""Coalitions, organisations and staff accounts in the Django admin (coalition administrators only).

Roles, not Django permissions, decide access: the permission fields are not
offered, ``is_staff`` follows the role, and second-factor devices are not shown
(their secrets stay secret); an administrator can only remove them so that the
person sets up a new authenticator at the next sign-in.
"""

from __future__ import annotations

import contextlib
from typing import Any

from django.contrib import admin, messages
from django.contrib.admin.exceptions import NotRegistered
from django.contrib.auth.admin import UserAdmin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from safecommunity.accounts import services
from safecommunity.accounts.models import Coalition, Organisation, User

for device_model in (TOTPDevice, StaticDevice):
    with contextlib.suppress(NotRegistered):
        admin.site.unregister(device_model)


@admin.register(Coalition)
class CoalitionAdmin(admin.ModelAdmin):
    list_display = ("name", "slug")
    prepopulated_fields = {"slug": ("name",)}


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ("name", "kind", "coalition", "email", "phone", "is_active")
    list_filter = ("coalition", "kind", "is_active")
    search_fields = ("name", "email")
    prepopulated_fields = {"slug": ("name",)}


@admin.register(User)
class StaffUserAdmin(UserAdmin):
    list_display = ("username", "email", "role", "organisation", "is_active", "last_login")
    list_filter = ("role", "organisation", "is_active")
    list_select_related = ("organisation",)
    search_fields = ("username", "first_name", "last_name", "email")
    fieldsets = (
        (None, {"fields": ("username", "password")}),
        (_("Person"), {"fields": ("first_name", "last_name", "email", "preferred_language")}),
        (_("Role"), {"fields": ("role", "organisation", "is_active", "is_staff", "is_superuser")}),
        (_("Dates"), {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = (
        (None, {"classes": ("wide",), "fields": ("username", "email", "role", "organisation")}),
        (_("Password"), {"classes": ("wide",), "fields": ("usable_password", "password1", "password2")}),
    )
    filter_horizontal = ()
    actions = ["remove_two_factor"]

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> tuple[str, ...]:
        readonly = ("is_staff", "last_login", "date_joined")
        return readonly if request.user.is_superuser else (*readonly, "is_superuser")

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        # Only coalition administrators (and superusers) may open the admin; is_staff says the same.
        obj.is_staff = services.is_staff_for(obj)
        super().save_model(request, obj, form, change)
        services.user_admin_change_record(
            actor=request.user, user=obj, created=not change, fields=sorted(set(form.changed_data) - {"password"})
        )

    @admin.action(
        description=_("Remove the authenticator and recovery codes (a new one is set up at the next sign-in)")
    )
    def remove_two_factor(self, request: HttpRequest, queryset: QuerySet[User]) -> None:
        count = 0
        for user in queryset:
            services.two_factor_reset(actor=request.user, user=user)
            count += 1
        message = ngettext(
            "The second factor of %(count)d person was removed.",
            "The second factor of %(count)d people was removed.",
            count,
        ) % {"count": count}
        self.message_user(request, message, messages.SUCCESS)
