"""Text messages to reporters ("a reply is waiting"), through a backend chosen by ``SMS_BACKEND``.

A backend is a class with ``send(*, to, body)``. The console backend (the
default) only logs that a message was sent: a phone number or its text never
reaches a log. Tests use the in-memory backend and read ``outbox``.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from django.conf import settings
from django.utils.module_loading import import_string

if TYPE_CHECKING:
    from safecommunity.reports.models import Report

logger = logging.getLogger(__name__)


class SmsBackend(Protocol):
    def send(self, *, to: str, body: str) -> None: ...


class ConsoleSmsBackend:
    """For development: says that a text message would have been sent, and nothing about it."""

    def send(self, *, to: str, body: str) -> None:
        logger.info("A text message notice was sent (%d characters).", len(body))


@dataclass(frozen=True)
class SentText:
    to: str
    body: str


outbox: list[SentText] = []


class LocmemSmsBackend:
    """For tests: keeps every message in ``outbox``."""

    def send(self, *, to: str, body: str) -> None:
        outbox.append(SentText(to=to, body=body))


class HttpSmsBackend:
    """Sends through an SMS gateway's HTTP API: a form POST of ``To``, ``From`` and ``Body`` with basic
    authentication, the shape of Twilio's Messages API and of most gateways that copy it
    (``SMS_HTTP_URL``, ``SMS_HTTP_USER``, ``SMS_HTTP_PASSWORD``, ``SMS_FROM``). A gateway that answers
    with an error raises, so the background task records the failure instead of losing it silently."""

    def send(self, *, to: str, body: str) -> None:
        import base64
        import urllib.parse
        import urllib.request

        data = urllib.parse.urlencode({"To": to, "From": settings.SMS_FROM, "Body": body}).encode()
        request = urllib.request.Request(settings.SMS_HTTP_URL, data=data, method="POST")  # noqa: S310
        credentials = f"{settings.SMS_HTTP_USER}:{settings.SMS_HTTP_PASSWORD}".encode()
        request.add_header("Authorization", "Basic " + base64.b64encode(credentials).decode())
        request.add_header("Content-Type", "application/x-www-form-urlencoded")
        with urllib.request.urlopen(request, timeout=settings.SMS_HTTP_TIMEOUT) as response:  # noqa: S310
            if response.status >= 300:
                raise RuntimeError(f"The SMS gateway answered {response.status}.")


def sms_backend() -> SmsBackend:
    backend: SmsBackend = import_string(settings.SMS_BACKEND)()
    return backend


def send_text(*, to: str, body: str) -> None:
    sms_backend().send(to=to, body=body)


def notice_channel(report: Report) -> str | None:
    """How a reporter may be told a reply is waiting: "email" or "text", or None when they did not agree
    to be contacted that way or left no address (a phone call is made by a person, not sent)."""
    if not report.may_contact or report.personal_data_erased_at is not None:
        return None
    methods = report.contact_methods or []
    if "email" in methods and report.contact_email:
        return "email"
    if "text" in methods and report.contact_phone:
        return "text"
    return None
