"""The learning library over JSON: the same published resources, search and filters as the /learn/ page."""

from __future__ import annotations

from django.conf import settings
from django.core.paginator import Paginator
from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import get_language
from ninja import Router, Schema, Status

from safecommunity.core.multilingual import languages_of
from safecommunity.programs.resources.cards import resource_card
from safecommunity.programs.resources.forms import LibraryForm
from safecommunity.programs.resources.selectors import resources_for_public

router = Router(tags=["Learning resources"])

API_PAGE_SIZE = 50


class VersionOut(Schema):
    language: str
    kind: str  # "pdf" or "link"
    download_url: str
    captions_available: bool
    caption_languages: list[str]
    transcript_languages: list[str]


class ResourceOut(Schema):
    coalition: str
    coalition_name: str
    slug: str
    kind: str
    kind_label: str
    title: str
    title_language: str
    summary: str
    topics: list[str]
    audiences: list[str]
    languages: list[str]
    shared_with_network: bool
    url: str
    versions: list[VersionOut]


class ResourcePageOut(Schema):
    count: int
    page: int
    pages: int
    results: list[ResourceOut]


class ErrorsOut(Schema):
    errors: dict[str, list[str]]


@router.get("/resources", response={200: ResourcePageOut, 422: ErrorsOut}, auth=None)
def list_resources(
    request: HttpRequest,
    q: str = "",
    topic: str = "",
    audience: str = "",
    kind: str = "",
    language: str = "",
    coalition: str = "",
    page: int = 1,
) -> Status[ResourcePageOut | ErrorsOut]:
    """Published learning resources, 50 a page. ``q`` searches titles and summaries in every language (case and
    accents ignored); ``topic``, ``audience`` and ``kind`` are codes; ``language`` a site language code (a version
    in it exists); ``coalition`` a coalition's slug (its own resources and those shared with the network). Titles
    come in the request's language when written in it. Unknown filter values are a 422 per field."""
    form = LibraryForm(
        {"q": q, "topic": topic, "audience": audience, "kind": kind, "language": language, "coalition": coalition}
    )
    if not form.is_valid():
        errors = {name: [str(message) for message in messages] for name, messages in form.errors.items()}
        return Status(422, ErrorsOut(errors=errors))
    filters = form.filters()
    page_language = get_language() or settings.LANGUAGE_CODE
    found = Paginator(resources_for_public(filters=filters), API_PAGE_SIZE).get_page(page)
    base = request.build_absolute_uri("/")[:-1]
    results = []
    for resource in found:
        card = resource_card(resource, page_language, library_of=filters.coalition)
        versions = [
            VersionOut(
                language=version.language,
                kind="pdf" if version.is_file else "link",
                download_url=base
                + reverse("resources:download", args=[resource.coalition.slug, resource.slug, version.language]),
                captions_available=version.captions_available,
                caption_languages=list(version.caption_languages),
                transcript_languages=languages_of(version.transcript),
            )
            for version in resource.versions.all()
        ]
        results.append(
            ResourceOut(
                coalition=resource.coalition.slug,
                coalition_name=resource.coalition.name,
                slug=resource.slug,
                kind=resource.kind,
                kind_label=card.kind_label,
                title=card.title,
                title_language=card.title_language,
                summary=card.summary,
                topics=list(resource.topics),
                audiences=list(resource.audiences),
                languages=[item.code for item in card.languages],
                shared_with_network=resource.shared_with_network,
                url=base + card.url,
                versions=versions,
            )
        )
    return Status(
        200,
        ResourcePageOut(
            count=found.paginator.count, page=found.number, pages=found.paginator.num_pages, results=results
        ),
    )
