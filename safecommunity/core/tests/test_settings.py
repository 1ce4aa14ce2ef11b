"""An operator who mistypes a setting learns at start-up, with the variable named."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from config.env import env_bool, env_int, env_list, load_dev_secrets

ROOT = Path(__file__).resolve().parents[3]


def test_a_bad_boolean_names_the_variable() -> None:
    with pytest.raises(ImproperlyConfigured, match="EMAIL_USE_TLS"):
        env_bool("EMAIL_USE_TLS", False, environ={"EMAIL_USE_TLS": "maybe"})


def test_a_bad_number_names_the_variable() -> None:
    with pytest.raises(ImproperlyConfigured, match="EMAIL_PORT"):
        env_int("EMAIL_PORT", 25, environ={"EMAIL_PORT": "twenty-five"})


def test_lists_are_comma_separated() -> None:
    assert env_list("ALLOWED_HOSTS", [], environ={"ALLOWED_HOSTS": "a.org, b.org,"}) == ["a.org", "b.org"]


def test_development_secrets_are_generated_once_and_kept(tmp_path: Path) -> None:
    first = load_dev_secrets(tmp_path / "dev-secrets.env")
    again = load_dev_secrets(tmp_path / "dev-secrets.env")
    assert first == again
    assert first["SECRET_KEY"] and first["FIELD_ENCRYPTION_KEYS"]
    assert oct((tmp_path / "dev-secrets.env").stat().st_mode)[-3:] == "600"


def run_check(**env: str) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if k not in {"DJANGO_SETTINGS_MODULE", "DATABASE_URL"}}
    return subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.slow
def test_production_refuses_to_start_without_its_secrets(tmp_path: Path) -> None:
    result = run_check(SAFECOMMUNITY_ENV="production", SAFECOMMUNITY_VAR_DIR=str(tmp_path))
    assert result.returncode != 0
    assert "SECRET_KEY is required" in result.stderr


@pytest.mark.slow
def test_production_refuses_a_malformed_encryption_key(tmp_path: Path) -> None:
    result = run_check(
        SAFECOMMUNITY_ENV="production",
        SAFECOMMUNITY_VAR_DIR=str(tmp_path),
        SECRET_KEY="x" * 50,
        FIELD_ENCRYPTION_KEYS="not-a-key",
        ALLOWED_HOSTS="safe.example.org",
        DEBUG="false",
    )
    assert result.returncode != 0
    assert "FIELD_ENCRYPTION_KEYS" in result.stderr
