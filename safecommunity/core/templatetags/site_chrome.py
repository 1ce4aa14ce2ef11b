"""The header and footer of every public page, rendered once per language (and page, for the language links).

They hold only deployment settings, translations and links, never anything
about the visitor, so a worker can keep them for a minute instead of
rendering some forty template nodes on every request.
"""

from __future__ import annotations

from django import template
from django.conf import settings
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from safecommunity.core.context_processors import deployment_settings
from safecommunity.core.memo import remembered

register = template.Library()


@remembered(seconds=60, max_entries=2000)
def _header(language: str, path: str) -> SafeString:
    context = {**deployment_settings(), "page_path": path}
    return mark_safe(render_to_string("core/_header.html", context))  # noqa: S308 - a rendered template


@remembered(seconds=60)
def _footer(language: str) -> SafeString:
    return mark_safe(render_to_string("core/_footer.html", deployment_settings()))  # noqa: S308 - a rendered template


@register.simple_tag(takes_context=True)
def site_header(context: template.Context) -> SafeString:
    return _header(get_language() or settings.LANGUAGE_CODE, context["request"].path_info)


@register.simple_tag
def site_footer() -> SafeString:
    return _footer(get_language() or settings.LANGUAGE_CODE)
