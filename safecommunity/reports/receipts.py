"""Receipt codes: what a reporter keeps to come back to their report.

16 characters of Crockford base32 carry 80 bits from the system's CSPRNG. Only
an HMAC of the code (keyed with a secret derived from SECRET_KEY) is stored, so
a database dump alone cannot be used to look reports up.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

from django.conf import settings

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
CODE_LENGTH = 16
GROUP = 4
# Crockford base32 reads easily-confused letters as the digits they look like.
_READ_AS = str.maketrans({"O": "0", "I": "1", "L": "1", "U": "V"})


def new_receipt_code() -> str:
    raw = "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))
    return "-".join(raw[i : i + GROUP] for i in range(0, CODE_LENGTH, GROUP))


def normalise_receipt_code(entered: str) -> str | None:
    """The canonical form of what a person typed, or None if it cannot be a code."""
    cleaned = "".join(ch for ch in entered.upper() if ch.isalnum()).translate(_READ_AS)
    if len(cleaned) != CODE_LENGTH or any(ch not in ALPHABET for ch in cleaned):
        return None
    return "-".join(cleaned[i : i + GROUP] for i in range(0, CODE_LENGTH, GROUP))


def receipt_hash(code: str) -> str:
    key = hashlib.sha256(("receipt-code:" + settings.SECRET_KEY).encode()).digest()
    return hmac.new(key, code.encode(), hashlib.sha256).hexdigest()
