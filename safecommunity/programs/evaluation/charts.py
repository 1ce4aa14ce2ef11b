"""The monthly series of a project's indicator as an inline SVG bar chart, drawn on the server.

No JavaScript and no style attributes (the CSP forbids both); the chart has ``role="img"`` and a title, and the
same numbers are always in a table beside it. A hidden month (a small number of reports) is drawn as a hatched
outline of a fixed height: nothing about it is computed from its count. The baseline's monthly average, when there
is one, is a dashed line.
"""

from __future__ import annotations

import hashlib

from django.utils import formats
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from safecommunity.programs.evaluation.selectors_indicators import IndicatorView

WIDTH, HEIGHT = 400, 190
LEFT, RIGHT, TOP, BOTTOM = 34, 8, 14, 30
BAR = "#2c7fb8"
INK = "#1a1a1a"
MUTED = "#5c5c5c"
GRID = "#d0d0d0"
BASELINE = "#b35806"
FONT = 'font-family="system-ui, sans-serif"'


def series_chart(view: IndicatorView, *, title: str) -> SafeString:
    uid = "ev-" + hashlib.sha256(f"{view.code}:{view.id}:{title}".encode()).hexdigest()[:10]
    months = view.months
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'aria-labelledby="{uid}-title" class="evaluation-chart">',
        f'<title id="{uid}-title">{escape(title)}</title>',
        f'<defs><pattern id="{uid}-hatch" width="6" height="6" patternUnits="userSpaceOnUse" '
        f'patternTransform="rotate(45)"><line x1="0" y1="0" x2="0" y2="6" stroke="{MUTED}" stroke-width="2"/>'
        f"</pattern></defs>",
    ]
    if not months:
        parts.append(
            f'<text x="{WIDTH / 2}" y="{HEIGHT / 2}" text-anchor="middle" font-size="13" fill="{MUTED}" {FONT}>'
            f"{escape(_('Nothing to show yet.'))}</text></svg>"
        )
        return mark_safe("".join(parts))  # noqa: S308 - every text above is escaped
    values = [month.value for month in months if month.value is not None]
    largest = max([*values, view.baseline_monthly_average or 0.0, 1.0])
    plot_height = HEIGHT - TOP - BOTTOM
    step = (WIDTH - LEFT - RIGHT) / len(months)
    bar_width = max(2.0, step * 0.7)
    bottom = TOP + plot_height
    parts.append(f'<line x1="{LEFT}" y1="{bottom}" x2="{WIDTH - RIGHT}" y2="{bottom}" stroke="{GRID}"/>')
    parts.append(
        f'<text x="{LEFT - 4}" y="{TOP + 4}" text-anchor="end" font-size="10" fill="{MUTED}" {FONT}>'
        f"{escape(formats.number_format(largest, 0))}</text>"
    )
    every = max(1, len(months) // 6)
    for index, month in enumerate(months):
        x = LEFT + index * step + (step - bar_width) / 2
        if month.hidden:
            stub = 14
            parts.append(
                f'<rect x="{x:.1f}" y="{bottom - stub}" width="{bar_width:.1f}" height="{stub}" '
                f'fill="url(#{uid}-hatch)" stroke="{MUTED}" stroke-dasharray="3 2"/>'
            )
        elif month.value:
            height = max(1.0, plot_height * month.value / largest)
            parts.append(
                f'<rect x="{x:.1f}" y="{bottom - height:.1f}" width="{bar_width:.1f}" height="{height:.1f}" '
                f'fill="{BAR}"/>'
            )
        if index % every == 0:
            parts.append(
                f'<text x="{x + bar_width / 2:.1f}" y="{bottom + 14}" text-anchor="middle" font-size="10" '
                f'fill="{INK}" {FONT}>{escape(month.code)}</text>'
            )
    if view.baseline_monthly_average is not None:
        y = bottom - plot_height * view.baseline_monthly_average / largest
        parts.append(
            f'<line x1="{LEFT}" y1="{y:.1f}" x2="{WIDTH - RIGHT}" y2="{y:.1f}" stroke="{BASELINE}" '
            f'stroke-width="2" stroke-dasharray="6 4"/>'
        )
        parts.append(
            f'<text x="{WIDTH - RIGHT}" y="{max(TOP, y - 4):.1f}" text-anchor="end" font-size="10" '
            f'fill="{BASELINE}" {FONT}>{escape(_("Baseline monthly average"))}</text>'
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every text above is escaped
