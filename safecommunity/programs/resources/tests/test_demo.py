"""The demo library: every kind of resource in both cities, several languages, some shared, some downloads."""

from __future__ import annotations

import pytest
from django.test import Client
from django.utils import timezone

from safecommunity.accounts.tests.factories import greater_sacramento, the_bay_area
from safecommunity.demo.programs_resources import seed_resources
from safecommunity.programs.resources.models import DownloadCount, Kind, Resource, ResourceVersion

pytestmark = pytest.mark.django_db


def test_the_demo_library_covers_both_cities_and_can_be_seeded_twice() -> None:
    coalitions = {"greater-sacramento": greater_sacramento(), "sf-bay-area": the_bay_area()}
    now = timezone.now()

    first = seed_resources(coalitions=coalitions, now=now)
    counts = (Resource.objects.count(), ResourceVersion.objects.count(), DownloadCount.objects.count())
    second = seed_resources(coalitions=coalitions, now=now)

    assert first == second
    assert (Resource.objects.count(), ResourceVersion.objects.count(), DownloadCount.objects.count()) == counts
    for coalition in coalitions.values():
        kinds = set(Resource.objects.filter(coalition=coalition, published=True).values_list("kind", flat=True))
        assert kinds == set(Kind.values)
        assert Resource.objects.filter(coalition=coalition, shared_with_network=True).exists()
    languages = set(ResourceVersion.objects.values_list("language", flat=True))
    assert {"en", "vi", "zh-hant", "es", "ko", "hmn", "ar"} <= languages

    toolkit = Resource.objects.get(coalition__slug="greater-sacramento", slug="toolkit-against-hate")
    download = Client().get(f"/en/learn/greater-sacramento/{toolkit.slug}/en/open/")
    assert b"".join(download.streaming_content).startswith(b"%PDF-")  # type: ignore[attr-defined]
    library = Client().get("/en/learn/", {"coalition": "sf-bay-area"}).content.decode()
    assert "(shared with the network)" in library
