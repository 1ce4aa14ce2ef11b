from __future__ import annotations

import gzip
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.apps import apps
from django.db import connections, transaction
from django.utils.text import slugify

from safecommunity.core.audit import audit_record
from safecommunity.core.encryption import FILE_ROTATORS, EncryptedTextField, rotate_text
from safecommunity.core.memo import forget_all
from safecommunity.core.models import Region, RegionSet

BATCH = 500


@dataclass(frozen=True)
class RotationResult:
    values: int
    files: int


def _rotate_column(*, using: str, table: str, pk: str, column: str) -> int:
    """Rotate one encrypted column in batches, walking the primary key upwards."""
    connection = connections[using]
    quote = connection.ops.quote_name
    select = f"SELECT {quote(pk)}, {quote(column)} FROM {quote(table)} WHERE {quote(column)} <> ''"  # noqa: S608
    update = f"UPDATE {quote(table)} SET {quote(column)} = %s WHERE {quote(pk)} = %s"  # noqa: S608
    order = f" ORDER BY {quote(pk)} LIMIT {BATCH}"
    rewritten = 0
    last: int | str | None = None
    while True:
        with transaction.atomic(using=using), connection.cursor() as cursor:
            if last is None:
                cursor.execute(select + order)
            else:
                cursor.execute(select + f" AND {quote(pk)} > %s" + order, [last])
            rows = cursor.fetchall()
            cursor.executemany(update, [(rotate_text(value), key) for key, value in rows])
        rewritten += len(rows)
        if len(rows) < BATCH:
            return rewritten
        last = rows[-1][0]


def encryption_keys_rotate(*, using: str = "default") -> RotationResult:
    """Re-encrypt every encrypted value and file with the newest key in FIELD_ENCRYPTION_KEYS.

    Works on raw column values so nothing is ever decrypted into a model
    instance; after it, the older keys can be removed from the setting.
    """
    rewritten = 0
    for model in apps.get_models():
        for field in model._meta.concrete_fields:
            if isinstance(field, EncryptedTextField):
                pk_column = model._meta.pk.column if model._meta.pk else "id"
                rewritten += _rotate_column(
                    using=using, table=model._meta.db_table, pk=pk_column or "id", column=field.column or field.name
                )
    files = sum(rotator() for rotator in FILE_ROTATORS)
    return RotationResult(values=rewritten, files=files)


# --- Regions -----------------------------------------------------------------

REGION_GEOMETRY_TYPES = frozenset({"Polygon", "MultiPolygon"})


class RegionLoadError(ValueError):
    """Input that cannot be loaded as regions; the message names what is wrong, in English, for operators."""


@dataclass(frozen=True)
class LoadResult:
    region_set: RegionSet
    created: tuple[str, ...]
    updated: tuple[str, ...]
    unchanged: tuple[str, ...]


