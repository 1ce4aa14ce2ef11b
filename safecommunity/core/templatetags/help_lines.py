from __future__ import annotations

from django import template
from django.conf import settings
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from safecommunity.core.memo import remembered
from safecommunity.core.models import HelpLine
from safecommunity.core.selectors import help_lines_for_public

register = template.Library()


def _line(line: HelpLine, language: str) -> SafeString:
    parts = [format_html('<strong>{}</strong>: <span dir="auto">{}</span>', line.get_kind_display(), line.name)]
    if language in line.languages:
        parts.append(
            format_html('<br><span class="in-your-language">{}</span>', _("Help is available in your language."))
        )
    if line.phone:
        call = _("Call %(number)s") % {"number": line.phone_display}
        parts.append(format_html('<br><a class="phone" href="tel:{}">{}</a>', line.phone.replace(" ", ""), call))
    if line.text_number:
        text = _("Text %(number)s") % {"number": line.text_number_display}
        parts.append(format_html('<br><a class="phone" href="sms:{}">{}</a>', line.text_number.replace(" ", ""), text))
    if line.hours:
        parts.append(format_html('<br><span class="muted" dir="auto">{}</span>', line.hours_in(language)))
    if line.url:
        parts.append(format_html('<br><a href="{}" rel="noreferrer">{}</a>', line.url, _("Website")))
    return format_html("<li>{}</li>", format_html_join("", "{}", ((part,) for part in parts)))


@register.simple_tag
def help_lines() -> SafeString:
    """The deployment's emergency and support lines, in the page's language."""
    return _help_lines_html(get_language() or settings.LANGUAGE_CODE)


@remembered(seconds=60)
def _help_lines_html(language: str) -> SafeString:
    lines = help_lines_for_public()
    if not lines:
        number = settings.EMERGENCY_NUMBER
        call = _("Call %(emergency_number)s") % {"emergency_number": number}
        item = format_html(
            '<li><strong>{}</strong>: <a class="phone" href="tel:{}">{}</a></li>', _("Emergency"), number, call
        )
        return format_html('<ul class="help-lines">{}</ul>', item)
    return format_html(
        '<ul class="help-lines">{}</ul>', format_html_join("", "{}", ((_line(line, language),) for line in lines))
    )
