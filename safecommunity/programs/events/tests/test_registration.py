"""A member of the public registers for an event, lands on the wait list when it is full, and is moved up."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core import mail
from django.db import connection
from django.test import Client
from django.urls import reverse

from safecommunity.accounts.models import Coalition, User
from safecommunity.accounts.tests.factories import signed_in
from safecommunity.core.models import AuditEvent
from safecommunity.programs.events.models import Event, Registration
from safecommunity.programs.events.selectors import waitlist_position
from safecommunity.programs.events.services import registration_cancel
from safecommunity.programs.events.tests.factories import a_full_event, an_event, registered

pytestmark = pytest.mark.django_db


def register(client: Client, event: Event, language: str = "en", **answers: str) -> Any:
    data = {"name": "Lan Nguyen", "email": "lan@example.org", "language": language} | answers
    return client.post(f"/{language}/events/{event.slug}/", data)


def test_a_visitor_registers_and_gets_a_place_and_a_confirmation(
    sacramento_coalition, django_capture_on_commit_callbacks
):
    event = an_event(sacramento_coalition, capacity=10)
    with django_capture_on_commit_callbacks(execute=True):
        response = register(Client(), event, access_needs="Wheelchair seat", interpretation_language="vi")
    registration = Registration.objects.get(event=event)
    assert response.status_code == 302
    assert response["Location"] == reverse("events:registration", kwargs={"public_id": registration.public_id})
    assert registration.status == Registration.Status.CONFIRMED
    assert (registration.name, registration.email, registration.access_needs) == (
        "Lan Nguyen",
        "lan@example.org",
        "Wheelchair seat",
    )
    assert registration.interpretation_language == "vi"
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["lan@example.org"]
    page = Client().get(response["Location"])
    assert "Your place is confirmed." in page.content.decode()
    assert "no-store" in page["Cache-Control"]


def test_personal_details_are_stored_encrypted(sacramento_coalition):
    event = an_event(sacramento_coalition)
    registered(event, email="lan@example.org", name="Lan Nguyen", access_needs="Captions")
    with connection.cursor() as cursor:
        cursor.execute("SELECT name, email, access_needs, email_hash FROM events_registration")
        name, email, access_needs, email_hash = cursor.fetchone()
    assert all(value.startswith("fernet:") for value in (name, email, access_needs))
    assert "lan" not in email_hash


def test_the_name_is_required_unless_the_organiser_allows_anonymous_registration(sacramento_coalition):
    strict = an_event(sacramento_coalition, allow_anonymous_registration=False)
    response = register(Client(), strict, name="")
    assert response.status_code == 422
    assert "This field is required." in response.content.decode()
    assert 'value="lan@example.org"' in response.content.decode()  # nothing typed is lost
    relaxed = an_event(sacramento_coalition, allow_anonymous_registration=True)
    assert register(Client(), relaxed, name="").status_code == 302
    assert Registration.objects.get(event=relaxed).name == ""


def test_an_email_address_is_required(sacramento_coalition):
    event = an_event(sacramento_coalition, allow_anonymous_registration=True)
    response = register(Client(), event, email="")
    assert response.status_code == 422
    assert not Registration.objects.exists()


def test_the_language_preference_defaults_to_the_page_language(sacramento_coalition):
    event = an_event(sacramento_coalition)
    page = Client().get(f"/vi/events/{event.slug}/")
    assert page.context["form"]["language"].value() == "vi"


def test_a_second_registration_with_the_same_address_gets_a_clear_message(sacramento_coalition):
    event = an_event(sacramento_coalition)
    assert register(Client(), event).status_code == 302
    again = register(Client(), event, email="  LAN@example.org ")
    assert again.status_code == 409
    assert "already registered for this event" in again.content.decode()
    assert Registration.objects.filter(event=event).count() == 1


def test_when_the_event_is_full_a_visitor_is_put_on_the_wait_list_with_a_position(sacramento_coalition):
    event = a_full_event(sacramento_coalition, capacity=2)
    page = Client().get(f"/en/events/{event.slug}/")
    assert "This event is full." in page.content.decode()
    first = registered(event, email="first@example.org")
    second = registered(event, email="second@example.org")
    assert first.status == second.status == Registration.Status.WAITLISTED
    assert (waitlist_position(registration=first), waitlist_position(registration=second)) == (1, 2)
    status_page = Client().get(reverse("events:registration", kwargs={"public_id": second.public_id}))
    assert "You are on the wait list, in position 2." in status_page.content.decode()


def test_cancelling_a_place_moves_the_first_person_waiting_up_and_tells_them(
    sacramento_coalition, django_capture_on_commit_callbacks
):
    event = a_full_event(sacramento_coalition, capacity=1)
    taken = Registration.objects.get(event=event)
    waiting = registered(event, email="waiting@example.org", name="Kim", language="ko")
    later = registered(event, email="later@example.org")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = Client().post(
            reverse("events:registration", kwargs={"public_id": taken.public_id}), {"action": "cancel"}
        )
    assert "Your registration is cancelled." in response.content.decode()
    waiting.refresh_from_db()
    later.refresh_from_db()
    assert waiting.status == Registration.Status.CONFIRMED and waiting.promoted_at is not None
    assert waitlist_position(registration=later) == 1
    assert [message.to for message in mail.outbox] == [["waiting@example.org"]]
    assert mail.outbox[0].extra_headers["Content-Language"] == "ko"


def test_leaving_the_wait_list_promotes_nobody(sacramento_coalition):
    event = a_full_event(sacramento_coalition, capacity=1)
    waiting = registered(event, email="waiting@example.org")
    registration_cancel(registration=waiting)
    assert Registration.objects.filter(event=event, status=Registration.Status.CONFIRMED).count() == 1


def test_someone_who_cancelled_may_register_again_at_the_end_of_the_queue(sacramento_coalition):
    event = a_full_event(sacramento_coalition, capacity=1)
    first = registered(event, email="first@example.org")
    registered(event, email="second@example.org")
    registration_cancel(registration=first)
    again = registered(event, email="first@example.org")
    assert again.pk == first.pk
    assert waitlist_position(registration=again) == 2


def test_registration_is_closed_for_drafts_past_and_cancelled_events(sacramento_coalition):
    draft = an_event(sacramento_coalition, status=Event.Status.DRAFT)
    assert Client().get(f"/en/events/{draft.slug}/").status_code == 404
    past = an_event(sacramento_coalition, starts_in=-dt.timedelta(days=2))
    page = Client().get(f"/en/events/{past.slug}/")
    assert "Registration is closed." in page.content.decode()
    assert register(Client(), past).status_code == 409
    cancelled = an_event(sacramento_coalition, status=Event.Status.CANCELLED)
    assert "This event has been cancelled." in Client().get(f"/en/events/{cancelled.slug}/").content.decode()
    assert register(Client(), cancelled).status_code == 409


def test_an_unknown_registration_link_is_not_found(db):
    assert Client().get("/en/events/registration/6f1c8a4e-4a59-4a53-9c6c-2d1f0e7f9b11/").status_code == 404


def test_a_signed_in_volunteer_registering_is_linked_to_their_account(sacramento_coalition, volunteer: User):
    event = an_event(sacramento_coalition)
    register(signed_in(volunteer), event, email="ava@example.org")
    assert Registration.objects.get(event=event).user == volunteer


def test_registering_is_recorded_in_the_audit_trail_without_personal_data(sacramento_coalition):
    event = an_event(sacramento_coalition)
    register(Client(), event)
    entry = AuditEvent.objects.get(action="event_register")
    assert "lan@example.org" not in str(entry.details)


def test_no_two_people_take_the_last_place(sacramento_coalition: Coalition):
    """The capacity holds whatever the order: the place count is taken with the event locked."""
    event = an_event(sacramento_coalition, capacity=3)
    for number in range(6):
        registered(event, email=f"p{number}@example.org")
    statuses = list(Registration.objects.filter(event=event).values_list("status", flat=True))
    assert statuses.count(Registration.Status.CONFIRMED) == 3
    assert statuses.count(Registration.Status.WAITLISTED) == 3
