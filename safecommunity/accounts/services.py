"""Writes about staff accounts: sign-in events, the second factor, the first administrator.

Every sign-in event goes to the audit trail (the middleware adds the client's
address). Passwords and codes never do.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from django.utils.text import slugify
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from safecommunity.accounts.models import Coalition, Organisation, User
from safecommunity.core.audit import audit_record
from safecommunity.core.roles import Role

RECOVERY_CODE_COUNT = 10
USER_TYPE = "accounts.user"
TOTP_NAME = "authenticator"
RECOVERY_NAME = "recovery codes"


def _audit_user(*, actor: object, action: str, user: User | None, details: dict[str, object] | None = None) -> None:
    audit_record(
        actor=actor, action=action, target_type=USER_TYPE, target_id=str(user.pk) if user else "", details=details
    )


def sign_in_record(*, user: User) -> None:
    _audit_user(actor=user, action="accounts.sign_in", user=user)


def sign_in_failure_record(*, username: str, reasons: list[str]) -> None:
    """A wrong password (or an inactive account): the name typed is kept, never the password."""
    username = username.strip()[:150]
    user = User.objects.filter(username=username).first() if username else None
    _audit_user(
        actor=None, action="accounts.sign_in_failed", user=user, details={"username": username, "reasons": reasons}
    )


def sign_out_record(*, user: User) -> None:
    _audit_user(actor=user, action="accounts.sign_out", user=user)


def totp_device_prepare(*, user: User) -> TOTPDevice:
    """The authenticator being set up: the same secret until it is confirmed, so a reload keeps the QR code."""
    with transaction.atomic():
        device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
        if device is None:
            device = TOTPDevice.objects.create(user=user, name=TOTP_NAME, confirmed=False)
    return device


def _new_recovery_codes(user: User) -> list[str]:
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name=RECOVERY_NAME, confirmed=True)
    codes: list[str] = []
    while len(codes) < RECOVERY_CODE_COUNT:
        code = StaticToken.random_token()
        if not code.isdigit() and code not in codes:  # digits alone are read as an authenticator code
            codes.append(code)
    StaticToken.objects.bulk_create([StaticToken(device=device, token=code) for code in codes])
    return codes


@dataclass(frozen=True)
class SetUpResult:
    device: TOTPDevice | None
    recovery_codes: list[str]
    throttled: bool = False


def totp_device_confirm(*, user: User, device: TOTPDevice, code: str) -> SetUpResult:
    """Confirm the authenticator with a code it shows; on success the person gets fresh recovery codes."""
    code = _clean(code)
    with transaction.atomic():
        device = TOTPDevice.objects.select_for_update().get(pk=device.pk, user=user, confirmed=False)
        allowed, _ = device.verify_is_allowed()
        if not allowed:
            return SetUpResult(None, [], throttled=True)
        if not (code.isdigit() and device.verify_token(code)):
            _audit_user(actor=user, action="accounts.two_factor_failed", user=user, details={"step": "set_up"})
            return SetUpResult(None, [])
        TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        codes = _new_recovery_codes(user)
        _audit_user(actor=user, action="accounts.two_factor_set_up", user=user)
    return SetUpResult(device, codes)


def recovery_codes_replace(*, user: User) -> list[str]:
    """New recovery codes; the old ones stop working."""
    with transaction.atomic():
        codes = _new_recovery_codes(user)
        _audit_user(actor=user, action="accounts.recovery_codes_replaced", user=user)
    return codes


@dataclass(frozen=True)
class VerifyResult:
    device: TOTPDevice | StaticDevice | None
    used_recovery_code: bool = False
    recovery_codes_left: int = 0
    throttled: bool = False

    @property
    def passed(self) -> bool:
        return self.device is not None


def _clean(code: str) -> str:
    return "".join(code.split()).replace("-", "").lower()


def two_factor_verify(*, user: User, code: str) -> VerifyResult:
    """Check a code from the authenticator app (digits), or a recovery code (letters too; then used up)."""
    code = _clean(code)
    is_recovery_code = not code.isdigit()
    with transaction.atomic():
        model = StaticDevice if is_recovery_code else TOTPDevice
        device = model.objects.select_for_update().filter(user=user, confirmed=True).first()
        if device is not None and not device.verify_is_allowed()[0]:
            return VerifyResult(None, throttled=True)
        if device is not None and code and device.verify_token(code):
            if isinstance(device, StaticDevice):
                left = device.token_set.count()
                _audit_user(actor=user, action="accounts.recovery_code_used", user=user, details={"codes_left": left})
                return VerifyResult(device, used_recovery_code=True, recovery_codes_left=left)
            _audit_user(actor=user, action="accounts.two_factor_passed", user=user, details={"method": "totp"})
            return VerifyResult(device)
        _audit_user(actor=user, action="accounts.two_factor_failed", user=user, details={"step": "verify"})
    return VerifyResult(None)


def _unique_slug(model: type[Coalition] | type[Organisation], name: str) -> str:
    base = slugify(name)[:40] or "coalition"
    slug, number = base, 1
    while model.objects.filter(slug=slug).exists():
        number += 1
        slug = f"{base}-{number}"
    return slug


def coalition_admin_create(
    *, username: str, email: str, password: str, organisation_name: str, coalition_name: str
) -> User:
    """The first coalition administrator, with their coalition and organisation (made when they do not exist)."""
    with transaction.atomic():
        coalition = Coalition.objects.filter(name=coalition_name).first()
        if coalition is None:
            coalition = Coalition.objects.create(name=coalition_name, slug=_unique_slug(Coalition, coalition_name))
        organisation = Organisation.objects.filter(coalition=coalition, name=organisation_name).first()
        if organisation is None:
            organisation = Organisation.objects.create(
                coalition=coalition,
                name=organisation_name,
                slug=_unique_slug(Organisation, organisation_name),
                kind=Organisation.Kind.COMMUNITY,
                email=email,
            )
        user = User.objects.create_user(
            username,
            email=email,
            password=password,
            role=Role.COALITION_ADMIN,
            organisation=organisation,
            is_staff=True,
        )
        _audit_user(actor=None, action="accounts.user_create", user=user, details={"role": Role.COALITION_ADMIN})
    return user


def is_staff_for(user: User) -> bool:
    """Only coalition administrators (and superusers) may open the Django admin; ``is_staff`` says so too."""
    return bool(user.is_superuser or user.role == Role.COALITION_ADMIN)


def user_admin_change_record(*, actor: object, user: User, created: bool, fields: list[str]) -> None:
    """An account made or changed in the admin (a role, an organisation...): which fields, not their values."""
    action = "accounts.user_create" if created else "accounts.user_change"
    _audit_user(actor=actor, action=action, user=user, details={"fields": fields, "role": user.role})


def two_factor_reset(*, actor: object, user: User) -> None:
    """Remove someone's authenticator and recovery codes (a lost phone); they set up new ones at the next sign-in."""
    with transaction.atomic():
        TOTPDevice.objects.filter(user=user).delete()
        StaticDevice.objects.filter(user=user).delete()
        _audit_user(actor=actor, action="accounts.two_factor_reset", user=user)
