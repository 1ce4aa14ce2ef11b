"""The Django admin is for coalition administrators who passed the second factor, and nobody else."""

from __future__ import annotations

import pytest
from django.test import Client

from safecommunity.accounts.models import User
from safecommunity.accounts.tests.factories import a_totp_device, signed_in
from safecommunity.core.audit import audit_record
from safecommunity.core.models import AuditEvent
from safecommunity.core.roles import Role

pytestmark = pytest.mark.django_db


def test_a_coalition_admin_opens_the_admin_and_manages_people(coalition_admin, org_b) -> None:
    client = signed_in(coalition_admin)
    assert client.get("/admin/").status_code == 200
    assert client.get("/admin/accounts/user/").status_code == 200
    assert client.get("/admin/accounts/organisation/").status_code == 200
    assert client.get("/admin/accounts/coalition/").status_code == 200


def test_a_coalition_admin_must_pass_the_second_factor_first(coalition_admin) -> None:
    client = Client()
    client.force_login(coalition_admin)
    response = client.get("/admin/accounts/user/")
    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/two-factor/?next=")


@pytest.mark.parametrize("persona", ["intake_coordinator", "caseworker_a", "analyst", "volunteer"])
def test_every_other_role_is_told_their_role_does_not_give_access(persona, request) -> None:
    user = request.getfixturevalue(persona)
    user.is_staff = True  # even an old staff flag does not open the admin
    user.save()
    response = signed_in(user).get("/admin/")
    assert response.status_code == 403
    html = response.content.decode()
    assert "Your role does not give access to this page" in html
    assert user.get_role_display() in html


def test_the_role_page_is_translated(analyst) -> None:
    client = signed_in(analyst)
    client.cookies["sc_language"] = "es"
    response = client.get("/admin/", headers={"accept-language": "es"})
    assert response.status_code == 403
    assert 'lang="es"' in response.content.decode()


def test_a_stranger_is_sent_to_the_staff_sign_in(client: Client) -> None:
    response = client.get("/admin/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_giving_someone_the_administrator_role_lets_them_into_the_admin(coalition_admin, analyst) -> None:
    client = signed_in(coalition_admin)
    form = {
        "username": analyst.username, "first_name": "", "last_name": "", "email": analyst.email,
        "preferred_language": "", "role": Role.COALITION_ADMIN, "organisation": analyst.organisation_id,
        "is_active": "on", "last_login_0": "", "last_login_1": "",
        "date_joined_0": "2026-01-01", "date_joined_1": "10:00:00",
    }  # fmt: skip
    response = client.post(f"/admin/accounts/user/{analyst.pk}/change/", form)
    assert response.status_code == 302, response.content.decode()[:3000]
    analyst.refresh_from_db()
    assert (analyst.role, analyst.is_staff) == (Role.COALITION_ADMIN, True)
    change = AuditEvent.objects.get(action="accounts.user_change", target_id=str(analyst.pk))
    assert "role" in change.details["fields"]

    form["role"] = Role.ANALYST
    client.post(f"/admin/accounts/user/{analyst.pk}/change/", form)
    analyst.refresh_from_db()
    assert analyst.is_staff is False


def test_a_coalition_admin_cannot_make_anyone_a_superuser(coalition_admin, analyst) -> None:
    page = signed_in(coalition_admin).get(f"/admin/accounts/user/{analyst.pk}/change/").content.decode()
    assert 'name="is_superuser"' not in page
    assert 'name="is_staff"' not in page


def test_an_admin_removes_a_lost_authenticator(coalition_admin, caseworker_a) -> None:
    a_totp_device(caseworker_a)
    response = signed_in(coalition_admin).post(
        "/admin/accounts/user/", {"action": "remove_two_factor", "_selected_action": [caseworker_a.pk]}
    )
    assert response.status_code == 302
    assert not caseworker_a.totpdevice_set.exists()
    assert AuditEvent.objects.filter(action="accounts.two_factor_reset", target_id=str(caseworker_a.pk)).exists()


def test_the_audit_trail_can_be_read_but_not_changed_in_the_admin(coalition_admin) -> None:
    event = audit_record(actor=coalition_admin, action="report.view_personal_data", target_type="reports.report",
                         target_id="1")  # fmt: skip
    client = signed_in(coalition_admin)
    assert client.get("/admin/core/auditevent/").status_code == 200
    page = client.get(f"/admin/core/auditevent/{event.pk}/change/")
    assert page.status_code == 200
    assert 'name="action"' not in page.content.decode()
    assert client.get("/admin/core/auditevent/add/").status_code == 403
    assert client.post(f"/admin/core/auditevent/{event.pk}/change/", {"action": "nothing"}).status_code == 403
    assert client.post(f"/admin/core/auditevent/{event.pk}/delete/", {"post": "yes"}).status_code == 403
    bulk = client.post("/admin/core/auditevent/", {"action": "delete_selected", "_selected_action": [event.pk]})
    assert bulk.status_code in (200, 302)
    assert AuditEvent.objects.filter(pk=event.pk, action="report.view_personal_data").exists()


def test_second_factor_secrets_are_not_shown_in_the_admin(coalition_admin) -> None:
    client = signed_in(coalition_admin)
    assert client.get("/admin/otp_totp/totpdevice/").status_code == 404
    assert client.get("/admin/otp_static/staticdevice/").status_code == 404


def test_a_superuser_without_a_role_is_a_coalition_admin(db) -> None:
    boss = User.objects.create_superuser("root", password="x" * 20)
    assert signed_in(boss).get("/admin/").status_code == 200


def test_a_coalition_admin_adds_a_caseworker_with_a_role_and_an_organisation(coalition_admin, org_b) -> None:
    response = signed_in(coalition_admin).post(
        "/admin/accounts/user/add/",
        {
            "username": "kim.caseworker", "email": "kim@example.org", "role": Role.CASEWORKER,
            "organisation": org_b.pk, "usable_password": "true",
            "password1": "a long and unusual passphrase", "password2": "a long and unusual passphrase",
        },
    )  # fmt: skip
    assert response.status_code == 302, response.content.decode()[:3000]
    kim = User.objects.get(username="kim.caseworker")
    assert (kim.role, kim.organisation, kim.is_staff) == (Role.CASEWORKER, org_b, False)
    assert AuditEvent.objects.filter(action="accounts.user_create", target_id=str(kim.pk)).exists()
