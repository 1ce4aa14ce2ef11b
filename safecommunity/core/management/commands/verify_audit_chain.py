from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from safecommunity.core.audit import audit_chain_verify


class Command(BaseCommand):
    help = "Check that no entry of the audit trail was changed or removed (exit status 1 if one was)."

    def handle(self, *args: Any, **options: Any) -> None:
        check = audit_chain_verify()
        if not check.intact:
            raise CommandError(
                f"The audit trail is broken at entry {check.first_broken_id} "
                f"(entry {check.entries} in order): {check.reason}."
            )
        self.stdout.write(f"The audit trail is intact: {check.entries} entries verified.")
