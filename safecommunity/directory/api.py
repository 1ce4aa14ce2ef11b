"""The directory of help over JSON: the same published services and filters as the Find help page."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest
from django.utils.translation import get_language
from ninja import Router, Schema, Status

from safecommunity.directory.cards import service_card
from safecommunity.directory.forms import FindHelpForm
from safecommunity.directory.selectors import services_for_public

router = Router(tags=["directory"])


class ServiceOut(Schema):
    id: int
    name: str
    organisation: str
    kind: str
    kind_label: str
    description: str
    languages: list[str]
    language_names: list[str]
    regions: list[str]
    cost: str
    eligibility: str
    hours: str
    phone: str
    email: str
    url: str
    address: str
    accessibility: str
    capacity: str


class ErrorsOut(Schema):
    errors: dict[str, list[str]]


@router.get("/services", response={200: list[ServiceOut], 422: ErrorsOut}, auth=None)
def list_services(
    request: HttpRequest, kind: str = "", language: str = "", region: str = "", cost: str = ""
) -> Status[list[ServiceOut] | ErrorsOut]:
    """Published partner services. Filters: ``kind`` (a service kind code), ``language`` (a spoken language
    code; close variants match, e.g. zh-hant and yue), ``region`` (a slug from /api/v1/regions; services
    serving the whole area are included) and ``cost``. Labels and partners' texts come in the language of
    the request's Accept-Language when the partner wrote one; unknown filter values are a 422 per field."""
    form = FindHelpForm({"kind": kind, "language": language, "region": region, "cost": cost})
    if not form.is_valid():
        errors = {name: [str(message) for message in messages] for name, messages in form.errors.items()}
        return Status(422, ErrorsOut(errors=errors))
    page_language = get_language() or settings.LANGUAGE_CODE
    services = services_for_public(
        kind=form.cleaned_data["kind"],
        language=form.cleaned_data["language"],
        region=form.selected_region(),
        cost=form.cleaned_data["cost"],
    )
    out = []
    for service in services:
        card = service_card(service, page_language)
        out.append(
            ServiceOut(
                id=service.pk,
                name=card.name,
                organisation=card.organisation,
                kind=service.kind,
                kind_label=card.kind_label,
                description=card.description,
                languages=list(service.languages) if isinstance(service.languages, list) else [],
                language_names=card.languages,
                regions=[region.slug for region in service.regions.all()],
                cost=service.cost,
                eligibility=card.eligibility,
                hours=card.hours,
                phone=service.phone,
                email=service.email,
                url=service.url,
                address=card.address,
                accessibility=card.accessibility,
                capacity=service.capacity,
            )
        )
    return Status(200, out)
