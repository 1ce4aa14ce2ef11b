"""Reads about staff accounts: the second-factor devices of the person asking (never anyone else's)."""

from __future__ import annotations

from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from safecommunity.accounts.models import Coalition, Organisation, User


def confirmed_authenticator(*, user: User) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def recovery_codes_left(*, user: User) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


def coalition_ids_for(*, user: User) -> set[int] | None:
    """The coalitions whose programmes a staff member works on: their organisation's; ``None`` means every coalition
    (a superuser, a coalition administrator or network administrator attached to no organisation)."""
    from safecommunity.core.roles import Role, role_of

    if getattr(user, "is_superuser", False):
        return None
    organisation_id = getattr(user, "organisation_id", None)
    if organisation_id is None:
        return None if role_of(user) in {Role.COALITION_ADMIN, Role.NETWORK_ADMIN} else set()
    return set(Organisation.objects.filter(pk=organisation_id).values_list("coalition_id", flat=True))


def coalition_of(*, user: User) -> Coalition | None:
    """The coalition of the staff member's organisation (where new programmes they create belong)."""
    organisation = getattr(user, "organisation", None)
    return organisation.coalition if organisation is not None else None
