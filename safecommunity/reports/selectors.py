from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Collection
from typing import Any

from django.db.models import Case, Q, QuerySet, Value, When
from django.utils import timezone

from safecommunity.core.encryption import encrypted_fields
from safecommunity.core.models import Region
from safecommunity.core.roles import Capability, has_capability, may_see_personal_data
from safecommunity.reports.duplicates import Suggestion, duplicate_suggestions
from safecommunity.reports.models import Attachment, Report, ReportLink
from safecommunity.reports.receipts import normalise_receipt_code, receipt_hash


def report_for_receipt_code(*, entered: str) -> Report | None:
    """The report a receipt code belongs to, or None. Any input costs one indexed look-up."""
    code = normalise_receipt_code(entered)
    digest = receipt_hash(code if code is not None else entered)
    return Report.objects.filter(receipt_hash=digest).prefetch_related("updates").first()


def in_staff_members_city(reports: QuerySet[Report], *, user: object) -> QuerySet[Report]:
    """On a deployment serving several cities, staff of one city's coalition see the reports placed in its regions,
    and those placed in no region (online, or the place was not given), which may concern any of them. A coalition
    without a region set, or an administrator of no organisation, sees every report."""
    organisation = getattr(user, "organisation", None)
    coalition = getattr(organisation, "coalition", None) if organisation is not None else None
    region_set_id = getattr(coalition, "region_set_id", None)
    if region_set_id is None:
        return reports
    return reports.filter(Q(region__isnull=True) | Q(region__region_set_id=region_set_id))


def reports_for_staff(*, user: object) -> QuerySet[Report]:
    """Reports a signed-in staff member may list (those who triage see all of their city's). Coded fields only;
    personal data is decided per field."""
    if not has_capability(user, Capability.TRIAGE):
        return Report.objects.none()
    personal = encrypted_fields(Report)
    reports = Report.objects.select_related("region").defer(*personal).order_by("-submitted_at")
    return in_staff_members_city(reports, user=user)


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


def attachment_for_staff(
    *, user: object, attachment_id: int, report_ids: Collection[int] | None = None
) -> Attachment | None:
    """An attachment a staff member may open: only with permission to see personal data, and only of a
    report they may reach: any report for those who triage, else one of ``report_ids`` (which the caller
    has already scoped, e.g. the reports of a case the person works on)."""
    if not can_see_personal_data(user=user):
        return None
    attachments = Attachment.objects.select_related("report").filter(pk=attachment_id)
    if report_ids is not None:
        attachments = attachments.filter(report_id__in=list(report_ids))
    elif not has_capability(user, Capability.TRIAGE):
        return None
    return attachments.first()


# --- Triage ---------------------------------------------------------------------------------------------------------

PENDING_VERIFICATION = (Report.Verification.UNVERIFIED, Report.Verification.NEEDS_INFO)
ONLINE_REGION = "online"


def _flag_weight_expression() -> Any:
    from safecommunity.reports.urgency import FLAG_WEIGHTS

    # Flags are matched in the stored JSON text with their quotes, which works on SQLite and PostgreSQL alike.
    weights = [
        Case(When(urgency_flags__icontains=f'"{code}"', then=Value(weight)), default=Value(0))
        for code, weight in FLAG_WEIGHTS.items()
    ]
    total: Any = weights[0]
    for weight in weights[1:]:
        total = total + weight
    return total


def triage_queue(*, user: object, verification: str = "", flag: str = "", region: str = "") -> QuerySet[Report]:
    """Reports to triage (merged duplicates left out): those not yet verified or needing more information
    first, then the most urgent, then the newest. Coded fields only. ``region`` is a region slug or "online"."""
    reports = reports_for_staff(user=user).filter(merged_into__isnull=True)
    if verification:
        reports = reports.filter(verification=verification)
    if flag:
        reports = reports.filter(urgency_flags__icontains=f'"{flag}"')
    if region == ONLINE_REGION:
        reports = reports.filter(location_type="online")
    elif region:
        reports = reports.filter(region__slug=region)
    pending = Case(When(verification__in=PENDING_VERIFICATION, then=Value(0)), default=Value(1))
    return reports.annotate(pending_rank=pending, urgency_weight=_flag_weight_expression()).order_by(
        "pending_rank", "-urgency_weight", "-submitted_at", "-pk"
    )


def report_for_triage(*, user: object, public_id: uuid.UUID | str) -> Report | None:
    """One report for the triage screen, or None outside the caller's reach. Personal fields are decrypted
    only when read: the view reads them only for those who may see personal data."""
    if not has_capability(user, Capability.TRIAGE):
        return None
    try:
        wanted = uuid.UUID(str(public_id))
    except ValueError:
        return None
    reports = Report.objects.select_related("region", "merged_into").prefetch_related("attachments", "merged_reports")
    return in_staff_members_city(reports, user=user).filter(public_id=wanted).first()


def report_links_for(*, report: Report) -> list[tuple[str, Report]]:
    """The (kind, other report) decisions a coordinator made about this report."""
    links = ReportLink.objects.filter(Q(report=report) | Q(other=report)).select_related("report", "other")
    return [(link.kind, link.other if link.report_id == report.pk else link.report) for link in links]


def duplicate_suggestions_for_staff(*, user: object, report: Report) -> list[Suggestion]:
    """Likely duplicates of a report, for those who triage (none for anyone else)."""
    if not has_capability(user, Capability.TRIAGE):
        return []
    return duplicate_suggestions(report=report)


def report_for_triage_by_reference(*, user: object, reference: str) -> Report | None:
    """A report by its short reference (the first 8 hex digits of its public id), for those who triage."""
    reference = reference.strip().lower()
    if not has_capability(user, Capability.TRIAGE) or len(reference) != 8:
        return None
    try:
        int(reference, 16)
    except ValueError:
        return None
    reports = in_staff_members_city(Report.objects.select_related("region"), user=user)
    matches = list(reports.filter(public_id__startswith=reference)[:2])
    # Two reports sharing a reference (about one chance in four billion) are not guessed between.
    return matches[0] if len(matches) == 1 else None
