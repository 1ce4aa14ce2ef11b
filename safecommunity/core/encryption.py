"""Encryption at rest for personal data (contact details, descriptions, addresses,
attachments), with keys from ``FIELD_ENCRYPTION_KEYS`` (newest first).

Values are Fernet tokens (AES-128-CBC with HMAC-SHA256). Decryption tries every
configured key, so old rows stay readable while ``rotate_encryption_keys``
re-encrypts them with the newest key.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import Any

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import models

TOKEN_PREFIX = "fernet:"


@cache
def _fernet_for(keys: tuple[str, ...]) -> MultiFernet:
    try:
        return MultiFernet([Fernet(key.encode()) for key in keys])
    except (ValueError, TypeError) as exc:
        raise ImproperlyConfigured(
            "Each FIELD_ENCRYPTION_KEYS entry must be a Fernet key (32 url-safe base64-encoded bytes)."
        ) from exc


def fernet() -> MultiFernet:
    return _fernet_for(tuple(settings.FIELD_ENCRYPTION_KEYS))


def encrypt_bytes(data: bytes) -> bytes:
    return fernet().encrypt(data)


def decrypt_bytes(token: bytes) -> bytes:
    return fernet().decrypt(token)


def rotate_bytes(token: bytes) -> bytes:
    """Re-encrypt a token with the newest key (a no-op in meaning, new bytes on disk)."""
    return fernet().rotate(token)


def encrypt_text(value: str) -> str:
    return TOKEN_PREFIX + encrypt_bytes(value.encode("utf-8")).decode("ascii")


def decrypt_text(stored: str) -> str:
    if not stored.startswith(TOKEN_PREFIX):
        raise InvalidToken("The stored value is not an encrypted token.")
    return decrypt_bytes(stored[len(TOKEN_PREFIX) :].encode("ascii")).decode("utf-8")


class EncryptedTextField(models.TextField):
    """A text column whose content is only ever stored encrypted.

    An empty value is stored as an empty string so that "not given" needs no
    decryption; everything else is a Fernet token. Encrypted columns cannot be
    searched or ordered in the database, which is the point.
    """

    description = "Text encrypted at rest"

    def from_db_value(self, value: Any, expression: Any, connection: Any) -> str:
        if not value:
            return ""
        return decrypt_text(value)

    def to_python(self, value: Any) -> str:
        if value is None:
            return ""
        return str(value)

    def get_prep_value(self, value: Any) -> str:
        value = super().get_prep_value(value)
        if not value:
            return ""
        return encrypt_text(str(value))

    def get_db_prep_save(self, value: Any, connection: Any) -> Any:
        # bulk_update() and .update() pass SQL expressions (CASE WHEN …); encrypting their text would store garbage.
        if hasattr(value, "as_sql"):
            return value
        return self.get_prep_value(value)

    def get_internal_type(self) -> str:
        return "TextField"


def encrypted_fields(model: type[models.Model]) -> list[str]:
    return [field.attname for field in model._meta.concrete_fields if isinstance(field, EncryptedTextField)]


def rotate_text(stored: str) -> str:
    if not stored:
        return stored
    if not stored.startswith(TOKEN_PREFIX):
        raise InvalidToken("The stored value is not an encrypted token.")
    return TOKEN_PREFIX + rotate_bytes(stored[len(TOKEN_PREFIX) :].encode("ascii")).decode("ascii")


# Apps that keep encrypted files register a function here that re-encrypts them all
# with the newest key and returns how many it rewrote (core knows no app's models).
FILE_ROTATORS: list[Callable[[], int]] = []


def register_file_rotator(rotator: Callable[[], int]) -> None:
    if rotator not in FILE_ROTATORS:
        FILE_ROTATORS.append(rotator)


def lookup_hash(value: str) -> str:
    """A keyed hash of an e-mail address (or another identifier) kept beside its encrypted copy, so that a record can
    be found by it (one registration per person, a volunteer's training) without storing it in the clear.
    Lower-cased and stripped first; changes with ``SECRET_KEY``."""
    from django.utils.crypto import salted_hmac

    normalised = value.strip().lower()
    if not normalised:
        return ""
    return salted_hmac("safecommunity.lookup_hash", normalised, algorithm="sha256").hexdigest()
