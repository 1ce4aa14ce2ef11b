"""Create the first coalition administrator (and their coalition and organisation)."""

from __future__ import annotations

import getpass
import os
import sys
from typing import Any

from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.core.validators import validate_email

from safecommunity.accounts.models import User
from safecommunity.accounts.services import coalition_admin_create

PASSWORD_VARIABLE = "SAFECOMMUNITY_ADMIN_PASSWORD"
ATTEMPTS = 3


def stdin_is_interactive() -> bool:
    return sys.stdin is not None and sys.stdin.isatty()


class Command(BaseCommand):
    help = (
        "Create a coalition administrator. The password is asked twice, or read from the environment variable "
        f"{PASSWORD_VARIABLE} when the command is not run in a terminal (or with --no-input)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--username", required=True)
        parser.add_argument("--email", required=True)
        parser.add_argument("--organisation-name", help="Default: the coalition's name.")
        parser.add_argument("--coalition-name", help="Default: the COALITION_NAME setting.")
        parser.add_argument(
            "--no-input", action="store_false", dest="interactive", help=f"Read the password from {PASSWORD_VARIABLE}."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        username = options["username"].strip()
        email = options["email"].strip()
        coalition_name = (options["coalition_name"] or settings.COALITION_NAME).strip()
        organisation_name = (options["organisation_name"] or coalition_name).strip()
        if not username:
            raise CommandError("The username must not be empty.")
        if User.objects.filter(username=username).exists():
            raise CommandError(f"A user named {username!r} already exists; choose another --username.")
        try:
            validate_email(email)
        except ValidationError as error:
            raise CommandError(f"{email!r} is not a valid email address.") from error
        if not coalition_name or not organisation_name:
            raise CommandError("The coalition and organisation names must not be empty.")

        candidate = User(username=username, email=email)
        if options["interactive"] and stdin_is_interactive():
            password = self._ask_password(candidate)
        else:
            password = os.environ.get(PASSWORD_VARIABLE, "")
            if not password:
                raise CommandError(
                    f"No terminal to ask the password in: set the environment variable {PASSWORD_VARIABLE}."
                )
            problems = self._password_problems(password, candidate)
            if problems:
                raise CommandError(f"The password in {PASSWORD_VARIABLE} is too weak: {' '.join(problems)}")

        user = coalition_admin_create(
            username=username,
            email=email,
            password=password,
            organisation_name=organisation_name,
            coalition_name=coalition_name,
        )
        assert user.organisation is not None
        self.stdout.write(
            f"Created the coalition administrator {user.username} in {user.organisation.name} "
            f"({user.organisation.coalition.name}). At the first sign-in they set up an authenticator app."
        )

    def _password_problems(self, password: str, user: User) -> list[str]:
        try:
            validate_password(password, user)
        except ValidationError as error:
            return [str(message) for message in error.messages]
        return []

    def _ask_password(self, user: User) -> str:
        for _ in range(ATTEMPTS):
            password = getpass.getpass("Password: ")
            if password != getpass.getpass("Password (again): "):
                self.stderr.write("The two passwords differ; please try again.")
                continue
            problems = self._password_problems(password, user)
            if problems:
                self.stderr.write(f"This password is too weak: {' '.join(problems)}")
                continue
            return password
        raise CommandError("No acceptable password was given; nothing was created.")
