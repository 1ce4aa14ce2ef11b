"""Linh writes a newsletter issue in English and Vietnamese, previews it and sends it: every confirmed subscriber of
Greater Sacramento gets it once, in their language, with a one-click unsubscribe."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.core import mail
from django.test import Client

from safecommunity.accounts.models import User
from safecommunity.accounts.tests.factories import greater_sacramento, signed_in
from safecommunity.programs.outreach.models import NewsletterIssue, Subscriber
from safecommunity.programs.outreach.tasks import send_newsletter_issue
from safecommunity.programs.outreach.tests.factories import a_subscriber, an_issue

pytestmark = pytest.mark.django_db

SUBJECT = {"en": "Our spring workshops", "vi": "Hội thảo mùa xuân"}
BODY = {"en": "Join us at the community centre.", "vi": "Mời bạn đến trung tâm cộng đồng."}


def multilingual(name: str, texts: dict[str, str]) -> dict[str, str]:
    from safecommunity.core.multilingual import site_languages

    return {f"{name}_{index}": texts.get(code, "") for index, code in enumerate(site_languages())}


def test_linh_composes_previews_and_sends_an_issue_in_each_subscribers_language(
    client: Client, organiser_a: User, organiser_bay: User
) -> None:
    sacramento = greater_sacramento()
    sacramento.default_language = "vi"
    sacramento.save()
    a_subscriber(sacramento, "lan@example.org", language="vi")
    a_subscriber(sacramento, "ann@example.org", language="en")
    a_subscriber(sacramento, "min@example.org", language="ko")  # no Korean text: the coalition's default language
    a_subscriber(sacramento, "waiting@example.org", language="en", status=Subscriber.Status.PENDING)
    a_subscriber(sacramento, "gone@example.org", language="en", status=Subscriber.Status.UNSUBSCRIBED)
    a_subscriber(organiser_bay.organisation.coalition, "bay@example.org", language="en")  # type: ignore[union-attr]
    linh = signed_in(organiser_a, client)

    response = linh.post(
        "/en/staff/programmes/newsletter/new/", multilingual("subject", SUBJECT) | multilingual("body", BODY)
    )
    issue = NewsletterIssue.objects.get()
    assert response.status_code == 302
    assert issue.coalition == sacramento
    preview = linh.get(f"/en/staff/programmes/newsletter/{issue.pk}/?language=vi").content.decode()
    assert "Mời bạn đến trung tâm cộng đồng." in preview

    linh.post(f"/en/staff/programmes/newsletter/{issue.pk}/send/")

    by_address = {message.to[0]: message for message in mail.outbox}
    assert sorted(by_address) == ["ann@example.org", "lan@example.org", "min@example.org"]
    vietnamese = by_address["lan@example.org"]
    assert vietnamese.subject == SUBJECT["vi"]
    assert BODY["vi"] in vietnamese.body
    lan = Subscriber.objects.get(language="vi")
    unsubscribe = f"<{settings.SITE_URL}/vi/newsletter/unsubscribe/{lan.unsubscribe_token}/>"
    assert vietnamese.extra_headers["List-Unsubscribe"] == unsubscribe
    assert vietnamese.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert f"/vi/newsletter/preferences/{lan.unsubscribe_token}/" in vietnamese.body
    assert by_address["ann@example.org"].subject == SUBJECT["en"]
    assert by_address["min@example.org"].subject == SUBJECT["vi"], "Korean falls back to the coalition's language"
    issue.refresh_from_db()
    assert (issue.status, issue.sent_count) == (NewsletterIssue.Status.SENT, 3)
    assert issue.sent_at is not None

    # A second click, or the task run again after a retry, sends nobody a second copy.
    linh.post(f"/en/staff/programmes/newsletter/{issue.pk}/send/")
    send_newsletter_issue.call(issue_id=issue.pk)
    assert len(mail.outbox) == 3
    page = linh.get(f"/en/staff/programmes/newsletter/{issue.pk}/").content.decode()
    assert "Sent to 3 subscribers." in page


def test_a_retry_after_a_crash_sends_only_to_those_not_reached(organiser_a: User) -> None:
    sacramento = greater_sacramento()
    first = a_subscriber(sacramento, "first@example.org")
    issue = an_issue(sacramento, subject={"en": "News"}, body={"en": "Hello."})
    issue.status = NewsletterIssue.Status.SENDING
    issue.save()
    issue.deliveries.create(subscriber=first, language="en")  # reached before the crash
    a_subscriber(sacramento, "second@example.org")

    send_newsletter_issue.call(issue_id=issue.pk)

    assert [message.to for message in mail.outbox] == [["second@example.org"]]
    issue.refresh_from_db()
    assert issue.sent_count == 2


def test_a_subject_is_required_and_what_was_written_is_kept(client: Client, organiser_a: User) -> None:
    linh = signed_in(organiser_a, client)
    response = linh.post(
        "/en/staff/programmes/newsletter/new/", multilingual("subject", {}) | multilingual("body", BODY)
    )
    assert response.status_code == 422
    assert "Write this in at least one language." in response.content.decode()
    assert BODY["vi"] in response.content.decode()
    assert not NewsletterIssue.objects.exists()


def test_a_sent_issue_can_no_longer_be_changed(client: Client, organiser_a: User) -> None:
    issue = an_issue(greater_sacramento(), subject={"en": "Sent"}, body={"en": "Already out."})
    issue.status = NewsletterIssue.Status.SENT
    issue.save()
    linh = signed_in(organiser_a, client)
    linh.post(
        f"/en/staff/programmes/newsletter/{issue.pk}/edit/",
        multilingual("subject", {"en": "Changed"}) | multilingual("body", BODY),
    )
    issue.refresh_from_db()
    assert issue.subject == {"en": "Sent"}


def test_omar_in_the_bay_area_cannot_see_or_send_greater_sacramentos_issue(
    client: Client, organiser_a: User, organiser_bay: User
) -> None:
    issue = an_issue(greater_sacramento(), subject={"en": "Ours"}, body={"en": "Private draft."})
    a_subscriber(greater_sacramento(), "lan@example.org")
    omar = signed_in(organiser_bay, client)
    assert omar.get(f"/en/staff/programmes/newsletter/{issue.pk}/").status_code == 404
    assert omar.post(f"/en/staff/programmes/newsletter/{issue.pk}/send/").status_code == 404
    assert omar.get(f"/en/staff/programmes/newsletter/{issue.pk}/edit/").status_code == 404
    assert "Ours" not in omar.get("/en/staff/programmes/newsletter/").content.decode()
    assert not mail.outbox


def test_the_public_and_other_roles_stay_out_of_the_newsletter_desk(
    client: Client, volunteer: User, analyst: User
) -> None:
    assert client.get("/en/staff/programmes/newsletter/").status_code == 302
    assert signed_in(volunteer).get("/en/staff/programmes/newsletter/").status_code == 403
    assert signed_in(analyst).get("/en/staff/programmes/newsletter/new/").status_code == 403


def test_an_issue_about_volunteering_goes_to_those_who_chose_it_and_to_those_who_chose_nothing(
    client: Client, organiser_a: User
) -> None:
    sacramento = greater_sacramento()
    for email, topics in [
        ("walker@example.org", ["volunteering"]),
        ("all@example.org", []),
        ("events@example.org", ["events"]),
    ]:
        subscriber = a_subscriber(sacramento, email)
        subscriber.topics = topics
        subscriber.save()
    linh = signed_in(organiser_a, client)

    linh.post(
        "/en/staff/programmes/newsletter/new/",
        {"topic": "volunteering"} | multilingual("subject", SUBJECT) | multilingual("body", BODY),
    )
    issue = NewsletterIssue.objects.get()
    linh.post(f"/en/staff/programmes/newsletter/{issue.pk}/send/")

    assert issue.topic == "volunteering"
    assert sorted(message.to[0] for message in mail.outbox) == ["all@example.org", "walker@example.org"]


def test_an_unknown_topic_is_refused_and_the_text_is_kept(client: Client, organiser_a: User) -> None:
    greater_sacramento()
    response = signed_in(organiser_a, client).post(
        "/en/staff/programmes/newsletter/new/",
        {"topic": "gardening"} | multilingual("subject", SUBJECT) | multilingual("body", BODY),
    )

    assert response.status_code == 422
    assert "Choose one of the topics listed." in response.content.decode()
    assert "Our spring workshops" in response.content.decode()
    assert not NewsletterIssue.objects.exists()
