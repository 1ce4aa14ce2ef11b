from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from safecommunity.cases.tasks import case_digests_send_all


class Command(BaseCommand):
    help = "Email each member of staff the overdue items of their cases (run once a day from cron or a systemd timer)."

    def handle(self, *args: Any, **options: Any) -> None:
        sent = case_digests_send_all()
        self.stdout.write(f"Sent {sent} case digest(s).")
