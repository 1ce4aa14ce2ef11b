"""Charts of published statistics as inline SVG, drawn on the server.

No JavaScript and no style attributes (the site's CSP forbids both): colours are SVG
presentation attributes, so a chart looks the same on a page, in a WeasyPrint PDF
and in a feed. Every chart has a fixed ``viewBox`` (it scales to the width of a
phone), ``role="img"`` and a ``<title>`` named by ``aria-labelledby``; the same
facts are always in an HTML table beside it, which is also where right-to-left
languages get their labels laid out properly.

Only published numbers are drawn. A hidden cell (``count is None``) is drawn as a
hatched outline of a fixed size labelled "fewer than 5" or "hidden"; nothing about
it (bar length, position, colour) is ever computed from a hidden count.
"""

from __future__ import annotations

import hashlib
import math

from django.utils import formats
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from safecommunity.insights.suppression import COMPLEMENTARY, PublishedBreakdown, PublishedRow

WIDTH = 400
BAR_COLOUR = "#2c7fb8"
INK = "#1a1a1a"
MUTED = "#5c5c5c"
GRID = "#d0d0d0"
HATCH = "#6b6b6b"
FONT = 'font-family="system-ui, sans-serif"'


def bar_chart(published: PublishedBreakdown, *, title: str, max_rows: int = 12) -> SafeString:
    """Horizontal bars of the rows (in the order given), each under its label, with count and percentage after it.

    Labels sit above their bars so that the chart keeps a narrow ``viewBox`` and stays legible on a phone.
    """
    uid = chart_id("bar", title, published)
    rows = published.rows[:max_rows]
    if published.total is None or not rows:
        return _empty_chart(uid, title, published)
    left, value_room, row_height, top = 4, 118, 42, 4
    bar_width = WIDTH - left - value_room
    more = len(published.rows) - len(rows)
    height = top + row_height * len(rows) + (24 if more else 0) + 4
    largest = max((row.count or 0 for row in published.visible_rows), default=0)
    parts = [_open_svg(uid, title, height), _hatch_pattern(uid)]
    for index, row in enumerate(rows):
        y = top + index * row_height
        bar_top, bar_height = y + 20, 16
        middle = bar_top + bar_height / 2
        parts.append(
            f'<text x="{left}" y="{y + 14}" font-size="14" fill="{INK}" {FONT}>{escape(_shorten(row.label, 52))}</text>'
        )
        if row.count is None:
            marker = 40
            parts.append(
                f'<rect class="chart-hidden" x="{left}" y="{bar_top}" width="{marker}" height="{bar_height}" '
                f'fill="url(#{uid}-hatch)" stroke="{HATCH}" stroke-width="1" stroke-dasharray="3 2"/>'
            )
            parts.append(
                f'<text x="{left + marker + 6}" y="{middle:.1f}" dominant-baseline="central" font-size="13" '
                f'font-style="italic" fill="{MUTED}" {FONT}>{escape(hidden_text(row, published.threshold))}</text>'
            )
            continue
        length = bar_width * row.count / largest if largest else 0.0
        if row.count and length < 2:
            length = 2.0
        parts.append(
            f'<rect class="chart-bar" x="{left}" y="{bar_top}" width="{length:.1f}" height="{bar_height}" '
            f'fill="{BAR_COLOUR}"/>'
        )
        parts.append(
            f'<text x="{left + length + 6:.1f}" y="{middle:.1f}" dominant-baseline="central" font-size="13" '
            f'fill="{INK}" {FONT}>{escape(count_and_percent(row))}</text>'
        )
    if more:
        below = top + row_height * len(rows) + 12
        text = _("%(count)s more in the table.") % {"count": formats.number_format(more)}
        parts.append(
            f'<text x="{left}" y="{below:.1f}" dominant-baseline="central" font-size="13" font-style="italic" '
            f'fill="{MUTED}" {FONT}>{escape(text)}</text>'
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every label is escaped above


def line_chart(series: PublishedBreakdown, *, title: str) -> SafeString:
    """Reports per period (months or years, in time order); hidden periods are gaps with an open marker."""
    uid = chart_id("line", title, series)
    rows = series.rows
    if series.total is None or not rows:
        return _empty_chart(uid, title, series)
    left, right, top, bottom = 40, 12, 12, 56
    height = 240
    plot_width = WIDTH - left - right
    plot_height = height - top - bottom
    largest = max((row.count or 0 for row in series.visible_rows), default=0)
    ceiling = _nice_ceiling(largest)
    step = plot_width / (len(rows) - 1) if len(rows) > 1 else 0.0

    def x_of(index: int) -> float:
        return left + (index * step if len(rows) > 1 else plot_width / 2)

    def y_of(count: int) -> float:
        return top + plot_height - plot_height * count / ceiling

    parts = [_open_svg(uid, title, height)]
    for tick in _ticks(ceiling):
        y = y_of(tick)
        parts.append(
            f'<line x1="{left}" y1="{y:.1f}" x2="{WIDTH - right}" y2="{y:.1f}" stroke="{GRID}" stroke-width="1"/>'
        )
        parts.append(
            f'<text x="{left - 6}" y="{y:.1f}" text-anchor="end" dominant-baseline="central" font-size="12" '
            f'fill="{MUTED}" {FONT}>{escape(formats.number_format(tick, force_grouping=True))}</text>'
        )
    # The line is broken at every hidden period: nothing is drawn that a hidden count would decide.
    segments: list[list[tuple[float, float]]] = [[]]
    for index, row in enumerate(rows):
        if row.count is None:
            if segments[-1]:
                segments.append([])
            continue
        segments[-1].append((x_of(index), y_of(row.count)))
    for segment in segments:
        if len(segment) > 1:
            points = " ".join(f"{x:.1f},{y:.1f}" for x, y in segment)
            parts.append(
                f'<polyline class="chart-line" points="{points}" fill="none" stroke="{BAR_COLOUR}" '
                f'stroke-width="2" stroke-linejoin="round"/>'
            )
    any_hidden = False
    for index, row in enumerate(rows):
        x = x_of(index)
        if row.count is None:
            any_hidden = True
            parts.append(
                f'<g class="chart-hidden"><title>{escape(row.label)}: {escape(hidden_text(row, series.threshold))}'
                f'</title><rect x="{x - 4:.1f}" y="{top + plot_height - 10:.1f}" width="8" height="8" fill="#ffffff" '
                f'stroke="{HATCH}" stroke-width="1.5" stroke-dasharray="2 1"/></g>'
            )
        else:
            parts.append(
                f'<circle class="chart-point" cx="{x:.1f}" cy="{y_of(row.count):.1f}" r="3" fill="{BAR_COLOUR}">'
                f"<title>{escape(row.label)}: {escape(count_and_percent(row))}</title></circle>"
            )
    baseline = top + plot_height
    parts.append(
        f'<line x1="{left}" y1="{baseline}" x2="{WIDTH - right}" y2="{baseline}" stroke="{MUTED}" stroke-width="1"/>'
    )
    every = max(1, math.ceil(len(rows) / 4))
    last = len(rows) - 1
    for index, row in enumerate(rows):
        if index != last and (index % every or (index and last - index < every)):
            continue  # about four labels, and the last one clear of its neighbour
        anchor = "start" if index == 0 and last else "end" if index == last and last else "middle"
        parts.append(
            f'<text x="{x_of(index):.1f}" y="{baseline + 16}" text-anchor="{anchor}" font-size="12" fill="{MUTED}" '
            f"{FONT}>{escape(_shorten(row.label, 16))}</text>"
        )
    if any_hidden:
        y = height - 12
        parts.append(
            f'<rect x="{left}" y="{y - 8}" width="8" height="8" fill="#ffffff" stroke="{HATCH}" stroke-width="1.5" '
            f'stroke-dasharray="2 1"/>'
        )
        text = _("Not shown: a small number (see the table).")
        parts.append(
            f'<text x="{left + 14}" y="{y - 4}" dominant-baseline="central" font-size="12" fill="{MUTED}" '
            f"{FONT}>{escape(text)}</text>"
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every label is escaped above


# --- shared by charts and the map ------------------------------------------------------------------------------


def hidden_text(row: PublishedRow, threshold: int) -> str:
    if row.hidden == COMPLEMENTARY:
        return _("hidden")
    return _("fewer than %(threshold)s") % {"threshold": threshold}


def count_and_percent(row: PublishedRow) -> str:
    assert row.count is not None
    count = formats.number_format(row.count, force_grouping=True)
    if row.percent is None:
        return count
    percent = formats.number_format(row.percent, decimal_pos=1)
    return _("%(count)s (%(percent)s %%)") % {"count": count, "percent": percent}


def chart_id(kind: str, title: str, published: PublishedBreakdown) -> str:
    """An id for the chart's title and patterns, the same for the same chart, different for different ones."""
    content = "|".join([kind, title, published.dimension, *(f"{r.code}={r.count}" for r in published.rows)])
    return f"chart-{kind}-{hashlib.sha1(content.encode(), usedforsecurity=False).hexdigest()[:10]}"


def hatch_pattern(uid: str) -> str:
    return _hatch_pattern(uid)


def _open_svg(uid: str, title: str, height: float) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {WIDTH} {height:.0f}" '
        f'width="100%" role="img" aria-labelledby="{uid}-title" preserveAspectRatio="xMinYMin meet">'
        f'<title id="{uid}-title">{escape(title)}</title>'
    )


def _hatch_pattern(uid: str) -> str:
    return (
        f'<defs><pattern id="{uid}-hatch" width="6" height="6" patternUnits="userSpaceOnUse" '
        f'patternTransform="rotate(45)"><rect width="6" height="6" fill="#ffffff"/>'
        f'<line x1="0" y1="0" x2="0" y2="6" stroke="{HATCH}" stroke-width="2"/></pattern></defs>'
    )


def _empty_chart(uid: str, title: str, published: PublishedBreakdown) -> SafeString:
    if published.total is None:
        text = _("Fewer than %(threshold)s reports: nothing is shown.") % {"threshold": published.threshold}
    else:
        text = _("There is nothing to show for this selection.")
    return mark_safe(  # noqa: S308 - escaped
        f"{_open_svg(uid, title, 40)}<text x='8' y='20' dominant-baseline='central' font-size='13' "
        f"font-style='italic' fill='{MUTED}' {FONT}>{escape(text)}</text></svg>"
    )


def _shorten(label: str, limit: int) -> str:
    return label if len(label) <= limit else label[: limit - 1].rstrip() + "…"


def _nice_step(value: int) -> int:
    """A step of 1, 2 or 5 times a power of ten that divides 0..value into at most five intervals."""
    if value <= 5:
        return 1
    magnitude = 10 ** math.floor(math.log10(value / 5))
    for factor in (1, 2, 5, 10):
        if factor * magnitude * 5 >= value:
            return factor * magnitude
    return 10 * magnitude


def _nice_ceiling(value: int) -> int:
    step = _nice_step(value)
    return max(step * math.ceil(value / step), 1)


def _ticks(ceiling: int) -> list[int]:
    step = _nice_step(ceiling)
    return list(range(0, ceiling + 1, step))
