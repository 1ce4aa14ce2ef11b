"""A service as the public sees it: every text in the page's language, ready for a template."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _

from safecommunity.directory.languages import language_name
from safecommunity.directory.models import Service


def isolated_ltr(text: str) -> str:
    """Numbers are isolated left-to-right so that an Arabic sentence around them does not reverse their digits."""
    return f"\u2066{text}\u2069" if text else ""


@dataclass(frozen=True)
class ServiceCard:
    pk: int
    name: str
    organisation: str
    kind: str
    kind_label: str
    description: str
    languages: list[str]
    regions: list[str]
    cost: str
    eligibility: str
    hours: str
    phone: str
    phone_display: str
    phone_href: str
    email: str
    url: str
    address: str
    accessibility: str
    capacity: str
    capacity_label: str


def service_card(service: Service, language: str) -> ServiceCard:
    regions = [region.name for region in service.regions.all()]
    spoken = service.languages if isinstance(service.languages, list) else []
    return ServiceCard(
        pk=service.pk,
        name=service.name,
        organisation=service.organisation.name,
        kind=service.kind,
        kind_label=str(service.get_kind_display()),
        description=service.text_in("description", language),
        languages=[language_name(str(code)) for code in spoken],
        regions=regions or [_("The whole area")],
        cost=str(service.get_cost_display()),
        eligibility=service.text_in("eligibility", language),
        hours=service.text_in("hours", language),
        phone=service.phone,
        phone_display=isolated_ltr(service.phone),
        phone_href="".join(character for character in service.phone if character.isdigit() or character == "+"),
        email=service.email,
        url=service.url,
        address=service.text_in("address", language),
        accessibility=service.text_in("accessibility", language),
        capacity=service.capacity,
        capacity_label=str(service.get_capacity_display()),
    )
