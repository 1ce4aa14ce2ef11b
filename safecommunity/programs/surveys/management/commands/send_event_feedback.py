"""Meant for cron (every 15 minutes or hourly): ask the people who came to an event for their feedback, once."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from safecommunity.programs.surveys.services_feedback import feedback_invitations_send


class Command(BaseCommand):
    help = "E-mail a link to its feedback survey to everyone checked in at an event that ended over two hours ago."

    def handle(self, *args: Any, **options: Any) -> None:
        sent = feedback_invitations_send()
        self.stdout.write(f"Queued {sent} feedback invitation(s).")
