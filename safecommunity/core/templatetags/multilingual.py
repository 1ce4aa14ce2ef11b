"""``{{ event.title|in_language }}`` and ``<h1 lang="{{ event.title|text_language }}">`` for multilingual text."""

from __future__ import annotations

from collections.abc import Mapping

from django import template

from safecommunity.core.multilingual import text_and_language

register = template.Library()


@register.filter
def in_language(texts: Mapping[str, str] | None, language: str | None = None) -> str:
    return text_and_language(texts, language)[0]


@register.filter
def text_language(texts: Mapping[str, str] | None, language: str | None = None) -> str:
    """The language of the text ``in_language`` shows (it falls back when the page's language is missing)."""
    return text_and_language(texts, language)[1]
