"""Services in the Django admin for coalition administrators; partners propose changes through their own pages."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest
from django.utils import timezone

from safecommunity.core.audit import audit_record
from safecommunity.directory.models import Service, ServiceChange


@admin.register(Service)
class ServiceAdmin(admin.ModelAdmin):
    list_display = ("name", "organisation", "kind", "cost", "capacity", "accepts_referrals", "is_published")
    list_filter = ("kind", "cost", "capacity", "is_published", "organisation")
    search_fields = ("name", "organisation__name")
    filter_horizontal = ("regions",)
    list_select_related = ("organisation",)
    readonly_fields = ("updated_at",)

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        obj.updated_at = timezone.now()
        super().save_model(request, obj, form, change)
        audit_record(
            actor=request.user,
            action="directory.service.admin_edit",
            target=obj,
            details={"created": not change, "fields": sorted(form.changed_data)},
        )


@admin.register(ServiceChange)
class ServiceChangeAdmin(admin.ModelAdmin):
    """Read-only here: decisions are taken on the review page, which applies them and tells the partner."""

    list_display = ("__str__", "organisation", "state", "proposed_at", "reviewed_at")
    list_filter = ("state",)
    list_select_related = ("organisation", "service")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
