from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.urls import translate_url
from django.utils.translation import get_language_from_path, get_language_info


def deployment(request: HttpRequest) -> dict[str, Any]:
    return {
        "coalition_name": settings.COALITION_NAME,
        "coalition_contact_email": settings.COALITION_CONTACT_EMAIL,
        "emergency_number": settings.EMERGENCY_NUMBER,
        "language_links": lambda: language_links(request.path_info),
    }


def language_links(path: str) -> list[dict[str, str]]:
    """The page at ``path`` in every language: public paths are the same in all of them but for the prefix."""
    current = get_language_from_path(path)
    rest = path[len(current) + 1 :] if current else None
    return [
        {
            "code": code,
            "name_local": get_language_info(code)["name_local"],
            "url": f"/{code}{rest}" if rest is not None else translate_url(path, code),
        }
        for code, _name in settings.LANGUAGES
    ]
