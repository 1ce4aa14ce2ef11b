"""Someone signs up for a city's newsletter, confirms it from their inbox, changes its language and leaves with one
click; nobody learns from the sign-up page whether an address is already on the list."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from safecommunity.accounts.models import Coalition
from safecommunity.accounts.tests.factories import greater_sacramento, the_bay_area
from safecommunity.core.encryption import lookup_hash
from safecommunity.programs.outreach.models import Subscriber
from safecommunity.programs.outreach.tests.factories import a_subscriber

pytestmark = pytest.mark.django_db


@pytest.fixture
def sacramento_coalition(db: None) -> Coalition:
    return greater_sacramento()


def sign_up(client: Client, coalition: Coalition, email: str, *, language: str = "vi", page: str = "vi") -> str:
    response = client.post(
        f"/{page}/newsletter/", {"email": email, "coalition": coalition.pk, "language": language}, follow=True
    )
    assert response.status_code == 200
    return response.content.decode()


def confirm_link(message: mail.EmailMessage) -> str:
    found = re.search(r"https?://\S+/newsletter/confirm/\S+/", str(message.body))
    assert found, message.body
    return found.group(0)


def path_of(url: str) -> str:
    return re.sub(r"^https?://[^/]+", "", url)


def subscriber(coalition: Coalition, email: str) -> Subscriber:
    return Subscriber.objects.get(coalition=coalition, email_hash=lookup_hash(email))


def test_signing_up_in_vietnamese_sends_a_confirmation_and_only_confirming_subscribes(
    client: Client, sacramento_coalition: Coalition
) -> None:
    form = client.get("/vi/newsletter/")
    assert 'value="vi" selected' in form.content.decode(), "the page's language is the default choice"

    sign_up(client, sacramento_coalition, "lan@example.org")

    person = subscriber(sacramento_coalition, "lan@example.org")
    assert person.status == Subscriber.Status.PENDING
    assert person.language == "vi"
    assert "lan@example.org" not in str(Subscriber.objects.filter(pk=person.pk).values_list("email", flat=True).query)
    [message] = mail.outbox
    assert message.to == ["lan@example.org"]
    link = confirm_link(message)
    assert "/vi/newsletter/confirm/" in link, "the link opens the page in the chosen language"

    # Opening the link (as a mail scanner would) confirms nothing; the button on the page does.
    page = client.get(path_of(link))
    assert page.status_code == 200
    assert subscriber(sacramento_coalition, "lan@example.org").status == Subscriber.Status.PENDING
    client.post(path_of(link))
    assert subscriber(sacramento_coalition, "lan@example.org").status == Subscriber.Status.CONFIRMED
    # A used link does not work twice.
    assert client.get(path_of(link)).status_code == 404


def test_with_two_cities_the_person_chooses_one_and_the_city_page_preselects_it(
    client: Client, sacramento_coalition: Coalition
) -> None:
    bay = the_bay_area()
    page = client.get(f"/en/newsletter/?coalition={bay.slug}").content.decode()
    assert "Which city" in page
    assert re.search(rf'value="{bay.pk}"[^>]*checked', page)

    response = client.post("/en/newsletter/", {"email": "kim@example.org", "language": "ko"})
    assert response.status_code == 422
    assert "Choose a city." in response.content.decode()
    assert 'value="kim@example.org"' in response.content.decode(), "what was typed is kept"


def test_with_one_city_there_is_nothing_to_choose(client: Client, sacramento_coalition: Coalition) -> None:
    page = client.get("/en/newsletter/").content.decode()
    assert "Which city" not in page
    sign_up(client, sacramento_coalition, "solo@example.org", language="en", page="en")
    assert subscriber(sacramento_coalition, "solo@example.org").status == Subscriber.Status.PENDING


def test_a_bad_address_gets_a_clear_message_and_keeps_the_choices(
    client: Client, sacramento_coalition: Coalition
) -> None:
    response = client.post(
        "/en/newsletter/", {"email": "not an address", "coalition": sacramento_coalition.pk, "language": "hmn"}
    )
    assert response.status_code == 422
    page = response.content.decode()
    assert "Enter a valid e-mail address." in page
    assert 'value="hmn" selected' in page
    assert not mail.outbox


def test_signing_up_again_says_the_same_thing_whoever_is_already_on_the_list(
    client: Client, sacramento_coalition: Coalition
) -> None:
    a_subscriber(sacramento_coalition, "already@example.org", language="en")

    new_person = sign_up(client, sacramento_coalition, "new@example.org")
    already_there = sign_up(client, sacramento_coalition, "already@example.org")
    pending_again = sign_up(client, sacramento_coalition, "new@example.org")

    strip = re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"')
    assert strip.sub("", new_person) == strip.sub("", already_there) == strip.sub("", pending_again)
    # The confirmed subscriber got no e-mail and stays subscribed; the waiting one got a fresh link.
    assert [message.to for message in mail.outbox] == [["new@example.org"], ["new@example.org"]]
    assert subscriber(sacramento_coalition, "already@example.org").status == Subscriber.Status.CONFIRMED
    assert confirm_link(mail.outbox[0]) != confirm_link(mail.outbox[1])
    assert client.get(path_of(confirm_link(mail.outbox[0]))).status_code == 404, "only the newest link works"


def test_an_old_confirmation_link_has_expired(client: Client, sacramento_coalition: Coalition) -> None:
    sign_up(client, sacramento_coalition, "late@example.org")
    Subscriber.objects.update(confirm_sent_at=timezone.now() - timedelta(days=8))
    link = path_of(confirm_link(mail.outbox[0]))
    assert client.post(link).status_code == 404
    assert subscriber(sacramento_coalition, "late@example.org").status == Subscriber.Status.PENDING


def test_one_click_unsubscribe_works_without_sign_in_or_csrf_token(sacramento_coalition: Coalition) -> None:
    person = a_subscriber(sacramento_coalition, "leaving@example.org", language="es")
    mail_client = Client(enforce_csrf_checks=True)
    url = f"/es/newsletter/unsubscribe/{person.unsubscribe_token}/"

    page = mail_client.get(url)
    assert page.status_code == 200
    person.refresh_from_db()
    assert person.status == Subscriber.Status.CONFIRMED, "opening the page changes nothing"

    response = mail_client.post(url, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded")
    assert response.status_code == 200
    person.refresh_from_db()
    assert person.status == Subscriber.Status.UNSUBSCRIBED
    assert person.unsubscribed_at is not None


def test_a_made_up_token_unsubscribes_nobody(client: Client, sacramento_coalition: Coalition) -> None:
    a_subscriber(sacramento_coalition, "stay@example.org")
    assert client.post("/en/newsletter/unsubscribe/guessed-token/").status_code == 404
    assert Subscriber.objects.get().status == Subscriber.Status.CONFIRMED


def test_an_unsubscribed_person_can_sign_up_again(client: Client, sacramento_coalition: Coalition) -> None:
    a_subscriber(sacramento_coalition, "back@example.org", status=Subscriber.Status.UNSUBSCRIBED)
    sign_up(client, sacramento_coalition, "back@example.org", language="ko")
    client.post(path_of(confirm_link(mail.outbox[0])))
    person = subscriber(sacramento_coalition, "back@example.org")
    assert person.status == Subscriber.Status.CONFIRMED
    assert person.language == "ko"
    assert Subscriber.objects.count() == 1


def test_a_subscriber_changes_the_language_through_the_link_in_an_email(
    client: Client, sacramento_coalition: Coalition
) -> None:
    person = a_subscriber(sacramento_coalition, "hoa@example.org", language="en")
    url = f"/en/newsletter/preferences/{person.unsubscribe_token}/"
    assert 'value="en" selected' in client.get(url).content.decode()

    bad = client.post(url, {"language": "xx"})
    assert bad.status_code == 422
    assert "Choose one of the languages listed." in bad.content.decode()

    response = client.post(url, {"language": "vi", "topics": ["events"]}, follow=True)
    assert "Your preferences were saved." in response.content.decode()
    person.refresh_from_db()
    assert (person.language, person.topics, person.status) == ("vi", ["events"], Subscriber.Status.CONFIRMED)
