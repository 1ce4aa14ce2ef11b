"""The public JSON API (OpenAPI schema at /api/openapi.json, docs at /api/docs).

Apps add their routers here; core itself serves the shared vocabulary and regions.
"""

from __future__ import annotations

from django.http import HttpRequest
from django.utils.translation import override
from ninja import NinjaAPI, Schema

from safecommunity.core import taxonomy
from safecommunity.core.selectors import regions_for_forms

api = NinjaAPI(title="Safe Community API", version="1", urls_namespace="api")


class TermOut(Schema):
    code: str
    label: str


class VocabularyOut(Schema):
    name: str
    multi: bool
    terms: list[TermOut]


class RegionOut(Schema):
    slug: str
    name: str
    region_set: str
    has_boundary: bool


@api.get("/v1/taxonomy", response=list[VocabularyOut], tags=["vocabulary"])
def list_vocabularies(request: HttpRequest, lang: str = "en") -> list[VocabularyOut]:
    """Every coded vocabulary, with labels in the language asked for."""
    with override(lang):
        return [
            VocabularyOut(
                name=vocabulary.name,
                multi=vocabulary.multi,
                terms=[TermOut(code=code, label=str(label)) for code, label in vocabulary.terms],
            )
            for vocabulary in taxonomy.VOCABULARIES.values()
        ]


@api.get("/v1/regions", response=list[RegionOut], tags=["vocabulary"])
def list_regions(request: HttpRequest) -> list[RegionOut]:
    return [
        RegionOut(
            slug=region.slug,
            name=region.name,
            region_set=region.region_set.slug,
            has_boundary=region.geometry is not None,
        )
        for region in regions_for_forms()
    ]
