"""Open calls over JSON: the calls taking applications now (public)."""

from __future__ import annotations

from datetime import datetime

from django.conf import settings
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone, translation
from ninja import Router, Schema

from safecommunity.core.multilingual import text_in
from safecommunity.programs.opencalls.selectors import open_calls

router = Router(tags=["Open calls"])


class CallOut(Schema):
    slug: str
    coalition: str
    kind: str
    title: str
    summary: str
    amount: str
    language: str
    opens_at: datetime
    deadline: datetime
    time_zone: str
    url: str


@router.get("/calls", response=list[CallOut], auth=None)
def calls(request: HttpRequest, language: str = "") -> list[CallOut]:
    """Calls open for applications now, the nearest deadline first; texts in ``language`` where written
    (else the site's default language). Times are in UTC; ``time_zone`` is the call's own."""
    wanted = language if language in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
    with translation.override(wanted):
        return [
            CallOut(
                slug=call.slug,
                coalition=call.coalition.slug,
                kind=call.kind,
                title=text_in(call.title, wanted),
                summary=text_in(call.summary, wanted),
                amount=text_in(call.amount, wanted),
                language=wanted,
                opens_at=call.opens_at,
                deadline=call.deadline,
                time_zone=call.time_zone,
                url=settings.SITE_URL + reverse("opencalls:detail", kwargs={"slug": call.slug}),
            )
            for call in open_calls(now=timezone.now())
        ]
