"""Responses: pages and files that hold personal data, and pages that htmx updates in part."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.cache import patch_vary_headers


def no_store(response: HttpResponse) -> HttpResponse:
    """Pages with a receipt code, a report or a case must not stay in a shared phone's or computer's cache or history."""
    response["Cache-Control"] = "no-store"
    return response


def private_download(*, content: bytes, content_type: str, filename: str) -> HttpResponse:
    """A decrypted file, saved rather than shown inline, and never cached."""
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return no_store(response)


def is_htmx(request: HttpRequest) -> bool:
    """htmx asks for the part of a page it updates; a history restore (the back button) needs the whole page."""
    return request.headers.get("HX-Request") == "true" and request.headers.get("HX-History-Restore-Request") != "true"


def varies_with_htmx(response: HttpResponse) -> HttpResponse:
    """One address answers with a whole page or a part of it: caches must keep them apart."""
    patch_vary_headers(response, ("HX-Request",))
    return response


def page_or_part(
    request: HttpRequest, *, page: str, part: str, context: dict[str, Any], status: int = 200
) -> HttpResponse:
    """The whole ``page``, or only the ``part`` htmx replaces (its template sees ``partial``), varying on which."""
    partial = is_htmx(request)
    response = render(request, part if partial else page, {**context, "partial": partial}, status=status)
    return varies_with_htmx(response)
