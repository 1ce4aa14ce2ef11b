"""Police data in the Django admin (coalition administrators only): datasets and incidents to read, and the
rules that place agencies in the coalition's regions to edit. Data itself comes in through the import commands."""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from safecommunity.core.audit import audit_record
from safecommunity.policedata.models import PoliceAgencyRegion, PoliceDataset, PoliceIncident
from safecommunity.policedata.services import police_regions_assign


class ReadOnly(admin.ModelAdmin):
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(PoliceDataset)
class PoliceDatasetAdmin(ReadOnly):
    list_display = ("name", "slug", "incident_count", "rows_read", "rows_skipped", "imported_at")
    readonly_fields = (
        "slug", "name", "source_url", "description", "imported_at", "file_name", "rows_read", "rows_skipped",
        "incident_count", "mapping",
    )  # fmt: skip

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False  # a dataset of 200,000 incidents is removed with the import command's --replace


@admin.register(PoliceIncident)
class PoliceIncidentAdmin(ReadOnly):
    list_display = ("external_id", "dataset", "year", "state", "agency_name", "region", "bias_labels")
    list_filter = ("dataset", "region", "state")
    search_fields = ("external_id", "agency_id", "agency_name")
    list_select_related = ("dataset", "region")
    show_full_result_count = False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(PoliceAgencyRegion)
class PoliceAgencyRegionAdmin(admin.ModelAdmin):
    list_display = ("region", "state", "ori_pattern", "name_pattern", "note")
    list_filter = ("region", "state")
    search_fields = ("ori_pattern", "name_pattern", "note")
    list_select_related = ("region",)
    actions = ("assign_regions",)

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        super().save_model(request, obj, form, change)
        audit_record(
            actor=request.user,
            action="police_data.agency_region.admin_edit",
            target=obj,
            details={"created": not change, "fields": sorted(form.changed_data)},
        )
        self.message_user(
            request,
            _(
                "The rule was saved. To apply it to incidents already imported, choose the action “Place police "
                "incidents in regions again” (or run manage.py assign_police_regions)."
            ),
            messages.INFO,
        )

    @admin.action(description=gettext_lazy("Place police incidents in regions again, with the current rules"))
    def assign_regions(self, request: HttpRequest, queryset: QuerySet[PoliceAgencyRegion]) -> None:
        result = police_regions_assign(actor=request.user)
        self.message_user(
            request,
            _("%(incidents)s incidents of %(agencies)s agencies were placed in another region.")
            % {"incidents": result.incidents, "agencies": result.agencies},
            messages.SUCCESS,
        )
