"""The demo's staying-in-touch data for both cities, seeded twice without duplicates."""

from __future__ import annotations

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from safecommunity.accounts.tests.factories import greater_sacramento, the_bay_area
from safecommunity.demo.programs_outreach import seed_outreach
from safecommunity.programs.outreach.models import ActionLink, NewsletterIssue, Subscriber

pytestmark = pytest.mark.django_db


def test_the_demo_brands_both_cities_and_seeding_twice_changes_nothing(client: Client) -> None:
    coalitions = {"greater-sacramento": greater_sacramento(), "sf-bay-area": the_bay_area()}
    first = seed_outreach(coalitions=coalitions, now=timezone.now())
    second = seed_outreach(coalitions=coalitions, now=timezone.now())

    assert first == second
    assert ActionLink.objects.count() == 10
    assert Subscriber.objects.filter(status=Subscriber.Status.CONFIRMED).count() == 10
    assert set(NewsletterIssue.objects.values_list("status", "sent_count")) == {(NewsletterIssue.Status.SENT, 5)}
    assert not mail.outbox
    bay = client.get("/vi/cities/sf-bay-area/").content.decode()
    assert "Mỗi báo cáo giúp vùng Vịnh an toàn hơn" in bay
    assert "https://sf-bay-area.example.org/donate" in client.get("/en/take-action/sf-bay-area/").content.decode()
