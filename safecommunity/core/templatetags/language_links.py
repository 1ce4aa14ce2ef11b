from __future__ import annotations

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language, get_language_from_path, get_language_info
from django.utils.translation import gettext as _

register = template.Library()
CURRENT = mark_safe(' aria-current="true"')


def language_links(path: str) -> list[dict[str, str]]:
    """The page at ``path`` in every language: public paths are the same in all of them but for the prefix."""
    current = get_language_from_path(path)
    rest = path[len(current) + 1 :] if current else None
    return [
        {
            "code": code,
            "name_local": get_language_info(code)["name_local"],
            "url": f"/{code}{rest}" if rest is not None else translate_url(path, code),
        }
        for code, _name in settings.LANGUAGES
    ]


@register.simple_tag(takes_context=True)
def language_switcher(context: template.Context) -> SafeString:
    """Links to this page in every language, each named in itself (built here: it is on every page)."""
    current = get_language_info(get_language() or "en")
    links = format_html_join(
        "",
        '<li><a href="{}" lang="{}" hreflang="{}"{}>{}</a></li>',
        (
            (
                link["url"],
                link["code"],
                link["code"],
                CURRENT if link["code"] == current["code"] else "",
                link["name_local"],
            )
            for link in language_links(context["page_path"])
        ),
    )
    return format_html(
        '<details class="languages"><summary><svg class="icon" aria-hidden="true" focusable="false" viewBox="0 0 24 24"'
        ' width="18" height="18"><path fill="none" stroke="currentColor" stroke-width="2" d="M12 2a10 10 0 1 0 0 20a10 10'
        ' 0 1 0 0-20zM2 12h20M12 2c3 3 4 6.5 4 10s-1 7-4 10M12 2c-3 3-4 6.5-4 10s1 7 4 10"/></svg> <span lang="{}">{}</span>'
        ' <span class="visually-hidden">{}</span></summary><ul>{}</ul></details>',
        current["code"],
        current["name_local"],
        _("Change language"),
        links,
    )
