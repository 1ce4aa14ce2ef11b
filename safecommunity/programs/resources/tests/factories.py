"""Resources the library stories are told with."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from safecommunity.accounts.models import Coalition
from safecommunity.programs.resources.models import Kind, Resource, ResourceVersion, Topic
from safecommunity.programs.resources.sample_pdf import tiny_pdf
from safecommunity.programs.resources.services import (
    ResourceFields,
    VersionFields,
    resource_create,
    resource_publish,
    resource_share,
    resource_version_save,
)


def a_resource(
    coalition: Coalition,
    *,
    title: Mapping[str, str] | None = None,
    summary: Mapping[str, str] | None = None,
    kind: str = Kind.GUIDE,
    topics: Sequence[str] = (Topic.KNOW_YOUR_RIGHTS,),
    audiences: Sequence[str] = ("community_members",),
    languages: Sequence[str] = ("en",),
    published: bool = True,
    shared: bool = False,
    slug: str = "",
) -> Resource:
    """A resource with a link in each of ``languages`` (a PDF for toolkits)."""
    resource = resource_create(
        actor=None,
        coalition=coalition,
        fields=ResourceFields(
            kind=kind,
            title=title or {"en": "Know your rights after a hate incident"},
            summary=summary or {},
            topics=list(topics),
            audiences=list(audiences),
            slug=slug,
        ),
    )
    for language in languages:
        a_version(resource, language=language)
    if published:
        resource_publish(resource=resource, published=True)
    if shared:
        resource_share(resource=resource, shared=True)
    return resource


def a_version(
    resource: Resource,
    *,
    language: str = "en",
    url: str = "",
    transcript: Mapping[str, str] | None = None,
    captions: Sequence[str] = (),
) -> ResourceVersion:
    pdf = tiny_pdf(str(resource)) if resource.kind == Kind.TOOLKIT and not url else None
    if resource.kind == Kind.VIDEO and not url:
        url = "https://www.youtube.com/watch?v=dQw4w9WgXcQ"
    return resource_version_save(
        resource=resource,
        fields=VersionFields(
            language=language,
            url="" if pdf else (url or f"https://example.org/{resource.slug}-{language}.html"),
            captions_available=bool(captions),
            caption_languages=list(captions),
            transcript=transcript or {},
            pdf_content=pdf,
            pdf_page_count=1 if pdf else 0,
        ),
    )
