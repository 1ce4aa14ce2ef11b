"""The public calendar, an event's page in the visitor's language, the calendar files and the JSON API."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.utils import timezone

from safecommunity.accounts.models import Coalition, Organisation
from safecommunity.core.models import Region
from safecommunity.programs.events.models import Event
from safecommunity.programs.events.tests.factories import an_event, registered

pytestmark = pytest.mark.django_db

MARCH = dt.datetime(2030, 3, 15, 1, 0, tzinfo=dt.UTC)  # 18:00 on 14 March in Sacramento


def test_the_calendar_lists_upcoming_published_events_soonest_first(sacramento_coalition: Coalition):
    later = an_event(sacramento_coalition, title={"en": "Later town hall"}, starts_in=dt.timedelta(days=20))
    sooner = an_event(sacramento_coalition, title={"en": "Sooner webinar"}, starts_in=dt.timedelta(days=2))
    an_event(sacramento_coalition, title={"en": "A draft"}, status=Event.Status.DRAFT)
    an_event(sacramento_coalition, title={"en": "Last year"}, starts_in=-dt.timedelta(days=300))
    an_event(sacramento_coalition, title={"en": "Called off"}, status=Event.Status.CANCELLED)
    page = Client().get("/en/events/").content.decode()
    assert page.index(sooner.title["en"]) < page.index(later.title["en"])
    for hidden in ("A draft", "Last year", "Called off"):
        assert hidden not in page


def test_the_calendar_filters_by_language_region_city_kind_and_format(
    sacramento_coalition: Coalition, sacramento: Region, bay_area: Coalition
):
    vietnamese = an_event(
        sacramento_coalition, title={"en": "Vietnamese clinic"}, languages=["vi", "en"], region=sacramento
    )
    bay = an_event(
        bay_area,
        title={"en": "Bay webinar", "zh-hant": "灣區網絡研討會"},
        kind=Event.Kind.WEBINAR,
        format=Event.Format.ONLINE,
    )
    client = Client()

    def shown(query: str) -> set[str]:
        page = client.get(f"/en/events/?{query}").content.decode()
        return {event.title["en"] for event in (vietnamese, bay) if event.title["en"] in page}

    assert shown("language=vi") == {"Vietnamese clinic"}
    assert shown("language=zh-hant") == {"Bay webinar"}
    assert shown("region=sacramento") == {"Vietnamese clinic"}
    assert shown("coalition=sf-bay-area") == {"Bay webinar"}
    assert shown("kind=webinar") == {"Bay webinar"}
    assert shown("format=in_person") == {"Vietnamese clinic"}
    assert "No upcoming event matches these filters." in client.get("/en/events/?kind=showcase").content.decode()


def test_an_unknown_filter_value_gets_a_clear_message(db):
    response = Client().get("/en/events/?kind=party")
    assert response.status_code == 422
    assert "Select a valid choice." in response.content.decode()


def test_the_calendar_is_paginated(sacramento_coalition: Coalition):
    for day in range(14):
        an_event(sacramento_coalition, title={"en": f"Event day {day:02d}"}, starts_in=dt.timedelta(days=day + 1))
    first = Client().get("/en/events/").content.decode()
    second = Client().get("/en/events/?page=2").content.decode()
    assert "Event day 00" in first and "Event day 13" not in first
    assert "Event day 13" in second and "Page 2 of 2" in second


def test_an_event_page_is_in_the_visitors_language_with_times_in_the_events_time_zone(
    sacramento_coalition: Coalition, org_a: Organisation
):
    event = an_event(
        sacramento_coalition,
        title={"en": "Know your rights", "vi": "Biết quyền của bạn"},
        description={"en": "Bring a friend."},
        starts_at=MARCH,
        organisation=org_a,
        speakers=[{"name": "Mai Tran", "role": {"en": "Lawyer"}, "organisation": "Legal aid"}],
        online_url="https://meet.example.org/secret",
    )
    page = Client().get(f"/vi/events/{event.slug}/").content.decode()
    assert '<h1 lang="vi">Biết quyền của bạn</h1>' in page
    assert 'lang="en"' in page and "Bring a friend." in page  # falls back, marked as English
    assert "America/Los_Angeles" in page and "PDT" in page
    assert "18:00" in page  # 18:00 in Sacramento, not 01:00 UTC
    assert "Mai Tran" in page and org_a.name in page
    assert "meet.example.org/secret" not in page  # for registered people only


def test_the_event_calendar_file_has_utc_times_and_no_online_link(sacramento_coalition: Coalition):
    event = an_event(sacramento_coalition, starts_at=MARCH, online_url="https://meet.example.org/secret")
    response = Client().get(f"/en/events/{event.slug}/event.ics")
    body = response.content.decode()
    assert response["Content-Type"].startswith("text/calendar")
    assert "DTSTART:20300315T010000Z" in body
    assert "SUMMARY:Know your rights" in body
    assert "secret" not in body
    assert all(len(line.encode()) <= 75 for line in body.split("\r\n"))  # folded lines


def test_a_registered_persons_calendar_file_has_the_online_link(sacramento_coalition: Coalition):
    event = an_event(sacramento_coalition, online_url="https://meet.example.org/secret", format=Event.Format.ONLINE)
    registration = registered(event, email="lan@example.org", language="vi")
    body = Client().get(f"/en/events/registration/{registration.public_id}/event.ics").content.decode()
    unfolded = body.replace("\r\n ", "")
    assert "https://meet.example.org/secret" in unfolded
    assert "SUMMARY:Biết quyền của bạn" in unfolded


def test_the_calendar_feed_follows_the_filters(sacramento_coalition: Coalition, bay_area: Coalition):
    an_event(sacramento_coalition, title={"en": "Sacramento, a comma; and more"})
    an_event(bay_area, title={"en": "Bay showcase"})
    everything = Client().get("/en/events/calendar.ics").content.decode().replace("\r\n ", "")
    assert "SUMMARY:Sacramento\\, a comma\\; and more" in everything  # RFC 5545 escaping
    assert "Bay showcase" in everything
    bay_only = Client().get("/en/events/calendar.ics?coalition=sf-bay-area").content.decode()
    assert "Bay showcase" in bay_only and "a comma" not in bay_only
    assert bay_only.count("BEGIN:VEVENT") == 1


def test_the_api_lists_upcoming_events_with_filters(sacramento_coalition: Coalition, bay_area: Coalition):
    an_event(sacramento_coalition, title={"en": "Know your rights", "vi": "Biết quyền của bạn"}, languages=["vi"])
    an_event(bay_area, title={"en": "Bay showcase"}, online_url="https://meet.example.org/secret")
    an_event(bay_area, title={"en": "Draft"}, status=Event.Status.DRAFT)
    everything = Client().get("/api/v1/events").json()
    assert [item["title"] for item in everything] == ["Know your rights", "Bay showcase"]
    assert "secret" not in str(everything)
    vietnamese = Client().get("/api/v1/events?language=vi").json()
    assert [item["title"] for item in vietnamese] == ["Biết quyền của bạn"]
    assert vietnamese[0]["time_zone"] == "America/Los_Angeles"
    assert [item["title"] for item in Client().get("/api/v1/events?coalition=sf-bay-area").json()] == ["Bay showcase"]


def test_the_api_is_described_in_openapi(db):
    schema = Client().get("/api/openapi.json").json()
    assert "/api/v1/events" in schema["paths"]


def test_places_left_are_shown(sacramento_coalition: Coalition):
    event = an_event(sacramento_coalition, capacity=3)
    registered(event, email="one@example.org")
    assert "2 places left." in Client().get(f"/en/events/{event.slug}/").content.decode()
    assert event.ends_at > timezone.now()
