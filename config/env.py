"""Typed readers for settings that come from environment variables.

Each reader fails fast with a message naming the variable, so a typo in a
deployment stops the process at start-up instead of surfacing later.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Mapping
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

TRUE_VALUES = {"1", "true", "yes", "on"}
FALSE_VALUES = {"0", "false", "no", "off", ""}


def env_str(name: str, default: str | None = None, *, environ: Mapping[str, str] = os.environ) -> str:
    value = environ.get(name)
    if value is None:
        if default is None:
            raise ImproperlyConfigured(f"The environment variable {name} is required.")
        return default
    return value


def env_bool(name: str, default: bool, *, environ: Mapping[str, str] = os.environ) -> bool:
    value = environ.get(name)
    if value is None:
        return default
    lowered = value.strip().lower()
    if lowered in TRUE_VALUES:
        return True
    if lowered in FALSE_VALUES:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}.")


def env_int(name: str, default: int, *, minimum: int = 0, environ: Mapping[str, str] = os.environ) -> int:
    value = environ.get(name)
    if value is None:
        return default
    try:
        number = int(value)
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}.") from exc
    if number < minimum:
        raise ImproperlyConfigured(f"{name} must be at least {minimum}, not {number}.")
    return number


def env_float(name: str, default: float, *, minimum: float = 0.0, environ: Mapping[str, str] = os.environ) -> float:
    value = environ.get(name)
    if value is None:
        return default
    try:
        number = float(value)
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} must be a number, not {value!r}.") from exc
    if number < minimum:
        raise ImproperlyConfigured(f"{name} must be at least {minimum}, not {number}.")
    return number


def env_list(name: str, default: list[str], *, environ: Mapping[str, str] = os.environ) -> list[str]:
    value = environ.get(name)
    if value is None:
        return list(default)
    return [item.strip() for item in value.split(",") if item.strip()]


def env_choice(name: str, default: str, choices: set[str], *, environ: Mapping[str, str] = os.environ) -> str:
    value = environ.get(name, default)
    if value not in choices:
        allowed = ", ".join(sorted(choices))
        raise ImproperlyConfigured(f"{name} must be one of {allowed}, not {value!r}.")
    return value


def load_dev_secrets(path: Path) -> dict[str, str]:
    """Read, or create on first use, the git-ignored file of development secrets.

    Only used outside production: a laptop gets working keys without any set-up,
    and they survive restarts so encrypted demo data stays readable.
    """
    from cryptography.fernet import Fernet

    values: dict[str, str] = {}
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            if "=" in line and not line.lstrip().startswith("#"):
                key, _, value = line.partition("=")
                values[key.strip()] = value.strip()
    wanted = {
        "SECRET_KEY": lambda: secrets.token_urlsafe(50),
        "FIELD_ENCRYPTION_KEYS": lambda: Fernet.generate_key().decode(),
    }
    missing = {name: make() for name, make in wanted.items() if not values.get(name)}
    if missing:
        values.update(missing)
        path.parent.mkdir(parents=True, exist_ok=True)
        body = "# Development secrets, generated on first run. Never commit this file.\n"
        body += "".join(f"{key}={value}\n" for key, value in values.items())
        path.write_text(body, encoding="utf-8")
        path.chmod(0o600)
    return values


def env_fernet_keys(name: str, default: list[str], *, environ: Mapping[str, str] = os.environ) -> list[str]:
    """Comma-separated Fernet keys, newest first; each one is checked now, not at first use."""
    from cryptography.fernet import Fernet

    keys = [key for key in env_list(name, default, environ=environ) if key]
    if not keys:
        raise ImproperlyConfigured(f"{name} must hold at least one key (newest first, comma-separated).")
    for position, key in enumerate(keys, start=1):
        try:
            Fernet(key.encode())
        except (ValueError, TypeError) as exc:
            raise ImproperlyConfigured(
                f"Key {position} of {name} is not a Fernet key (32 url-safe base64-encoded bytes)."
            ) from exc
    return keys
