from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from safecommunity.core.memo import forget_all
from safecommunity.core.models import AuditEvent, HelpLine, Region, RegionSet


class ForgetOnChange(admin.ModelAdmin):
    """Public pages remember regions and help lines for a minute; this worker forgets them at once."""

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        super().save_model(request, obj, form, change)
        forget_all()

    def delete_model(self, request: HttpRequest, obj: Any) -> None:
        super().delete_model(request, obj)
        forget_all()


@admin.register(RegionSet)
class RegionSetAdmin(ForgetOnChange):
    list_display = ("name", "slug")


@admin.register(Region)
class RegionAdmin(ForgetOnChange):
    list_display = ("name", "slug", "region_set", "is_active")
    list_filter = ("region_set", "is_active")
    exclude = ("geometry",)


@admin.register(HelpLine)
class HelpLineAdmin(ForgetOnChange):
    list_display = ("name", "kind", "phone", "sort_order", "is_active")
    list_editable = ("sort_order", "is_active")


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    list_display = ("created_at", "actor", "action", "target_type", "target_id")
    list_filter = ("action",)
    readonly_fields = ("created_at", "actor", "action", "target_type", "target_id", "details")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False
