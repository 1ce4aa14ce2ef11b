"""Cases the stories are told with: a survivor's report taken in, a case opened for them at org A."""

from __future__ import annotations

from typing import Any

from safecommunity.accounts.models import Organisation, User
from safecommunity.cases.models import Case
from safecommunity.cases.services import case_open
from safecommunity.directory.models import Service, ServiceKind
from safecommunity.reports.models import Report
from safecommunity.reports.tests.factories import a_submitted_report


def a_report_with_contact(**overrides: Any) -> Report:
    values: dict[str, Any] = {
        "may_contact": True,
        "contact_methods": ["phone"],
        "contact_name": "Linh",
        "contact_phone": "916 555 0199",
        "contact_email": "linh@example.net",
        "help_wanted": ["mental_health"],
        "description": "Two men followed me from the light rail station and shouted slurs.",
    }
    values.update(overrides)
    return a_submitted_report(**values).report


def a_case(
    *,
    organisation: Organisation,
    caseworker: User | None = None,
    opened_by: User | None = None,
    reports: list[Report] | None = None,
    consent_share: bool = False,
    **fields: Any,
) -> Case:
    return case_open(
        actor=opened_by,
        reports=reports or [a_report_with_contact()],
        organisation=organisation,
        caseworker=caseworker,
        preferred_language=fields.pop("preferred_language", "ko"),
        interpreter_needed=fields.pop("interpreter_needed", False),
        consents={"contact": True, "share": consent_share, "statistics": True},
        consent_how="verbal_phone",
    )


def a_service(organisation: Organisation, *, name: str = "Counselling in Korean", **fields: Any) -> Service:
    values: dict[str, Any] = {
        "organisation": organisation,
        "name": name,
        "kind": ServiceKind.MENTAL_HEALTH,
        "languages": ["ko", "en"],
        "capacity": Service.Capacity.OPEN,
    }
    values.update(fields)
    return Service.objects.create(**values)
