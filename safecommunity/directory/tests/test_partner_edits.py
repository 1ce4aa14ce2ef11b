"""Stories: partners keep their own entries up to date; a coalition administrator reviews every change."""

from __future__ import annotations

from typing import Any

import pytest
from django.core import mail
from django.test import Client

from safecommunity.accounts.models import Organisation, User
from safecommunity.accounts.tests.factories import signed_in
from safecommunity.core.models import AuditEvent, Region
from safecommunity.directory.models import Service, ServiceChange, ServiceKind
from safecommunity.directory.tests.factories import a_service

pytestmark = pytest.mark.django_db


def proposal(**overrides: Any) -> dict[str, Any]:
    """What a partner sends from the proposal form."""
    data: dict[str, Any] = {
        "name": "Korean Counselling",
        "kind": ServiceKind.MENTAL_HEALTH,
        "languages": ["ko", "en"],
        "cost": Service.Cost.FREE,
        "hours": "Monday to Saturday, 9 to 7",
        "phone": "916 555 0142",
        "capacity": Service.Capacity.OPEN,
        "accepts_referrals": "on",
        "is_published": "on",
    }
    data.update(overrides)
    return data


def test_a_caseworker_proposes_new_hours_and_the_directory_keeps_the_old_ones_until_review(
    caseworker_b: User, org_b: Organisation, client: Client
) -> None:
    service = a_service(org_b, name="Korean Counselling", languages=["ko"], hours="Monday to Friday, 9 to 5")
    browser = signed_in(caseworker_b)

    listing = browser.get("/en/staff/services/")
    assert listing.status_code == 200
    assert "Korean Counselling" in listing.content.decode()
    form = browser.get(f"/en/staff/services/{service.pk}/change/")
    assert "Monday to Friday, 9 to 5" in form.content.decode()  # the form starts from the current entry

    response = browser.post(f"/en/staff/services/{service.pk}/change/", proposal(reason="Open on Saturdays now."))

    assert response.status_code == 302
    change = ServiceChange.objects.get()
    assert (change.organisation, change.service, change.state) == (org_b, service, ServiceChange.State.PENDING)
    service.refresh_from_db()
    assert service.hours == "Monday to Friday, 9 to 5"
    assert "Monday to Friday, 9 to 5" in client.get("/en/find-help/").content.decode()


def test_org_b_staff_cannot_propose_a_change_to_an_org_a_service(
    caseworker_b: User, org_a: Organisation, org_b: Organisation
) -> None:
    theirs = a_service(org_a, name="Hmong interpreters", kind=ServiceKind.INTERPRETATION)
    browser = signed_in(caseworker_b)

    assert browser.get(f"/en/staff/services/{theirs.pk}/change/").status_code == 404
    assert browser.post(f"/en/staff/services/{theirs.pk}/change/", proposal()).status_code == 404
    assert "Hmong interpreters" not in browser.get("/en/staff/services/").content.decode()
    assert ServiceChange.objects.count() == 0


def test_a_proposal_with_mistakes_comes_back_with_messages_and_everything_typed(
    caseworker_b: User, org_b: Organisation
) -> None:
    browser = signed_in(caseworker_b)

    response = browser.post(
        "/en/staff/services/new/", proposal(name="", email="not an address", hours="Tuesdays", languages=[])
    )

    assert response.status_code == 422
    html = response.content.decode()
    assert "Please answer this question." in html
    assert "Please enter an email address like name@example.org." in html
    assert "Please choose at least one language." in html
    assert 'value="Tuesdays"' in html
    assert ServiceChange.objects.count() == 0


def test_an_admin_approves_a_new_service_it_is_published_audited_and_the_partner_is_told(
    caseworker_b: User,
    coalition_admin: User,
    org_b: Organisation,
    sacramento: Region,
    client: Client,
    django_capture_on_commit_callbacks: Any,
) -> None:
    signed_in(caseworker_b).post("/en/staff/services/new/", proposal(regions=["sacramento"]))
    change = ServiceChange.objects.get()
    assert "Korean Counselling" not in client.get("/en/find-help/").content.decode()
    admin = signed_in(coalition_admin)

    review = admin.get(f"/en/staff/service-changes/{change.pk}/")
    assert review.status_code == 200
    assert "Monday to Saturday, 9 to 7" in review.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = admin.post(f"/en/staff/service-changes/{change.pk}/", {"decision": "approve"})

    assert response.status_code == 302
    service = Service.objects.get()
    assert (service.organisation, service.hours, list(service.regions.all())) == (
        org_b,
        "Monday to Saturday, 9 to 7",
        [sacramento],
    )
    assert "Korean Counselling" in client.get("/en/find-help/", {"region": "sacramento"}).content.decode()
    assert AuditEvent.objects.filter(action="directory.change.approve", target_id=str(change.pk)).exists()
    [email] = mail.outbox
    assert email.to == [org_b.email]
    assert "was approved" in email.subject


def test_the_review_page_shows_what_changes_and_a_rejection_needs_a_note(
    caseworker_b: User, coalition_admin: User, org_b: Organisation, django_capture_on_commit_callbacks: Any
) -> None:
    service = a_service(org_b, name="Korean Counselling", languages=["ko"], hours="Monday to Friday, 9 to 5")
    signed_in(caseworker_b).post(f"/en/staff/services/{service.pk}/change/", proposal())
    change = ServiceChange.objects.get()
    admin = signed_in(coalition_admin)

    html = admin.get(f"/en/staff/service-changes/{change.pk}/").content.decode()
    assert "<del>Monday to Friday, 9 to 5</del>" in html
    assert "<ins>Monday to Saturday, 9 to 7</ins>" in html

    without_note = admin.post(f"/en/staff/service-changes/{change.pk}/", {"decision": "reject"})
    assert without_note.status_code == 422
    assert "Please tell the partner why the change was not approved." in without_note.content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        admin.post(
            f"/en/staff/service-changes/{change.pk}/", {"decision": "reject", "note": "Saturdays are not staffed."}
        )

    change.refresh_from_db()
    service.refresh_from_db()
    assert change.state == ServiceChange.State.REJECTED
    assert service.hours == "Monday to Friday, 9 to 5"
    assert "Saturdays are not staffed." in mail.outbox[0].body
    assert "Saturdays are not staffed." in signed_in(caseworker_b).get("/en/staff/services/").content.decode()


def test_only_a_coalition_admin_reviews_changes(caseworker_b: User, org_b: Organisation) -> None:
    service = a_service(org_b)
    signed_in(caseworker_b).post(f"/en/staff/services/{service.pk}/change/", proposal())
    change = ServiceChange.objects.get()

    assert signed_in(caseworker_b).get("/en/staff/service-changes/").status_code == 403
    assert (
        signed_in(caseworker_b).post(f"/en/staff/service-changes/{change.pk}/", {"decision": "approve"}).status_code
        == 403
    )
    assert Service.objects.get().hours == service.hours


def test_a_change_decided_already_is_not_applied_twice(
    caseworker_b: User, coalition_admin: User, org_b: Organisation
) -> None:
    service = a_service(org_b)
    signed_in(caseworker_b).post(f"/en/staff/services/{service.pk}/change/", proposal())
    change = ServiceChange.objects.get()
    admin = signed_in(coalition_admin)
    admin.post(f"/en/staff/service-changes/{change.pk}/", {"decision": "reject", "note": "No."})

    response = admin.post(f"/en/staff/service-changes/{change.pk}/", {"decision": "approve"}, follow=True)

    assert "Someone else decided on this change in the meantime" in response.content.decode()
    assert Service.objects.get().hours == service.hours
