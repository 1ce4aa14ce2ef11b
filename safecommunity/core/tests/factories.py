from __future__ import annotations

from safecommunity.core.models import Region, RegionSet


def sacramento_region() -> Region:
    region_set, _ = RegionSet.objects.get_or_create(slug="greater-sacramento", defaults={"name": "Greater Sacramento"})
    region, _ = Region.objects.get_or_create(
        slug="sacramento", defaults={"name": "Sacramento", "region_set": region_set}
    )
    return region
