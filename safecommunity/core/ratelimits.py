from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest


def client_key(group: str, request: HttpRequest) -> str:
    """The client's address, from the header a deployment trusts (first hop only)."""
    raw = request.META.get(settings.CLIENT_IP_HEADER) or request.META.get("REMOTE_ADDR") or "unknown"
    return raw.split(",")[0].strip()
