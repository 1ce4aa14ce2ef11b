"""The conversation between a reporter and the team, kept with the report and read with the receipt code.

What the reporter sends is a ``ReportUpdate`` (with its files); what staff send
is a ``Reply``. A reporter who agreed to be contacted by email or text message
gets a short notice that a reply is waiting, saying nothing else.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from safecommunity.core.audit import audit_record
from safecommunity.core.tasks import enqueue_on_commit
from safecommunity.reports.models import Attachment, Reply, Report
from safecommunity.reports.notifications import notice_channel
from safecommunity.reports.tasks import send_reply_notice

REPLY_MAX_LENGTH = 10_000


class ReplyRefused(Exception):
    """A reply that cannot be sent; the message is translated and meant for the person who tried."""


@dataclass(frozen=True)
class ConversationEntry:
    """One message of the conversation: ``from_reporter`` for what the reporter added, else a reply."""

    from_reporter: bool
    created_at: dt.datetime
    text: str
    language: str = ""
    # The kinds ("Photo", "PDF document") of the files the reporter sent with it; never names or content.
    files: list[str] = field(default_factory=list)
    # Replies only: not read by the reporter before this page.
    unread: bool = False
    pk: int = 0


def report_reply_send(*, report: Report, author: Any, text: str, language: str) -> Reply:
    """Staff write to the reporter; if they agreed to be contacted by email or text, a notice follows on commit."""
    text = text.strip()
    if not text:
        raise ReplyRefused(_("Please write your reply."))
    if len(text) > REPLY_MAX_LENGTH:
        raise ReplyRefused(_("Please keep your reply under 10,000 characters."))
    with transaction.atomic():
        locked = Report.objects.select_for_update().only("pk", "status", "withdrawn_at").get(pk=report.pk)
        if locked.withdrawn_at is not None or locked.status == "withdrawn":
            raise ReplyRefused(_("The reporter withdrew this report, so no reply can be sent."))
        reply = Reply.objects.create(report=report, author=author, text=text, language=language)
        will_notify = notice_channel(report) is not None
        audit_record(
            actor=author,
            action="reply.send",
            target=reply,
            details={"report": report.pk, "language": language, "notice": will_notify},
        )
        if will_notify:
            enqueue_on_commit(send_reply_notice, reply_id=reply.pk)
    return reply


def report_replies_mark_read(*, report: Report, up_to: dt.datetime | None = None) -> int:
    """The reporter has seen the replies (those written up to ``up_to``, default now) on the follow-up page."""
    replies = Reply.objects.filter(report=report, read_at__isnull=True)
    if up_to is not None:
        replies = replies.filter(created_at__lte=up_to)
    return replies.update(read_at=timezone.now())


def report_conversation(*, report: Report, with_text: bool = True) -> list[ConversationEntry]:
    """Everything the reporter and the team wrote about ``report``, oldest first.

    ``with_text=False`` leaves the messages out (dates, kinds of file and read
    state only) for someone who may not see personal data.
    """
    files: dict[int, list[str]] = {}
    for attachment in Attachment.objects.filter(report=report, update__isnull=False).only("update_id", "kind"):
        assert attachment.update_id is not None
        files.setdefault(attachment.update_id, []).append(str(attachment.get_kind_display()))
    updates_fields = ["pk", "created_at", "text_language", *(["text"] if with_text else [])]
    reply_fields = ["pk", "created_at", "language", "read_at", *(["text"] if with_text else [])]
    entries = [
        ConversationEntry(
            from_reporter=True,
            created_at=update.created_at,
            text=update.text if with_text else "",
            language=update.text_language,
            files=files.get(update.pk, []),
            pk=update.pk,
        )
        for update in report.updates.all().only(*updates_fields)
    ]
    entries += [
        ConversationEntry(
            from_reporter=False,
            created_at=reply.created_at,
            text=reply.text if with_text else "",
            language=reply.language,
            unread=reply.read_at is None,
            pk=reply.pk,
        )
        for reply in Reply.objects.filter(report=report).only(*reply_fields)
    ]
    entries.sort(key=lambda entry: (entry.created_at, not entry.from_reporter, entry.pk))
    return entries


def report_files_sent_first(*, report: Report) -> list[str]:
    """The kinds of the files sent with the report itself (not with a later message)."""
    kinds = Attachment.objects.filter(report=report, update__isnull=True).values_list("kind", flat=True)
    labels = dict(Attachment.Kind.choices)
    return [str(labels.get(kind, kind)) for kind in kinds]
