from __future__ import annotations

from django.db.models import QuerySet

from safecommunity.reports.models import Report
from safecommunity.reports.receipts import normalise_receipt_code, receipt_hash


def report_for_receipt_code(*, entered: str) -> Report | None:
    """The report a receipt code belongs to, or None. Any input costs one indexed look-up."""
    code = normalise_receipt_code(entered)
    digest = receipt_hash(code if code is not None else entered)
    return Report.objects.filter(receipt_hash=digest).prefetch_related("updates").first()


def reports_for_staff(*, user: object) -> QuerySet[Report]:
    """Reports a signed-in staff member may list. Coded fields only; personal data is decided per field."""
    if not getattr(user, "is_staff", False):
        return Report.objects.none()
    return Report.objects.select_related("region").order_by("-submitted_at")


def can_see_personal_data(*, user: object) -> bool:
    has_perm = getattr(user, "has_perm", None)
    return bool(has_perm and has_perm("reports.view_personal_data"))
