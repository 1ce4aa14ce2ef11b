"""An operator creates the first coalition administrator from the command line."""

from __future__ import annotations

import io

import pytest
from django.core.management import CommandError, call_command

from safecommunity.accounts.management.commands import create_admin
from safecommunity.accounts.models import Coalition, Organisation, User
from safecommunity.accounts.tests.factories import a_coalition
from safecommunity.core.roles import Role

pytestmark = pytest.mark.django_db

GOOD_PASSWORD = "lanterns over the delta 1987"


def run(*args: str) -> str:
    out = io.StringIO()
    call_command("create_admin", *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def test_create_admin_makes_the_coalition_the_organisation_and_the_administrator(monkeypatch) -> None:
    monkeypatch.setenv("SAFECOMMUNITY_ADMIN_PASSWORD", GOOD_PASSWORD)
    output = run(
        "--username", "lee.admin", "--email", "lee@example.org",
        "--organisation-name", "Asian Resources", "--coalition-name", "Sacramento Stands Together",
    )  # fmt: skip
    assert "Created the coalition administrator lee.admin" in output
    user = User.objects.get(username="lee.admin")
    assert (user.role, user.is_staff, user.is_superuser) == (Role.COALITION_ADMIN, True, False)
    assert user.check_password(GOOD_PASSWORD)
    assert user.organisation is not None
    assert user.organisation.name == "Asian Resources"
    assert user.organisation.coalition.name == "Sacramento Stands Together"


def test_create_admin_joins_a_coalition_and_organisation_that_exist(monkeypatch) -> None:
    monkeypatch.setenv("SAFECOMMUNITY_ADMIN_PASSWORD", GOOD_PASSWORD)
    coalition = a_coalition()
    run("--username", "a.admin", "--email", "a@example.org", "--coalition-name", coalition.name)
    run("--username", "b.admin", "--email", "b@example.org", "--coalition-name", coalition.name)
    assert Coalition.objects.count() == 1
    assert Organisation.objects.count() == 1
    assert {user.organisation for user in User.objects.all()} == {Organisation.objects.get()}


def test_create_admin_rejects_a_weak_password(monkeypatch) -> None:
    monkeypatch.setenv("SAFECOMMUNITY_ADMIN_PASSWORD", "password1")
    with pytest.raises(CommandError, match="too weak"):
        run("--username", "lee.admin", "--email", "lee@example.org")
    assert not User.objects.exists()
    assert not Coalition.objects.exists()


def test_create_admin_without_a_terminal_needs_the_password_variable(monkeypatch) -> None:
    monkeypatch.delenv("SAFECOMMUNITY_ADMIN_PASSWORD", raising=False)
    with pytest.raises(CommandError, match="SAFECOMMUNITY_ADMIN_PASSWORD"):
        run("--username", "lee.admin", "--email", "lee@example.org")


def test_create_admin_asks_the_password_twice_in_a_terminal(monkeypatch) -> None:
    monkeypatch.setattr(create_admin, "stdin_is_interactive", lambda: True)
    answers = iter(["a first try", "does not match", "short", "short", GOOD_PASSWORD, GOOD_PASSWORD])
    monkeypatch.setattr(create_admin.getpass, "getpass", lambda prompt: next(answers))
    run("--username", "lee.admin", "--email", "lee@example.org")
    assert User.objects.get(username="lee.admin").check_password(GOOD_PASSWORD)


def test_create_admin_refuses_a_taken_username_or_a_bad_email(monkeypatch, coalition_admin) -> None:
    monkeypatch.setenv("SAFECOMMUNITY_ADMIN_PASSWORD", GOOD_PASSWORD)
    with pytest.raises(CommandError, match="already exists"):
        run("--username", coalition_admin.username, "--email", "x@example.org")
    with pytest.raises(CommandError, match="not a valid email address"):
        run("--username", "new.admin", "--email", "not-an-address")


def test_the_new_administrator_sets_up_a_second_factor_at_the_first_sign_in(monkeypatch, client) -> None:
    monkeypatch.setenv("SAFECOMMUNITY_ADMIN_PASSWORD", GOOD_PASSWORD)
    run("--username", "lee.admin", "--email", "lee@example.org")
    response = client.post(
        "/en/accounts/sign-in/", {"username": "lee.admin", "password": GOOD_PASSWORD, "next": "/admin/"}
    )
    assert response["Location"] == "/en/accounts/two-factor/?next=%2Fadmin%2F"
    assert "Set up two-step sign-in" in client.get(response["Location"]).content.decode()
