from __future__ import annotations

import uuid
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from dataclasses import fields as dataclass_fields
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone

from safecommunity.core import taxonomy
from safecommunity.core.audit import audit_record
from safecommunity.core.language_detection import detect_language
from safecommunity.core.tasks import enqueue_on_commit
from safecommunity.reports.attachments import CleanFile, delete_stored, read_decrypted, store_encrypted
from safecommunity.reports.drafts import ReportDraft
from safecommunity.reports.interchange import IMPORTED_FIELDS, ImportRow
from safecommunity.reports.models import Attachment, Report, ReportUpdate
from safecommunity.reports.receipts import new_receipt_code, receipt_hash
from safecommunity.reports.selectors import attachment_for_staff
from safecommunity.reports.tasks import send_report_acknowledgement
from safecommunity.reports.urgency import flag_codes


@dataclass(frozen=True)
class SubmittedReport:
    report: Report
    # Shown once to the reporter and never stored; None when the form was a resubmission.
    receipt_code: str | None


def _store_attachments(
    *, report: Report, files: Sequence[CleanFile], stored: list[str], update: ReportUpdate | None = None
) -> None:
    """Write each file encrypted and record it; ``stored`` collects the names so the
    caller can delete the files if its transaction does not commit."""
    for file in files:
        name = store_encrypted(file.content)
        stored.append(name)
        Attachment.objects.create(
            report=report,
            update=update,
            kind=file.kind,
            content_type=file.content_type,
            size=len(file.content),
            sha256=file.sha256,
            storage_name=name,
        )


def _delete_files(names: list[str]) -> None:
    for name in names:
        delete_stored(name)


_DRAFT_FIELD_NAMES = tuple(field.name for field in dataclass_fields(ReportDraft))


def _draft_fields(draft: ReportDraft) -> dict[str, Any]:
    """The draft's fields by name; a shallow copy (``asdict`` deep-copies every list, for nothing here)."""
    return {name: getattr(draft, name) for name in _DRAFT_FIELD_NAMES}


def report_submit(
    *,
    draft: ReportDraft,
    attachments: Sequence[CleanFile] = (),
    language: str = "",
    channel: str = "web",
    entered_by: Any = None,
    interpreter_language: str = "",
    submission_key: uuid.UUID | None = None,
) -> SubmittedReport:
    """Store a new report and give back the one-time receipt code.

    A repeated ``submission_key`` (the same form sent twice) returns the
    report already stored, without a code, instead of storing a copy.
    """
    code = new_receipt_code()
    stored: list[str] = []
    fields = _draft_fields(draft)
    if fields["description"] and not fields["description_language"]:
        # Here rather than in a background task: queueing the task cost as much, and staff see the language at once.
        # Before the transaction, so the write lock is not held while Lingua works (decision 0002).
        fields["description_language"] = detect_language(fields["description"])
    flags, hashed_code = flag_codes(fields), receipt_hash(code)
    try:
        with transaction.atomic():
            report = Report.objects.create(
                **fields,
                urgency_flags=flags,
                receipt_hash=hashed_code,
                submission_key=submission_key,
                channel=channel,
                entered_by=entered_by if getattr(entered_by, "is_authenticated", False) else None,
                interpreter_language=interpreter_language,
                language=language,
            )
            _store_attachments(report=report, files=attachments, stored=stored)
            if report.entered_by is not None:
                audit_record(actor=entered_by, action="report.intake", target=report, details={"channel": channel})
            if report.may_contact and "email" in report.contact_methods and report.contact_email:
                enqueue_on_commit(send_report_acknowledgement, report_id=report.pk)
    except IntegrityError:
        _delete_files(stored)
        if submission_key is None:
            raise
        existing = Report.objects.get(submission_key=submission_key)
        return SubmittedReport(report=existing, receipt_code=None)
    except BaseException:
        _delete_files(stored)
        raise
    return SubmittedReport(report=report, receipt_code=code)


def report_add_update(*, report: Report, text: str, attachments: Sequence[CleanFile] = ()) -> ReportUpdate:
    """A reporter adds information to their report through the follow-up page."""
    stored: list[str] = []
    try:
        with transaction.atomic():
            update = ReportUpdate.objects.create(report=report, text=text, text_language=detect_language(text))
            _store_attachments(report=report, files=attachments, stored=stored, update=update)
            Report.objects.filter(pk=report.pk).update(updated_at=update.created_at)
    except BaseException:
        _delete_files(stored)
        raise
    return update


IMPORT_BATCH_SIZE = 500
SOURCE_MAX = 100


@dataclass(frozen=True)
class ImportResult:
    created: int
    updated: int
    unchanged: int
    dry_run: bool


