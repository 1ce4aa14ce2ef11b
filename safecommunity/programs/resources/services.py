"""Writes to the learning library: resources, their language versions, publishing, sharing and download counts.

Resources hold no personal data (who downloads is never recorded, only how many times per month), so these
writes are not audited.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.text import slugify

from safecommunity.accounts.models import Coalition, User
from safecommunity.core.multilingual import text_in
from safecommunity.programs.resources.files import delete_stored, store_pdf
from safecommunity.programs.resources.models import DownloadCount, Resource, ResourceVersion
from safecommunity.programs.resources.text import search_text_of


@dataclass(frozen=True)
class ResourceFields:
    kind: str
    title: Mapping[str, str]
    summary: Mapping[str, str]
    topics: Sequence[str]
    audiences: Sequence[str]
    slug: str = ""


@dataclass(frozen=True)
class VersionFields:
    language: str
    url: str
    captions_available: bool
    caption_languages: Sequence[str]
    transcript: Mapping[str, str]
    # A checked PDF (files.check_pdf) replacing any file or link, or None to keep what there is / use ``url``.
    pdf_content: bytes | None = None
    pdf_page_count: int = 0


def _unique_slug(*, coalition: Coalition, wanted: str, title: Mapping[str, str], exclude_pk: int | None) -> str:
    base = slugify(wanted) or slugify(text_in(title, "en")) or "resource"
    base = base[:70].strip("-") or "resource"
    others = Resource.objects.filter(coalition=coalition)
    if exclude_pk is not None:
        others = others.exclude(pk=exclude_pk)
    taken = set(others.values_list("slug", flat=True))
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug


def _apply(resource: Resource, fields: ResourceFields) -> None:
    resource.kind = fields.kind
    resource.title = dict(fields.title)
    resource.summary = dict(fields.summary)
    resource.topics = list(fields.topics)
    resource.audiences = list(fields.audiences)
    resource.search_text = search_text_of(resource.title, resource.summary)


@transaction.atomic
def resource_create(*, actor: User | None, coalition: Coalition, fields: ResourceFields) -> Resource:
    resource = Resource(coalition=coalition, created_by=actor)
    _apply(resource, fields)
    resource.slug = _unique_slug(coalition=coalition, wanted=fields.slug, title=fields.title, exclude_pk=None)
    resource.save()
    return resource


@transaction.atomic
def resource_update(*, resource: Resource, fields: ResourceFields) -> Resource:
    _apply(resource, fields)
    if fields.slug and slugify(fields.slug) != resource.slug:
        resource.slug = _unique_slug(
            coalition=resource.coalition, wanted=fields.slug, title=fields.title, exclude_pk=resource.pk
        )
    resource.save()
    return resource


@transaction.atomic
def resource_publish(*, resource: Resource, published: bool) -> Resource:
    resource.published = published
    resource.save(update_fields=["published", "updated_at"])
    return resource


@transaction.atomic
def resource_share(*, resource: Resource, shared: bool) -> Resource:
    resource.shared_with_network = shared
    resource.save(update_fields=["shared_with_network", "updated_at"])
    return resource


@transaction.atomic
def resource_delete(*, resource: Resource) -> None:
    stored = [name for name in resource.versions.values_list("file_storage_name", flat=True) if name]
    resource.delete()
    transaction.on_commit(lambda: _delete_files(stored))


def _delete_files(storage_names: list[str]) -> None:
    for storage_name in storage_names:
        delete_stored(storage_name)


@transaction.atomic
def resource_version_save(
    *, resource: Resource, fields: VersionFields, version: ResourceVersion | None = None
) -> ResourceVersion:
    """Add a language version, or change one: a new PDF replaces the old file or link; a link replaces a file."""
    version = version or ResourceVersion(resource=resource)
    old_file = version.file_storage_name
    version.language = fields.language
    version.captions_available = fields.captions_available
    version.caption_languages = list(fields.caption_languages) if fields.captions_available else []
    version.transcript = dict(fields.transcript)
    if fields.pdf_content is not None:
        version.file_storage_name = store_pdf(fields.pdf_content)
        version.file_size = len(fields.pdf_content)
        version.page_count = fields.pdf_page_count
        version.url = ""
    elif fields.url:
        version.url = fields.url
        version.file_storage_name, version.file_size, version.page_count = "", 0, 0
    version.save()
    resource.save(update_fields=["updated_at"])
    if old_file and old_file != version.file_storage_name:
        transaction.on_commit(lambda: delete_stored(old_file))
    return version


@transaction.atomic
def resource_version_delete(*, version: ResourceVersion) -> None:
    stored = version.file_storage_name
    resource = version.resource
    version.delete()
    resource.save(update_fields=["updated_at"])
    if stored:
        transaction.on_commit(lambda: delete_stored(stored))


def _first_of_month(moment: dt.datetime) -> dt.date:
    local = timezone.localtime(moment)
    return local.date().replace(day=1)


def resource_download_record(*, version: ResourceVersion, at: dt.datetime | None = None, times: int = 1) -> None:
    """Count one download (or ``times``) in the month of ``at``: an atomic ``count + 1`` in the database, so two
    visitors at the same moment are both counted."""
    month = _first_of_month(at or timezone.now())
    counts = DownloadCount.objects.filter(version=version, month=month)
    with transaction.atomic():
        if counts.update(count=F("count") + times):
            return
    try:
        with transaction.atomic():
            DownloadCount.objects.create(version=version, month=month, count=times)
    except IntegrityError:  # someone created this month's row in the meantime
        with transaction.atomic():
            counts.update(count=F("count") + times)
