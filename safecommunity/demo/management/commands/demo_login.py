from __future__ import annotations

import secrets
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.core.management.base import BaseCommand, CommandError

DEMO_ADMIN_USERNAME = "demo-admin"
PASSWORD_KEY = "DEMO_ADMIN_PASSWORD"
# Easy to read aloud and type: no 0/o, 1/l/i.
_PASSWORD_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"


def dev_secrets_path() -> Path:
    return Path(settings.VAR_DIR) / "dev-secrets.env"


def refuse_in_production(command: str) -> None:
    if settings.PRODUCTION:
        raise CommandError(f"{command} creates demo accounts and data; it refuses to run in production.")


def _new_password() -> str:
    groups = ("".join(secrets.choice(_PASSWORD_ALPHABET) for _ in range(5)) for _ in range(4))
    return "-".join(groups)


def demo_admin_password() -> str:
    """The demo admin's password from the git-ignored dev secrets file, generated into it on first use."""
    path = dev_secrets_path()
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    for line in text.splitlines():
        key, sep, value = line.partition("=")
        if sep and key.strip() == PASSWORD_KEY and value.strip() and not line.lstrip().startswith("#"):
            return value.strip()
    password = _new_password()
    if not text:
        text = "# Development secrets, generated on first run. Never commit this file.\n"
    elif not text.endswith("\n"):
        text += "\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"{text}{PASSWORD_KEY}={password}\n", encoding="utf-8")
    path.chmod(0o600)
    return password


def ensure_demo_admin() -> tuple[AbstractBaseUser, str]:
    """Create the demo superuser, or put it back as the dev secrets file says (active, superuser, that password)."""
    refuse_in_production("demo_login")
    password = demo_admin_password()
    User = get_user_model()
    user = User.objects.filter(username=DEMO_ADMIN_USERNAME).first()
    if user is None:
        user = User.objects.create_superuser(DEMO_ADMIN_USERNAME, email="demo-admin@example.com", password=password)
        return user, password
    changed = False
    for flag in ("is_active", "is_staff", "is_superuser"):
        if not getattr(user, flag):
            setattr(user, flag, True)
            changed = True
    if not user.check_password(password):
        user.set_password(password)
        changed = True
    if changed:
        user.save()
    return user, password


class Command(BaseCommand):
    help = "Make sure the development superuser demo-admin exists and print how to sign in (never in production)."

    def handle(self, *args: Any, **options: Any) -> None:
        _user, password = ensure_demo_admin()
        from safecommunity.demo.partners import NETWORK_STAFF, STAFF

        others = ", ".join(username for username, *_rest in [*STAFF, *NETWORK_STAFF])
        self.stdout.write(
            f"Demo admin: http://127.0.0.1:8000/admin/  user: {DEMO_ADMIN_USERNAME}  password: {password}\n"
            f"Other demo staff, same password, at http://127.0.0.1:8000/en/accounts/sign-in/: {others}\n"
            "Second factor for any demo account: .venv/bin/python manage.py demo_code USERNAME"
        )
