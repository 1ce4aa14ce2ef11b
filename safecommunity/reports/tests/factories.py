from __future__ import annotations

import datetime as dt
from typing import Any

from safecommunity.reports.drafts import ReportDraft
from safecommunity.reports.services import SubmittedReport, report_submit


def a_draft(**overrides: Any) -> ReportDraft:
    values: dict[str, Any] = {
        "occurred_on": dt.date(2026, 3, 14),
        "incident_types": ["verbal_harassment"],
        "description": "A man on the 51 bus shouted at my grandmother to go back to China.",
        "location_type": "public_transit",
        "consent_statistics": True,
    }
    values.update(overrides)
    return ReportDraft(**values)


def a_submitted_report(**overrides: Any) -> SubmittedReport:
    return report_submit(draft=a_draft(**overrides), language="en")


def form_data(region_pk: int, **overrides: Any) -> dict[str, Any]:
    """What a person fills in on the public form, as the browser posts it."""
    data: dict[str, Any] = {
        "incident_types": ["verbal_harassment"],
        "description": "Someone yelled slurs at me outside the grocery store on Stockton Boulevard.",
        "occurred_on": "2026-03-14",
        "where": str(region_pk),
        "location_type": "business",
        "consent_statistics": "on",
    }
    data.update(overrides)
    return data
