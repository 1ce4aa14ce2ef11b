"""What the library shows of a resource and of each language version, in the visitor's language."""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import get_language_info

from safecommunity.accounts.models import Coalition
from safecommunity.core.multilingual import text_and_language
from safecommunity.programs.resources.models import Audience, Kind, Resource, ResourceVersion, Topic
from safecommunity.programs.resources.text import video_host


@dataclass(frozen=True)
class LanguageName:
    code: str
    name: str  # in the language itself ("Tiếng Việt"), marked up with lang=code
    direction: str


def language_name(code: str) -> LanguageName:
    try:
        info = get_language_info(code)
    except KeyError:
        return LanguageName(code, code, "ltr")
    return LanguageName(code, info["name_local"], "rtl" if info["bidi"] else "ltr")


def _direction(code: str) -> str:
    return language_name(code).direction


@dataclass(frozen=True)
class ResourceCard:
    url: str
    kind: str
    kind_label: str
    title: str
    title_language: str
    title_direction: str
    summary: str
    summary_language: str
    summary_direction: str
    topics: list[str]
    audiences: list[str]
    languages: list[LanguageName]
    coalition: str
    # Listed in another coalition's library because its owner shares it with the network.
    shared_from_another_coalition: bool


def resource_card(resource: Resource, language: str, *, library_of: Coalition | None = None) -> ResourceCard:
    title, title_language = text_and_language(resource.title, language)
    summary, summary_language = text_and_language(resource.summary, language)
    topic_labels = dict(Topic.choices)
    audience_labels = dict(Audience.choices)
    version_languages = sorted({version.language for version in resource.versions.all()})
    return ResourceCard(
        url=reverse("resources:resource_detail", args=[resource.coalition.slug, resource.slug]),
        kind=resource.kind,
        kind_label=str(dict(Kind.choices).get(resource.kind, resource.kind)),
        title=title,
        title_language=title_language,
        title_direction=_direction(title_language),
        summary=summary,
        summary_language=summary_language,
        summary_direction=_direction(summary_language),
        topics=[str(topic_labels[code]) for code in resource.topics if code in topic_labels],
        audiences=[str(audience_labels[code]) for code in resource.audiences if code in audience_labels],
        languages=[language_name(code) for code in version_languages],
        coalition=resource.coalition.name,
        shared_from_another_coalition=library_of is not None and resource.coalition_id != library_of.pk,
    )


@dataclass(frozen=True)
class VersionCard:
    language: LanguageName
    download_url: str
    is_file: bool
    is_video: bool
    size_kb: int
    page_count: int
    host: str
    captions_available: bool
    caption_languages: list[LanguageName]
    transcript: str
    transcript_language: str
    transcript_direction: str


def version_card(version: ResourceVersion, language: str) -> VersionCard:
    resource = version.resource
    # The transcript in the visitor's language when there is one, else in the version's own language.
    texts = version.transcript or {}
    wanted = language if str(texts.get(language, "")).strip() else version.language
    transcript, transcript_language = text_and_language(texts, wanted)
    return VersionCard(
        language=language_name(version.language),
        download_url=reverse("resources:download", args=[resource.coalition.slug, resource.slug, version.language]),
        is_file=version.is_file,
        is_video=resource.kind == Kind.VIDEO,
        size_kb=max(1, round(version.file_size / 1024)) if version.is_file else 0,
        page_count=version.page_count,
        host=video_host(version.url) if version.url else "",
        captions_available=version.captions_available,
        caption_languages=[language_name(code) for code in version.caption_languages],
        transcript=transcript,
        transcript_language=transcript_language,
        transcript_direction=_direction(transcript_language),
    )
