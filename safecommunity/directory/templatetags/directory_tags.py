"""The services that match a report, for the report confirmation page (the reports app does not import directory)."""

from __future__ import annotations

from typing import Any

from django import template
from django.conf import settings
from django.utils.translation import get_language

from safecommunity.directory.cards import service_card
from safecommunity.directory.selectors import services_matching

register = template.Library()

CONFIRMATION_LIMIT = 3


@register.inclusion_tag("directory/_matching_services.html")
def services_for_report(report: Any = None) -> dict[str, Any]:
    """Up to three services matching the help the reporter asked for, in the page's language and their region.

    Nothing at all without a report (a page shown to a suspected bot) or when no help was asked for."""
    needs = list(getattr(report, "help_wanted", None) or [])
    if not needs:
        return {"asked": False, "matches": []}
    language = get_language() or settings.LANGUAGE_CODE
    matches = services_matching(
        needs=needs, language=language, region=getattr(report, "region", None), limit=CONFIRMATION_LIMIT
    )
    return {
        "asked": True,
        "matches": [{"card": service_card(match.service, language), "reasons": match.reasons} for match in matches],
    }
