"""Partner services the stories are told with.

Org B (Korean Community Counselling) runs a Korean-language counselling
service in Sacramento; org A runs an interpretation service for the whole area.
"""

from __future__ import annotations

from typing import Any

from safecommunity.accounts.models import Organisation
from safecommunity.core.models import Region
from safecommunity.directory.models import Service, ServiceKind


def a_service(
    organisation: Organisation,
    *,
    name: str = "Counselling in Korean",
    kind: str = ServiceKind.MENTAL_HEALTH,
    languages: list[str] | None = None,
    regions: list[Region] | None = None,
    **fields: Any,
) -> Service:
    values: dict[str, Any] = {
        "organisation": organisation,
        "name": name,
        "kind": kind,
        "languages": ["en"] if languages is None else languages,
        "phone": "916 555 0142",
        "email": "help@example.org",
        "hours": "Monday to Friday, 9 to 5",
    }
    values.update(fields)
    service = Service.objects.create(**values)
    if regions:
        service.regions.set(regions)
    return service
