"""Cases in the admin: coded fields only. Personal data (notes, safety plans, what a referral shared) is read on
the case pages, where every view is recorded."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from .models import Case, CaseTransfer, Referral


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Case)
class CaseAdmin(ReadOnlyAdmin):
    list_display = ("reference", "status", "outcome", "organisation", "caseworker", "opened_at", "first_contact_at")
    list_filter = ("status", "outcome", "organisation")
    fields = (
        "public_id", "organisation", "caseworker", "status", "outcome", "opened_at", "opened_by", "closed_at",
        "preferred_language", "interpreter_needed", "consent_contact", "consent_share", "consent_statistics",
        "first_contact_due_at", "first_contact_at", "next_follow_up_on",
    )  # fmt: skip
    readonly_fields = fields


@admin.register(Referral)
class ReferralAdmin(ReadOnlyAdmin):
    list_display = ("pk", "service", "to_organisation", "state", "created_at", "responded_at")
    list_filter = ("state", "to_organisation")
    fields = (
        "case",
        "service",
        "to_organisation",
        "state",
        "shared_fields",
        "created_at",
        "responded_at",
        "completed_at",
    )
    readonly_fields = fields


@admin.register(CaseTransfer)
class CaseTransferAdmin(ReadOnlyAdmin):
    list_display = ("case", "from_organisation", "to_organisation", "transferred_at")
    fields = ("case", "from_organisation", "to_organisation", "consent", "transferred_at", "transferred_by")
    readonly_fields = fields
