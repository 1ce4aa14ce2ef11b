from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest


def deployment_settings() -> dict[str, Any]:
    """What every public page says about the deployment: its name, contact and emergency number."""
    return {
        "coalition_name": settings.COALITION_NAME,
        "coalition_contact_email": settings.COALITION_CONTACT_EMAIL,
        "emergency_number": settings.EMERGENCY_NUMBER,
    }


def deployment(request: HttpRequest) -> dict[str, Any]:
    return deployment_settings()
