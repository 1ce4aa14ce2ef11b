"""Staff pages of the conversation with survivors: read a case's messages and reply to a reporter."""

from __future__ import annotations

import uuid
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods

from safecommunity.cases.conversation import case_reply_send, case_report_for_reply
from safecommunity.cases.models import Case
from safecommunity.cases.selectors import case_for_user
from safecommunity.core.access import staff_view
from safecommunity.core.http import no_store
from safecommunity.core.roles import Capability
from safecommunity.reports.forms import ReplyForm
from safecommunity.reports.messaging import ReplyRefused


def _case_or_404(request: HttpRequest, public_id: uuid.UUID) -> Case:
    case = case_for_user(user=request.user, public_id=public_id)
    if case is None:
        raise Http404
    return case


def _with_sent_notice(url: str, report_public_id: uuid.UUID) -> str:
    """``url`` with ``reply_sent`` (which shows "your reply was sent" by that report's conversation) and its anchor."""
    parts = urlsplit(url)
    query = [(key, value) for key, value in parse_qsl(parts.query) if key != "reply_sent"]
    query.append(("reply_sent", str(report_public_id)))
    return urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(query), f"conversation-{report_public_id}"))


@staff_view(Capability.WORK_CASES)
@require_http_methods(["GET"])
def case_messages(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    """The conversation of a case's reports on a page of its own (the case page includes the same part)."""
    case = _case_or_404(request, public_id)
    return no_store(render(request, "cases/case_messages.html", {"case": case}))


@staff_view(Capability.WORK_CASES)
@require_http_methods(["POST"])
def case_reply(request: HttpRequest, public_id: uuid.UUID, report_id: uuid.UUID) -> HttpResponse:
    """Send a reply to the reporter of one of the case's reports, then go back where it was written."""
    case = _case_or_404(request, public_id)
    report = case_report_for_reply(case=case, report_public_id=report_id)
    if report is None:
        raise Http404
    form = ReplyForm(request.POST, prefix=f"reply-{report.reference.lower()}")
    if form.is_valid():
        try:
            case_reply_send(
                actor=request.user,
                case=case,
                report=report,
                text=form.cleaned_data["text"],
                language=form.cleaned_data["language"],
            )
        except ReplyRefused as refused:
            form.add_error(None, str(refused))
        else:
            back = request.POST.get("next", "")
            if not url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}) or not back:
                back = reverse("cases:case_messages", kwargs={"public_id": case.public_id})
            return HttpResponseRedirect(_with_sent_notice(back, report.public_id))
    context = {"case": case, "reply_form": form, "reply_report_id": report.public_id}
    return no_store(render(request, "cases/case_messages.html", context, status=422))
