"""People and organisations the stories are told with.

The coalition "Greater Sacramento Safe Community" has two partners: org A, a
community organisation that speaks Hmong and Vietnamese, and org B, a mental
health service that speaks Korean. Each persona works for one of them.
"""

from __future__ import annotations

from django.test import Client
from django_otp.plugins.otp_totp.models import TOTPDevice

from safecommunity.accounts.models import Coalition, Organisation, User
from safecommunity.core.roles import Role, needs_two_factor

PASSWORD = "correct horse battery staple"


def a_coalition(
    slug: str = "greater-sacramento", name: str = "Greater Sacramento Safe Community", **fields: object
) -> Coalition:
    coalition, _ = Coalition.objects.get_or_create(slug=slug, defaults={"name": name, **fields})
    return coalition


def the_bay_area() -> Coalition:
    """The second city of the network, with its own region set (San Francisco) and partners."""
    from safecommunity.core.models import Region, RegionSet

    region_set, _ = RegionSet.objects.get_or_create(slug="sf-bay-area", defaults={"name": "SF Bay Area"})
    Region.objects.get_or_create(slug="san-francisco", defaults={"name": "San Francisco", "region_set": region_set})
    return a_coalition("sf-bay-area", "Bay Area Stop the Hate", region_set=region_set)


def greater_sacramento() -> Coalition:
    """The first city, whose region set holds the Sacramento region every story uses."""
    from safecommunity.core.tests.factories import sacramento_region

    coalition = a_coalition()
    if coalition.region_set_id is None:
        coalition.region_set = sacramento_region().region_set
        coalition.save(update_fields=["region_set"])
    return coalition


def an_organisation_in(coalition: Coalition, slug: str, **fields: object) -> Organisation:
    defaults: dict[str, object] = {
        "name": slug.replace("-", " ").title(),
        "kind": Organisation.Kind.COMMUNITY,
        "email": f"{slug}@example.org",
    }
    defaults.update(fields)
    organisation, _ = Organisation.objects.get_or_create(slug=slug, coalition=coalition, defaults=defaults)
    return organisation


def an_organiser(username: str, organisation: Organisation, **fields: object) -> User:
    """A programme organiser: runs the events, surveys, volunteer programmes and calls of their coalition."""
    return a_staff_member(username, role=Role.ORGANISER, organisation=organisation, **fields)


def an_organisation(slug: str = "org-a", *, kind: str = Organisation.Kind.COMMUNITY, **fields: object) -> Organisation:
    defaults: dict[str, object] = {"name": slug.replace("-", " ").title(), "kind": kind, "email": f"{slug}@example.org"}
    defaults.update(fields)
    organisation, _ = Organisation.objects.get_or_create(slug=slug, coalition=a_coalition(), defaults=defaults)
    return organisation


def a_staff_member(username: str, *, role: str, organisation: Organisation | None = None, **fields: object) -> User:
    user = User.objects.create_user(
        username,
        password=PASSWORD,
        email=f"{username}@example.org",
        role=role,
        organisation=organisation,
        is_staff=role == Role.COALITION_ADMIN,
        **fields,
    )
    return user


def a_totp_device(user: User) -> TOTPDevice:
    device, _ = TOTPDevice.objects.get_or_create(user=user, name="phone", defaults={"confirmed": True})
    return device


def signed_in(user: User, client: Client | None = None) -> Client:
    """A browser session of ``user``, past the second factor when their role needs one."""
    client = client or Client()
    client.force_login(user)
    if needs_two_factor(user):
        device = a_totp_device(user)
        session = client.session
        session["otp_device_id"] = device.persistent_id
        session.save()
    return client


def current_code(device: TOTPDevice) -> str:
    """The code the person's authenticator app shows right now."""
    from django_otp.oath import TOTP

    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():0{device.digits}d}"


def a_wrong_code(device: TOTPDevice) -> str:
    right = int(current_code(device))
    return f"{(right + 500_000) % 1_000_000:06d}"


def signed_in_with_password(user: User, client: Client | None = None, *, next_url: str = "") -> tuple[Client, str]:
    """The password step through the sign-in page; returns the session and where it was sent next."""
    client = client or Client()
    response = client.post("/en/accounts/sign-in/", {"username": user.username, "password": PASSWORD, "next": next_url})
    assert response.status_code == 302, response.content.decode()[:2000]
    return client, response["Location"]
