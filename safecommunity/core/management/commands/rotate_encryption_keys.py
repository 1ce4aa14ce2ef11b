from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from safecommunity.core.services import encryption_keys_rotate


class Command(BaseCommand):
    help = (
        "Re-encrypt every encrypted value and attachment with the first (newest) key of FIELD_ENCRYPTION_KEYS. "
        "Run it after putting a new key first; then the old keys can be removed."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        result = encryption_keys_rotate()
        self.stdout.write(f"Re-encrypted {result.values} values and {result.files} files with the newest key.")
