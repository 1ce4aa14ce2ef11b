"""Small numbers on the results page: a count, or "fewer than N", or "hidden"."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils import formats
from django.utils.translation import gettext as _

from safecommunity.insights.charts import hidden_text
from safecommunity.insights.suppression import PublishedRow

register = template.Library()


@register.filter
def row_count(row: PublishedRow, threshold: int) -> str:
    if row.count is None:
        return hidden_text(row, threshold)
    return formats.number_format(row.count, force_grouping=True)


@register.filter
def count_or_small(count: int | None, threshold: int) -> str:
    if count is None:
        return _("fewer than %(threshold)s") % {"threshold": threshold}
    return formats.number_format(count, force_grouping=True)


@register.filter
def mean_or_small(mean: float | None, threshold: int) -> str:
    if mean is None:
        return _("too few answers (fewer than %(threshold)s)") % {"threshold": threshold}
    return formats.number_format(mean, decimal_pos=2)


@register.filter
def signed(value: float | None) -> str:
    if value is None:
        return "—"
    number = formats.number_format(abs(value), decimal_pos=2)
    return f"+{number}" if value > 0 else f"−{number}" if value < 0 else number


@register.filter
def get_item(mapping: dict[Any, Any], key: Any) -> Any:
    return mapping.get(key)
