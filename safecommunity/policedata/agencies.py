"""Which of the coalition's regions an agency belongs to, from the ``PoliceAgencyRegion`` rules."""

from __future__ import annotations

import fnmatch
from dataclasses import dataclass

from safecommunity.policedata.models import PoliceAgencyRegion

_WILDCARDS = frozenset("*?[")


@dataclass(frozen=True)
class AgencyRule:
    pk: int
    region_id: int
    state: str
    ori_pattern: str
    name_pattern: str

    @property
    def specificity(self) -> tuple[int, int, int, int]:
        """Higher is more specific: an exact ORI, then a longer ORI pattern, then a name, then the older rule."""
        exact_ori = bool(self.ori_pattern) and not (_WILDCARDS & set(self.ori_pattern))
        ori_length = len(self.ori_pattern.rstrip("*?"))
        return (int(exact_ori), ori_length, int(bool(self.name_pattern)), -self.pk)

    def matches(self, agency_id: str, agency_name: str) -> bool:
        if self.ori_pattern and not fnmatch.fnmatchcase(agency_id.upper(), self.ori_pattern.upper()):
            return False
        return not self.name_pattern or fnmatch.fnmatchcase(
            " ".join(agency_name.split()).casefold(), " ".join(self.name_pattern.split()).casefold()
        )


class RegionResolver:
    def __init__(self, rules: list[AgencyRule]) -> None:
        self.by_state: dict[str, list[AgencyRule]] = {}
        for rule in sorted(rules, key=lambda rule: rule.specificity, reverse=True):
            self.by_state.setdefault(rule.state.upper(), []).append(rule)
        self.seen: dict[tuple[str, str, str], int | None] = {}

    @classmethod
    def from_database(cls) -> RegionResolver:
        rows = PoliceAgencyRegion.objects.values_list("pk", "region_id", "state", "ori_pattern", "name_pattern")
        return cls([AgencyRule(*row) for row in rows])

    def region_for(self, *, state: str, agency_id: str, agency_name: str) -> int | None:
        key = (state, agency_id, agency_name)
        try:
            return self.seen[key]
        except KeyError:
            pass
        region_id = next(
            (rule.region_id for rule in self.by_state.get(state.upper(), ()) if rule.matches(agency_id, agency_name)),
            None,
        )
        self.seen[key] = region_id
        return region_id