def read_geojson_features(path: Path) -> list[dict[str, Any]]:
    """The features of a GeoJSON FeatureCollection file, plain or gzip-compressed."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError as exc:
        raise RegionLoadError(f"No such file: {path}") from exc
    except OSError as exc:
        raise RegionLoadError(f"Cannot read {path}: {exc.strerror or exc}") from exc
    if raw[:2] == b"\x1f\x8b":
        try:
            raw = gzip.decompress(raw)
        except (OSError, EOFError) as exc:
            raise RegionLoadError(f"{path} looks gzip-compressed but cannot be decompressed: {exc}") from exc
    try:
        collection = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise RegionLoadError(f"{path} is not UTF-8 text: {exc}") from exc
    except json.JSONDecodeError as exc:
        raise RegionLoadError(f"{path} is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg}).") from exc
    if not isinstance(collection, dict) or collection.get("type") != "FeatureCollection":
        raise RegionLoadError(f"{path} is not a GeoJSON FeatureCollection.")
    features = collection.get("features")
    if not isinstance(features, list):
        raise RegionLoadError(f"{path} has no list of features.")
    return features


def _region_rows(
    *, features: Sequence[Mapping[str, Any]], slug_property: str, name_property: str
) -> dict[str, tuple[str, dict[str, Any] | None]]:
    """Validate every feature first, so a bad file changes nothing: slug -> (name, geometry)."""
    if not features:
        raise RegionLoadError("The file has no features.")
    rows: dict[str, tuple[str, dict[str, Any] | None]] = {}
    for number, feature in enumerate(features, start=1):
        if not isinstance(feature, Mapping) or feature.get("type") != "Feature":
            raise RegionLoadError(f"Feature {number} is not a GeoJSON Feature.")
        properties = feature.get("properties") or {}
        for wanted in (slug_property, name_property):
            value = properties.get(wanted)
            if value is None or str(value).strip() == "":
                available = ", ".join(sorted(properties)) or "none"
                raise RegionLoadError(f"Feature {number} has no {wanted!r} property (its properties are: {available}).")
        slug = slugify(str(properties[slug_property]))
        name = str(properties[name_property]).strip()
        if not slug:
            raise RegionLoadError(
                f"Feature {number}: {slug_property}={properties[slug_property]!r} gives an empty slug."
            )
        if len(slug) > (Region._meta.get_field("slug").max_length or 50):
            raise RegionLoadError(f"Feature {number}: the slug {slug!r} is too long.")
        if len(name) > (Region._meta.get_field("name").max_length or 200):
            raise RegionLoadError(f"Feature {number}: the name {name[:40]!r}… is too long.")
        if slug in rows:
            raise RegionLoadError(
                f"Feature {number}: duplicate slug {slug!r} ({slug_property}={properties[slug_property]!r}); "
                "every region needs its own."
            )
        geometry = feature.get("geometry")
        if geometry is not None and (
            not isinstance(geometry, Mapping) or geometry.get("type") not in REGION_GEOMETRY_TYPES
        ):
            kind = geometry.get("type") if isinstance(geometry, Mapping) else type(geometry).__name__
            raise RegionLoadError(f"Feature {number} ({slug}): geometry must be a Polygon or MultiPolygon, not {kind}.")
        rows[slug] = (name, dict(geometry) if geometry is not None else None)
    return rows


def region_set_load(
    *,
    slug: str,
    name: str | None,
    features: Sequence[Mapping[str, Any]],
    slug_property: str,
    name_property: str,
) -> LoadResult:
    """Create or update a region set and its regions from GeoJSON features.

    Each feature becomes the region whose slug is its slugified ``slug_property``
    ("El Dorado" -> "el-dorado"); running it again updates names and geometry in
    place. Regions of the set that are not in ``features`` are left alone (an
    administrator may have added them), and a slug already used by another set
    is refused rather than moved. ``name`` None keeps the set's current name.
    """
    set_slug = slugify(slug)
    if not set_slug:
        raise RegionLoadError(f"{slug!r} cannot be used as a region set slug.")
    rows = _region_rows(features=features, slug_property=slug_property, name_property=name_property)
    created: list[str] = []
    updated: list[str] = []
    unchanged: list[str] = []
    with transaction.atomic():
        region_set = RegionSet.objects.select_for_update().filter(slug=set_slug).first()
        if region_set is None:
            region_set = RegionSet.objects.create(slug=set_slug, name=name or set_slug.replace("-", " ").title())
        elif name and region_set.name != name:
            region_set.name = name
            region_set.save(update_fields=["name"])
        existing = {region.slug: region for region in Region.objects.select_for_update().filter(slug__in=rows)}
        elsewhere = sorted(slug for slug, region in existing.items() if region.region_set_id != region_set.pk)
        if elsewhere:
            owners = ", ".join(f"{slug} ({existing[slug].region_set.slug})" for slug in elsewhere)
            raise RegionLoadError(f"These region slugs already belong to another region set: {owners}.")
        for region_slug, (region_name, geometry) in rows.items():
            region = existing.get(region_slug)
            if region is None:
                Region.objects.create(region_set=region_set, slug=region_slug, name=region_name, geometry=geometry)
                created.append(region_slug)
            elif region.name != region_name or region.geometry != geometry:
                region.name, region.geometry = region_name, geometry
                region.save(update_fields=["name", "geometry"])
                updated.append(region_slug)
            else:
                unchanged.append(region_slug)
        if created or updated:
            audit_record(
                actor=None,
                action="region_set.load",
                target=region_set,
                details={"created": created, "updated": updated},
            )
        transaction.on_commit(forget_all)
    return LoadResult(region_set=region_set, created=tuple(created), updated=tuple(updated), unchanged=tuple(unchanged))
