from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from safecommunity.core.memo import forget_all
from safecommunity.core.models import AuditEvent, HelpLine, Region, RegionSet
from safecommunity.core.roles import Role, role_of


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
    """The audit trail, to read only: nobody adds, changes or deletes an entry from the application
    (``manage.py verify_audit_chain`` notices an entry changed or removed behind its back)."""

    list_display = ("created_at", "actor_label", "action", "target_type", "target_id", "ip_address")
    list_filter = ("action", "target_type")
    search_fields = ("actor_label", "target_id", "ip_address")
    date_hierarchy = "created_at"
    fields = readonly_fields = (
        "created_at", "actor", "actor_label", "action", "target_type", "target_id", "details",
        "ip_address", "previous_hash", "entry_hash",
    )  # fmt: skip
    list_select_related = ("actor",)

    def has_view_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return role_of(request.user) == Role.COALITION_ADMIN

    def has_module_permission(self, request: HttpRequest) -> bool:
        return self.has_view_permission(request)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False
