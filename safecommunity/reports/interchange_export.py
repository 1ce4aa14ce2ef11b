"""Writing the interchange CSV (the columns of ``interchange.EXPORT_COLUMNS``) without personal data."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import Any, Protocol

from safecommunity.reports.interchange import EXPORT_COLUMNS, SEPARATOR
from safecommunity.reports.models import Report


class Writable(Protocol):
    def write(self, text: str, /) -> Any: ...


def export_row(report: Report) -> list[str]:
    """A report as an interchange row, without personal data: the description stays empty
    and ``external_id`` is the report's own public id (never a partner's id)."""
    if report.occurred_precision == Report.DatePrecision.MONTH:
        occurred = report.occurred_on.strftime("%Y-%m")
    else:
        occurred = report.occurred_on.isoformat()
    values = {
        "external_id": str(report.public_id),
        "occurred_on": occurred,
        "region": report.region.slug if report.region is not None else "",
        "incident_types": SEPARATOR.join(report.incident_types),
        "location_type": report.location_type,
        "bias_motivations": SEPARATOR.join(report.bias_motivations),
        "targeted_ethnicities": SEPARATOR.join(report.targeted_ethnicities),
        "age_group": report.age_group,
        "gender": report.gender,
        "description": "",
        "description_language": report.description_language,
        "reported_to_police": report.reported_to_police,
        "channel": report.channel,
        "consent_statistics": "yes" if report.consent_statistics else "no",
    }
    return [values[column] for column in EXPORT_COLUMNS]


def write_rows(reports: Iterable[Report], out: Writable) -> int:
    """Write the header and one row per report; returns how many reports were written."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(EXPORT_COLUMNS)
    written = 0
    for report in reports:
        writer.writerow(export_row(report))
        written += 1
    return written
