"""A reporter's control over their report: withdrawing consent, withdrawing the report, erasing personal data.

Erasure empties every field that could identify someone (contact details,
place, description, police report number, what the reporter added later, the
team's replies) and deletes the attachments' files and rows; coded fields
(what happened, roughly when and where, the region) stay, so anonymised
statistics keep counting the incident where the reporter agreed to that.

Reports know no other app. When a reporter acts on the follow-up page, the
background tasks named in ``settings.REPORTER_REQUEST_TASKS`` are told (the
cases app records the withdrawn consent on the case and erases the case's
own notes when all of its reports were withdrawn).
"""

from __future__ import annotations

import logging
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.module_loading import import_string

from safecommunity.core.audit import audit_record
from safecommunity.core.tasks import enqueue_on_commit
from safecommunity.reports.attachments import delete_stored
from safecommunity.reports.models import Attachment, Reply, Report, ReportUpdate

logger = logging.getLogger(__name__)

# Emptied on erasure; everything else on a report is coded.
PERSONAL_FIELDS = ("contact_name", "contact_email", "contact_phone", "place", "description", "police_report_number")


def _tell_other_apps(*, report_id: int, statistics: bool, contact: bool, erased: bool) -> None:
    for dotted in getattr(settings, "REPORTER_REQUEST_TASKS", []):
        try:
            task = import_string(dotted)
        except ImportError:
            logger.warning("The reporter-request task %s cannot be imported; it was not told.", dotted)
            continue
        enqueue_on_commit(task, report_id=report_id, statistics=statistics, contact=contact, erased=erased)


def _delete_files(storage_names: list[str]) -> None:
    for name in storage_names:
        delete_stored(name)


def report_consent_withdraw(*, report: Report, statistics: bool, contact: bool) -> Report:
    """The reporter asks us to stop using their report in statistics and/or to stop contacting them."""
    if not statistics and not contact:
        raise ValueError("Withdraw at least one consent.")
    changes: dict[str, Any] = {"updated_at": timezone.now()}
    if statistics:
        changes["consent_statistics"] = False
    if contact:
        changes["may_contact"] = False
    with transaction.atomic():
        Report.objects.filter(pk=report.pk).update(**changes)
        audit_record(
            actor=None,
            action="report.consent_withdrawn",
            target=report,
            details={"statistics": statistics, "contact": contact, "by": "reporter"},
        )
        _tell_other_apps(report_id=report.pk, statistics=statistics, contact=contact, erased=False)
    report.refresh_from_db()
    return report


def report_erase_personal_data(*, report: Report, reason: str, actor: Any = None) -> Report:
    """Erase everything personal a report holds (see the module's description); the coded fields stay.

    ``reason`` is a code for the audit trail ("reporter_request", "retention").
    Attachment files are deleted once the transaction commits.
    """
    now = timezone.now()
    with transaction.atomic():
        storage_names = list(Attachment.objects.filter(report=report).values_list("storage_name", flat=True))
        Attachment.objects.filter(report=report).delete()
        ReportUpdate.objects.filter(report=report).update(text="")
        Reply.objects.filter(report=report).update(text="")
        Report.objects.filter(pk=report.pk).update(
            **dict.fromkeys(PERSONAL_FIELDS, ""),
            may_contact=False,
            contact_methods=[],
            personal_data_erased_at=now,
            updated_at=now,
        )
        audit_record(
            actor=actor,
            action="report.personal_data_erased",
            target=report,
            details={"reason": reason, "attachments": len(storage_names)},
        )
        transaction.on_commit(lambda: _delete_files(storage_names))
    report.refresh_from_db()
    return report


def report_withdraw(*, report: Report) -> Report:
    """The reporter withdraws their report and asks for their personal data to be erased, at once."""
    with transaction.atomic():
        now = timezone.now()
        Report.objects.filter(pk=report.pk).update(status="withdrawn", withdrawn_at=now, updated_at=now)
        audit_record(actor=None, action="report.withdrawn", target=report, details={"by": "reporter"})
        report_erase_personal_data(report=report, reason="reporter_request")
        _tell_other_apps(report_id=report.pk, statistics=False, contact=True, erased=True)
    report.refresh_from_db()
    return report
