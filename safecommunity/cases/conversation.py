"""The caseworker's side of the conversation with a survivor, through the reports of their case.

Messages are personal data: they are decrypted only for someone who may see
personal data, and each opening is recorded in the audit trail.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.utils.translation import gettext as _

from safecommunity.cases.models import Case, CaseReport
from safecommunity.core.audit import audit_record
from safecommunity.core.roles import may_see_personal_data
from safecommunity.directory.languages import language_name
from safecommunity.reports.messaging import ConversationEntry, ReplyRefused, report_conversation, report_reply_send
from safecommunity.reports.models import Reply, Report


@dataclass(frozen=True)
class ReportConversation:
    report: Report
    entries: list[ConversationEntry]
    # The language the reporter reads in (a code of settings.LANGUAGES, or "").
    language: str
    language_name: str
    can_reply: bool
    notice_by: str = ""  # "email", "text" or "" when the reporter gets no notice of a reply


def reporter_language(report: Report) -> str:
    for candidate in (report.contact_language, report.language):
        if candidate and candidate in dict(settings.LANGUAGES):
            return candidate
    return ""


def case_conversations_open(*, user: Any, case: Case) -> list[ReportConversation]:
    """The conversation of each report of ``case`` (a case found through ``case_for_user``), oldest report first.

    Texts are decrypted only for someone who may see personal data, and that opening is audited.
    """
    from safecommunity.reports.notifications import notice_channel

    with_text = may_see_personal_data(user)
    report_ids = CaseReport.objects.filter(case=case).values("report_id")
    reports = list(Report.objects.filter(pk__in=report_ids).order_by("submitted_at"))
    conversations = []
    for report in reports:
        language = reporter_language(report)
        conversations.append(
            ReportConversation(
                report=report,
                entries=report_conversation(report=report, with_text=with_text),
                language=language,
                language_name=language_name(language),
                can_reply=report.withdrawn_at is None and report.status != "withdrawn",
                notice_by=notice_channel(report) or "",
            )
        )
    if with_text and any(conversation.entries for conversation in conversations):
        audit_record(
            actor=user,
            action="case.conversation_view",
            target=case,
            details={"reports": [report.pk for report in reports]},
        )
    return conversations


def case_report_for_reply(*, case: Case, report_public_id: uuid.UUID | str) -> Report | None:
    """A report of ``case`` by its public id, or None if the case holds no such report."""
    try:
        key = uuid.UUID(str(report_public_id))
    except ValueError:
        return None
    report_ids = CaseReport.objects.filter(case=case).values("report_id")
    return Report.objects.filter(pk__in=report_ids, public_id=key).first()


def case_reply_send(*, actor: Any, case: Case, report: Report, text: str, language: str) -> Reply:
    """A caseworker answers the reporter of one of the case's reports (see ``report_reply_send``)."""
    if not CaseReport.objects.filter(case=case, report=report).exists():
        raise ReplyRefused(_("This report is not part of this case."))
    reply = report_reply_send(report=report, author=actor, text=text, language=language)
    audit_record(actor=actor, action="case.reply", target=case, details={"report": report.pk, "reply": reply.pk})
    return reply
