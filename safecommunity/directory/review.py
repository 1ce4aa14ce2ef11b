"""A proposed change side by side with the service as it is, field by field, in the reviewer's language."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _

from safecommunity.core.models import Region
from safecommunity.directory.forms import PROPOSED_FIELDS, ServiceProposalForm, proposal_values
from safecommunity.directory.languages import language_name
from safecommunity.directory.models import Service, ServiceChange, ServiceKind


@dataclass(frozen=True)
class Difference:
    label: str
    current: str
    proposed: str

    @property
    def changed(self) -> bool:
        return self.current != self.proposed


def _shown(name: str, value: Any, region_names: dict[str, str]) -> str:
    if value is None or value == "" or value == []:
        return ""
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if name == "kind":
        return str(ServiceKind(value).label) if value in ServiceKind.values else str(value)
    if name == "cost":
        return str(Service.Cost(value).label) if value in Service.Cost.values else str(value)
    if name == "capacity":
        return str(Service.Capacity(value).label) if value in Service.Capacity.values else str(value)
    if name == "languages":
        return ", ".join(language_name(str(code)) for code in value)
    if name == "regions":
        return ", ".join(region_names.get(str(slug), str(slug)) for slug in value)
    return str(value)


def change_differences(change: ServiceChange) -> list[Difference]:
    """Every proposed field with its current value ("" for a new service); unchanged ones included."""
    current = proposal_values(change.service) if change.service is not None else {}
    slugs = {*current.get("regions", []), *change.proposed.get("regions", [])}
    region_names = dict(Region.objects.filter(slug__in=slugs).values_list("slug", "name"))
    labels = ServiceProposalForm.base_fields
    return [
        Difference(
            label=str(labels[name].label),
            current=_shown(name, current.get(name), region_names),
            proposed=_shown(name, change.proposed.get(name), region_names),
        )
        for name in PROPOSED_FIELDS
        if name in change.proposed or name in current
    ]
