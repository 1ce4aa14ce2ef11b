from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass
class ReportDraft:
    """The content of a report, already validated, from whichever channel it came."""

    occurred_on: dt.date
    occurred_precision: str = "day"
    region_id: int | None = None
    incident_types: list[str] = field(default_factory=list)
    description: str = ""
    description_language: str = ""
    reporter_role: str = ""
    time_of_day: str = ""
    location_type: str = ""
    place: str = ""
    bias_motivations: list[str] = field(default_factory=list)
    targeted_ethnicities: list[str] = field(default_factory=list)
    age_group: str = ""
    gender: str = ""
    reported_to_police: str = ""
    police_report_number: str = ""
    help_wanted: list[str] = field(default_factory=list)
    may_contact: bool = False
    contact_methods: list[str] = field(default_factory=list)
    contact_language: str = ""
    contact_name: str = ""
    contact_email: str = ""
    contact_phone: str = ""
    consent_statistics: bool = False
