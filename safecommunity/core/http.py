"""Responses for pages and files that hold personal data."""

from __future__ import annotations

from django.http import HttpResponse


def no_store(response: HttpResponse) -> HttpResponse:
    """Pages with a receipt code, a report or a case must not stay in a shared phone's or computer's cache or history."""
    response["Cache-Control"] = "no-store"
    return response


def private_download(*, content: bytes, content_type: str, filename: str) -> HttpResponse:
    """A decrypted file, saved rather than shown inline, and never cached."""
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return no_store(response)
