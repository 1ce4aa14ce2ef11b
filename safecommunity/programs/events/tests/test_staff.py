"""Linh, an organiser in Greater Sacramento, runs her coalition's events; Omar, in the Bay Area, cannot see them."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.utils import timezone

from safecommunity.accounts.models import Organisation, User
from safecommunity.accounts.tests.factories import signed_in
from safecommunity.core.models import AuditEvent, Region
from safecommunity.programs.events.models import Event, Registration
from safecommunity.programs.events.tests.factories import a_full_event, an_event, registered

pytestmark = pytest.mark.django_db

STAFF = "/en/staff/programmes/events"


def event_form(**answers: object) -> dict[str, object]:
    data: dict[str, object] = {
        "title_0": "Bystander intervention training",
        "title_1": "",
        "title_2": "Huấn luyện can thiệp",
        "description_0": "Learn the five Ds.",
        "kind": Event.Kind.TRAINING,
        "format": Event.Format.HYBRID,
        "languages": ["en", "vi"],
        "speakers": "Dr. Mai Tran | Trainer | Hmong and Vietnamese Community Centre\nSam Lee",
        "venue": "Library",
        "address": "828 I Street, Sacramento",
        "online_url": "https://meet.example.org/bystander",
        "time_zone": "America/Los_Angeles",
        "starts_at": "2030-03-14T18:00",
        "ends_at": "2030-03-14T20:00",
        "capacity": "25",
    }
    data.update(answers)
    return data


def title_field_names() -> list[str]:
    from django.conf import settings

    return [code for code, _name in settings.LANGUAGES]


def test_linh_creates_an_event_entered_in_its_time_zone(organiser_a: User, org_a: Organisation, sacramento: Region):
    partner = Organisation.objects.create(coalition=org_a.coalition, slug="library", name="Library", kind="other")
    client = signed_in(organiser_a)
    assert client.get(f"{STAFF}/new/").status_code == 200
    languages = title_field_names()
    answers = event_form(organisation=str(org_a.pk), partners=[str(partner.pk)], region=str(sacramento.pk))
    answers["title_2"] = ""
    answers[f"title_{languages.index('vi')}"] = "Huấn luyện can thiệp"
    response = client.post(f"{STAFF}/new/", answers)
    assert response.status_code == 302, response.content.decode()[:3000]
    event = Event.objects.get()
    assert event.status == Event.Status.DRAFT
    assert event.coalition == org_a.coalition
    assert event.title == {"en": "Bystander intervention training", "vi": "Huấn luyện can thiệp"}
    # 18:00 in Sacramento in March 2030 (daylight time, UTC-7) is 01:00 UTC the next day.
    assert event.starts_at == dt.datetime(2030, 3, 15, 1, 0, tzinfo=dt.UTC)
    assert event.speakers[0]["name"] == "Dr. Mai Tran" and event.speakers[0]["organisation"].startswith("Hmong")
    assert event.speakers[1] == {"name": "Sam Lee", "role": {}, "organisation": ""}
    assert list(event.partners.all()) == [partner]
    assert event.slug.startswith("bystander-intervention-training-2030-03-1")
    edit = client.get(f"{STAFF}/{event.public_id}/edit/").content.decode()
    assert 'value="2030-03-14T18:00"' in edit


def test_bad_times_get_a_clear_message_and_nothing_is_lost(organiser_a: User):
    response = signed_in(organiser_a).post(f"{STAFF}/new/", event_form(ends_at="2030-03-14T17:00"))
    assert response.status_code == 422
    page = response.content.decode()
    assert "The event must end after it starts." in page
    assert "Learn the five Ds." in page
    assert not Event.objects.exists()


def test_regions_offered_are_the_coalitions_own(organiser_a: User, sacramento: Region, bay_area):
    form = signed_in(organiser_a).get(f"{STAFF}/new/").context["form"]
    regions = list(form.fields["region"].queryset)
    assert sacramento in regions
    assert all(region.region_set_id == sacramento.region_set_id for region in regions)
    assert form.fields["time_zone"].initial == "America/Los_Angeles"


def test_linh_publishes_and_the_event_appears_on_the_calendar(organiser_a: User, org_a: Organisation):
    event = an_event(org_a.coalition, status=Event.Status.DRAFT)
    assert event.title["en"] not in Client().get("/en/events/").content.decode()
    response = signed_in(organiser_a).post(f"{STAFF}/{event.public_id}/publish/")
    assert response.status_code == 302
    event.refresh_from_db()
    assert event.status == Event.Status.PUBLISHED and event.published_at is not None
    assert event.title["en"] in Client().get("/en/events/").content.decode()


def test_raising_the_capacity_moves_people_up_from_the_wait_list(
    organiser_a: User, org_a: Organisation, django_capture_on_commit_callbacks
):
    event = a_full_event(org_a.coalition, capacity=1, format=Event.Format.ONLINE, venue="", address="")
    first = registered(event, email="first@example.org")
    second = registered(event, email="second@example.org")
    form = signed_in(organiser_a).get(f"{STAFF}/{event.public_id}/edit/").context["form"]
    answers = {}
    for name, field in form.fields.items():
        value = form.initial.get(name, field.initial)
        if hasattr(field, "fields"):  # the multilingual title and description
            for index, text in enumerate(field.widget.decompress(value)):
                answers[f"{name}_{index}"] = text
        elif value is not None:
            answers[name] = value
    answers["starts_at"] = form.initial["starts_at"].strftime("%Y-%m-%dT%H:%M")
    answers["ends_at"] = form.initial["ends_at"].strftime("%Y-%m-%dT%H:%M")
    answers["capacity"] = "2"
    with django_capture_on_commit_callbacks(execute=True):
        response = signed_in(organiser_a).post(f"{STAFF}/{event.public_id}/edit/", answers)
    assert response.status_code == 302, response.content.decode()[:3000]
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.status == Registration.Status.CONFIRMED
    assert second.status == Registration.Status.WAITLISTED


def test_the_registration_list_shows_the_wait_list_in_order_and_is_audited(organiser_a: User, org_a: Organisation):
    event = a_full_event(org_a.coalition, capacity=1)
    registered(event, email="first@example.org", name="First Waiting", access_needs="Captions")
    registered(event, email="second@example.org", name="Second Waiting")
    response = signed_in(organiser_a).get(f"{STAFF}/{event.public_id}/registrations/")
    page = response.content.decode()
    assert page.index("First Waiting") < page.index("Second Waiting")
    assert "Captions" in page
    assert "first@example.org" not in page  # addresses are not shown, only used for e-mails
    assert AuditEvent.objects.filter(action="event_registrations_view", actor=organiser_a).exists()


def test_linh_checks_people_in_at_the_door_and_can_undo(organiser_a: User, org_a: Organisation):
    event = an_event(org_a.coalition, starts_in=-dt.timedelta(minutes=10))
    lan = registered(event, email="lan@example.org", name="Lan Nguyen")
    registered(event, email="kim@example.org", name="Kim Park")
    client = signed_in(organiser_a)
    found = client.get(f"{STAFF}/{event.public_id}/check-in/?q=lan").content.decode()
    assert "Lan Nguyen" in found and "Kim Park" not in found
    response = client.post(f"{STAFF}/{event.public_id}/check-in/{lan.public_id}/", {"attended": "yes", "q": "lan"})
    assert response.status_code == 302
    assert response["Location"].endswith(f"?q=lan#person-{lan.public_id}")
    lan.refresh_from_db()
    assert lan.checked_in_at is not None
    detail = client.get(f"{STAFF}/{event.public_id}/").content.decode()
    assert "Attended: 1" in detail
    client.post(f"{STAFF}/{event.public_id}/check-in/{lan.public_id}/", {"attended": "no"})
    lan.refresh_from_db()
    assert lan.checked_in_at is None


def test_the_list_shows_only_the_coalitions_events_with_counts(organiser_a, organiser_bay, org_a, org_bay):
    ours = an_event(org_a.coalition, title={"en": "Sacramento town hall"}, capacity=3)
    registered(ours, email="one@example.org")
    an_event(org_bay.coalition, title={"en": "Bay Area showcase"})
    page = signed_in(organiser_a).get(f"{STAFF}/").content.decode()
    assert "Sacramento town hall" in page and "Bay Area showcase" not in page
    assert "1 / 3" in page


@pytest.mark.parametrize(
    "path",
    ["/", "/edit/", "/registrations/", "/check-in/", "/cancel/"],
)
def test_an_organiser_of_another_coalition_gets_not_found(path, organiser_bay: User, org_a: Organisation):
    event = an_event(org_a.coalition)
    assert signed_in(organiser_bay).get(f"{STAFF}/{event.public_id}{path}").status_code == 404


def test_another_coalitions_organiser_cannot_check_anyone_in_or_publish(organiser_bay: User, org_a: Organisation):
    event = an_event(org_a.coalition, status=Event.Status.DRAFT)
    lan = registered(an_event(org_a.coalition), email="lan@example.org")
    client = signed_in(organiser_bay)
    assert client.post(f"{STAFF}/{event.public_id}/publish/").status_code == 404
    assert (
        client.post(f"{STAFF}/{lan.event.public_id}/check-in/{lan.public_id}/", {"attended": "yes"}).status_code == 404
    )
    lan.refresh_from_db()
    assert lan.checked_in_at is None


def test_other_roles_are_refused_and_the_public_is_sent_to_sign_in(volunteer: User, analyst: User, org_a):
    assert signed_in(volunteer).get(f"{STAFF}/").status_code == 403
    assert signed_in(analyst).get(f"{STAFF}/new/").status_code == 403
    response = Client().get(f"{STAFF}/")
    assert response.status_code == 302 and "sign-in" in response["Location"]


def test_a_coalition_admin_of_no_organisation_picks_the_coalition(db, bay_area):
    from safecommunity.accounts.tests.factories import a_staff_member
    from safecommunity.core.roles import Role

    admin = a_staff_member("root.admin", role=Role.COALITION_ADMIN)
    response = signed_in(admin).get(f"{STAFF}/new/?coalition=sf-bay-area")
    assert response.context["coalition"] == bay_area


def test_an_event_that_started_is_still_shown_as_over_after_it_ends(org_a: Organisation):
    event = an_event(org_a.coalition, starts_at=timezone.now() - dt.timedelta(hours=3))
    assert "This event is over." in Client().get(f"/en/events/{event.slug}/").content.decode()


def test_someone_who_gave_no_name_is_found_by_their_code(organiser_a: User, org_a: Organisation):
    event = an_event(org_a.coalition, allow_anonymous_registration=True)
    anonymous = registered(event, email="quiet@example.org", name="")
    code = str(anonymous.public_id)[:6]
    page = signed_in(organiser_a).get(f"{STAFF}/{event.public_id}/check-in/?q={code}").content.decode()
    assert "Name not given" in page and code in page
    assert "Check in this person" in page


def test_cancelling_asks_first_and_says_how_many_people_will_be_told(organiser_a: User, org_a: Organisation):
    event = a_full_event(org_a.coalition, capacity=2)
    registered(event, email="waiting@example.org")
    page = signed_in(organiser_a).get(f"{STAFF}/{event.public_id}/cancel/").content.decode()
    assert "3 people registered or waiting will be told by e-mail" in page
    event.refresh_from_db()
    assert event.status == Event.Status.PUBLISHED