def reports_import(
    *,
    rows: Sequence[ImportRow],
    source: str,
    dry_run: bool = False,
    on_written: Callable[[int], object] | None = None,
) -> ImportResult:
    """Store a partner's validated spreadsheet rows, all or nothing.

    A report is known by ``source`` + ``external_id``: a row seen before is left
    alone when its content is the same and updated (only the fields the
    spreadsheet carries) when it changed, so importing the same file twice
    changes nothing. ``dry_run`` counts what would happen and writes nothing.
    Descriptions are encrypted by the model field, in bulk as one by one.
    ``on_written`` is told how many reports each step wrote (for a progress bar).
    """
    source = source.strip()
    if not source or len(source) > SOURCE_MAX:
        raise ValueError("An import needs a source name of 1 to 100 characters.")
    external_ids = [row.external_id for row in rows]
    if "" in external_ids or len(set(external_ids)) != len(external_ids):
        raise ValueError("Each imported row needs its own non-empty external_id.")
    loaded = [*(name.removesuffix("_id") for name in IMPORTED_FIELDS), "urgency_flags"]
    with transaction.atomic():
        existing = {
            report.external_id: report
            for report in Report.objects.filter(source=source).exclude(external_id="").only("external_id", *loaded)
        }
        to_create: list[Report] = []
        to_update: list[Report] = []
        for row in rows:
            values = row.values()
            values["urgency_flags"] = flag_codes(values)
            report = existing.get(row.external_id)
            if report is None:
                to_create.append(Report(**values, source=source, external_id=row.external_id))
            elif any(getattr(report, name) != value for name, value in values.items()):
                for name, value in values.items():
                    setattr(report, name, value)
                to_update.append(report)
        if not dry_run:
            for start in range(0, len(to_create), IMPORT_BATCH_SIZE):
                batch = to_create[start : start + IMPORT_BATCH_SIZE]
                Report.objects.bulk_create(batch)
                if on_written is not None:
                    on_written(len(batch))
            # One by one: bulk_update() sends the values as SQL expressions, which EncryptedTextField
            # does not prepare (it would store an encrypted rendering of the expression).
            for report in to_update:
                report.save(update_fields=[*loaded, "updated_at"])
                if on_written is not None:
                    on_written(1)
            if to_create or to_update:
                audit_record(
                    actor=None,
                    action="report.import",
                    target_type="reports.source",
                    target_id=source[:64],
                    details={"source": source, "created": len(to_create), "updated": len(to_update)},
                )
    return ImportResult(
        created=len(to_create),
        updated=len(to_update),
        unchanged=len(rows) - len(to_create) - len(to_update),
        dry_run=dry_run,
    )


@dataclass(frozen=True)
class OpenedAttachment:
    filename: str
    content_type: str
    content: bytes


def attachment_open(
    *, actor: Any, attachment_id: int, report_ids: Collection[int] | None = None
) -> OpenedAttachment | None:
    """Decrypt an attachment for a staff member allowed to see personal data, and record that they opened it.
    ``report_ids`` limits it to those reports (see ``selectors.attachment_for_staff``)."""
    attachment = attachment_for_staff(user=actor, attachment_id=attachment_id, report_ids=report_ids)
    if attachment is None:
        return None
    audit_record(actor=actor, action="attachment.open", target=attachment, details={"report": attachment.report_id})
    extension = "pdf" if attachment.kind == "pdf" else attachment.content_type.rsplit("/", 1)[-1]
    return OpenedAttachment(
        filename=f"report-{attachment.report.reference}-{attachment.pk}.{extension}",
        content_type=attachment.content_type,
        content=read_decrypted(attachment.storage_name),
    )


def reports_set_status(*, report_ids: Sequence[int], status: str, actor: Any = None) -> int:
    """Move reports to a status of ``taxonomy.REPORT_STATUSES`` (e.g. "in_review" when a case opens from them)."""
    if status not in taxonomy.REPORT_STATUSES.codes:
        raise ValueError(f"Unknown report status {status!r}.")
    with transaction.atomic():
        changed = Report.objects.filter(pk__in=list(report_ids)).update(status=status, updated_at=timezone.now())
        for report_id in report_ids:
            audit_record(
                actor=actor,
                action="report.status",
                target_type="reports.report",
                target_id=str(report_id),
                details={"status": status},
            )
    return changed


def reports_set_consent_statistics(*, report_ids: Sequence[int], given: bool, actor: Any = None) -> int:
    """Record the reporter's (changed) consent to use their reports in anonymised statistics."""
    with transaction.atomic():
        changed = Report.objects.filter(pk__in=list(report_ids)).update(
            consent_statistics=given, updated_at=timezone.now()
        )
        for report_id in report_ids:
            audit_record(
                actor=actor,
                action="report.consent_statistics",
                target_type="reports.report",
                target_id=str(report_id),
                details={"given": given},
            )
    return changed
