"""``{% case_conversations case as conversations %}``: what ``cases/_conversation.html`` shows on a case page.

The case page only puts ``case`` in its context; the conversation (decrypted
and audited only for someone who may see personal data) and a reply form per
report are fetched here, for the signed-in person of the request.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django import template

from safecommunity.cases.conversation import ReportConversation, case_conversations_open
from safecommunity.cases.models import Case
from safecommunity.reports.forms import ReplyForm

register = template.Library()


@dataclass(frozen=True)
class ConversationPanel:
    conversation: ReportConversation
    form: ReplyForm
    just_sent: bool


@register.simple_tag(takes_context=True)
def case_conversations(context: template.Context, case: Case) -> list[ConversationPanel]:
    request = context.get("request")
    user: Any = getattr(request, "user", None)
    bound = context.get("reply_form")
    bound_for = str(context.get("reply_report_id") or "")
    sent_for = request.GET.get("reply_sent", "") if request is not None else ""
    panels = []
    for conversation in case_conversations_open(user=user, case=case):
        public_id = str(conversation.report.public_id)
        form = (
            bound
            if bound is not None and bound_for == public_id
            else ReplyForm(
                initial={"language": conversation.language}, prefix=f"reply-{conversation.report.reference.lower()}"
            )
        )
        panels.append(ConversationPanel(conversation=conversation, form=form, just_sent=sent_for == public_id))
    return panels
