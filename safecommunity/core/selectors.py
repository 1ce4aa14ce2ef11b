from __future__ import annotations

from django.db.models import QuerySet

from safecommunity.core.models import HelpLine, Region


def help_lines_for_public() -> list[HelpLine]:
    return list(HelpLine.objects.filter(is_active=True))


def regions_for_forms() -> QuerySet[Region]:
    # Boundaries stay in the database: decoding them for every form would cost more than the whole page.
    return (
        Region.objects.filter(is_active=True)
        .select_related("region_set")
        .only("pk", "slug", "name", "region_set__name", "region_set__slug")
        .order_by("region_set__name", "name")
    )
