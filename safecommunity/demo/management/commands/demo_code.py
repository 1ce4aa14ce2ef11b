from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from safecommunity.demo.management.commands.demo_login import refuse_in_production


class Command(BaseCommand):
    help = "Print the current six-digit sign-in code of a demo staff account (development only)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username", help="A demo account, e.g. demo-admin or demo-caseworker.")

    def handle(self, *args: Any, **options: Any) -> None:
        refuse_in_production("demo_code")
        device = TOTPDevice.objects.filter(
            user__username=options["username"], name="demo authenticator", confirmed=True
        ).first()
        if device is None:
            raise CommandError(f"{options['username']} is not a demo account with a demo authenticator.")
        totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
        self.stdout.write(f"{totp.token():0{device.digits}d}")
