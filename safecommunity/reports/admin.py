from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest
from django.urls import reverse
from django.utils.html import format_html

from safecommunity.core.audit import audit_record
from safecommunity.reports.models import Attachment, Report, ReportUpdate
from safecommunity.reports.selectors import can_see_personal_data

PERSONAL_FIELDS = ("place", "description", "police_report_number", "contact_name", "contact_email", "contact_phone")
CODED_FIELDS = (
    "status", "channel", "interpreter_language", "language", "source", "external_id",
    "reporter_role", "occurred_on", "occurred_precision", "time_of_day", "region", "location_type",
    "incident_types", "bias_motivations", "targeted_ethnicities", "age_group", "gender",
    "description_language", "reported_to_police", "help_wanted", "may_contact", "contact_methods",
    "contact_language", "consent_statistics", "submitted_at", "entered_by",
)  # fmt: skip


class AttachmentInline(admin.TabularInline):
    model = Attachment
    extra = 0
    can_delete = False
    fields = ("kind", "content_type", "size", "created_at", "file")
    readonly_fields = fields

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    @admin.display(description="File")
    def file(self, attachment: Attachment) -> str:
        if not can_see_personal_data(user=self._request_user):
            return "—"
        url = reverse("reports:staff_attachment", args=[attachment.pk])
        return format_html('<a href="{}">{}</a>', url, "Open (decrypted; the view is recorded)")

    def get_formset(self, request: HttpRequest, obj: Any = None, **kwargs: Any) -> Any:
        self._request_user = request.user
        return super().get_formset(request, obj, **kwargs)


class UpdateInline(admin.StackedInline):
    model = ReportUpdate
    extra = 0
    can_delete = False

    def get_fields(self, request: HttpRequest, obj: Any = None) -> tuple[str, ...]:
        base = ("created_at", "text_language")
        return (*base, "text") if can_see_personal_data(user=request.user) else base

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> tuple[str, ...]:
        return self.get_fields(request, obj)

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Report)
class ReportAdmin(admin.ModelAdmin):
    list_display = ("reference", "submitted_at", "occurred_on", "region", "location_type", "status", "channel")
    list_filter = ("status", "channel", "region", "location_type", "age_group", "gender")
    date_hierarchy = "submitted_at"
    inlines = [UpdateInline, AttachmentInline]
    list_select_related = ("region",)

    def has_add_permission(self, request: HttpRequest) -> bool:
        # Staff record reports through the intake form, which validates like the public form.
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return bool(request.user.is_superuser)

    def get_fields(self, request: HttpRequest, obj: Any = None) -> tuple[str, ...]:
        if can_see_personal_data(user=request.user):
            return CODED_FIELDS + PERSONAL_FIELDS
        return CODED_FIELDS

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> tuple[str, ...]:
        editable = {"status"}
        return tuple(name for name in self.get_fields(request, obj) if name not in editable)

    def change_view(self, request: HttpRequest, object_id: str, form_url: str = "", extra_context: Any = None) -> Any:
        response = super().change_view(request, object_id, form_url, extra_context)
        if request.method == "GET" and can_see_personal_data(user=request.user):
            report = self.get_object(request, object_id)
            if report is not None:
                audit_record(actor=request.user, action="report.view_personal_data", target=report)
        return response


@admin.register(ReportUpdate)
class ReportUpdateAdmin(admin.ModelAdmin):
    list_display = ("report", "created_at", "text_language")

    def get_fields(self, request: HttpRequest, obj: Any = None) -> tuple[str, ...]:
        base = ("report", "created_at", "text_language")
        return base + ("text",) if can_see_personal_data(user=request.user) else base

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> tuple[str, ...]:
        return self.get_fields(request, obj)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False
