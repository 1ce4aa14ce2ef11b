from __future__ import annotations

import datetime as dt

from django.db.models import QuerySet
from django.utils import timezone

from safecommunity.core.encryption import encrypted_fields
from safecommunity.core.models import Region
from safecommunity.core.roles import Capability, has_capability, may_see_personal_data
from safecommunity.reports.models import Attachment, Report
from safecommunity.reports.receipts import normalise_receipt_code, receipt_hash


def report_for_receipt_code(*, entered: str) -> Report | None:
    """The report a receipt code belongs to, or None. Any input costs one indexed look-up."""
    code = normalise_receipt_code(entered)
    digest = receipt_hash(code if code is not None else entered)
    return Report.objects.filter(receipt_hash=digest).prefetch_related("updates").first()


def reports_for_staff(*, user: object) -> QuerySet[Report]:
    """Reports a signed-in staff member may list (those who triage see them all). Coded fields only;
    personal data is decided per field."""
    if not has_capability(user, Capability.TRIAGE):
        return Report.objects.none()
    personal = encrypted_fields(Report)
    return Report.objects.select_related("region").defer(*personal).order_by("-submitted_at")


def can_see_personal_data(*, user: object) -> bool:
    return may_see_personal_data(user)


# The coded fields an interchange export writes; nothing encrypted is loaded, let alone written.
EXPORT_FIELDS = (
    "public_id",
    "submitted_at",
    "channel",
    "source",
    "occurred_on",
    "occurred_precision",
    "region__slug",
    "location_type",
    "incident_types",
    "bias_motivations",
    "targeted_ethnicities",
    "age_group",
    "gender",
    "description_language",
    "reported_to_police",
    "consent_statistics",
)


def reports_for_export(*, source: str | None = None, since: dt.date | None = None) -> QuerySet[Report]:
    """Reports that may leave in an interchange export: only those whose reporter agreed to
    statistics, and only with a coded "what happened" (a report told only in its description
    has nothing left once the description is removed). ``source`` keeps the reports imported
    from that source ("" for our own); ``since`` keeps those received on or after that day."""
    reports = Report.objects.filter(consent_statistics=True).exclude(incident_types=[])
    if source is not None:
        reports = reports.filter(source=source)
    if since is not None:
        start = dt.datetime.combine(since, dt.time.min, tzinfo=timezone.get_current_timezone())
        reports = reports.filter(submitted_at__gte=start)
    return reports.select_related("region").only(*EXPORT_FIELDS).order_by("submitted_at", "pk")


def region_ids_by_slug() -> dict[str, int]:
    """Every region's id by its slug (retired regions too: partners' older records name them)."""
    return dict(Region.objects.values_list("slug", "pk"))


def attachment_for_staff(*, user: object, attachment_id: int) -> Attachment | None:
    """An attachment a staff member may open: only with permission to see personal data."""
    if not can_see_personal_data(user=user):
        return None
    return Attachment.objects.select_related("report").filter(pk=attachment_id).first()
