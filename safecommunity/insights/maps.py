"""A choropleth map of regions from their stored boundaries, as inline SVG (no tile server, no JavaScript).

Boundaries are ``core.models.Region.geometry`` (GeoJSON Polygon or MultiPolygon in
WGS84). They are projected with a plain equirectangular projection whose
longitudes are scaled by the cosine of the mean latitude (good enough for the
area of one coalition), and points closer than a pixel to the previous one are
dropped so the SVG stays small. Regions are coloured in five classes of a
colour-blind-safe sequential palette (ColorBrewer YlGnBu) by their published
count; a hidden region is hatched and never coloured by its count. Regions
without a boundary are only in the table beside the map.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from django.utils import formats
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from safecommunity.core.models import Region
from safecommunity.insights.charts import FONT, INK, MUTED, chart_id, hatch_pattern, hidden_text
from safecommunity.insights.suppression import PublishedBreakdown, PublishedRow

PALETTE = ("#ffffcc", "#a1dab4", "#41b6c4", "#2c7fb8", "#253494")
NO_REPORTS = "#ffffff"
MAP_WIDTH = 400
MAX_MAP_HEIGHT = 440
PAD = 8
LEGEND_ROW = 24

Ring = list[tuple[float, float]]


@dataclass
class _Shape:
    row: PublishedRow
    polygons: list[list[Ring]]  # polygons of rings of (lon, lat)


def choropleth(
    regions: PublishedBreakdown, *, title: str, region_geometries: dict[str, dict[str, Any]] | None = None
) -> SafeString:
    """The regions of ``regions`` that have a boundary, coloured by their published count."""
    uid = chart_id("map", title, regions)
    if region_geometries is None:
        codes = [row.code for row in regions.rows]
        region_geometries = {
            slug: geometry
            for slug, geometry in Region.objects.filter(slug__in=codes).values_list("slug", "geometry")
            if geometry
        }
    shapes = [
        _Shape(row, polygons)
        for row in regions.rows
        if (polygons := _polygons(region_geometries.get(row.code))) is not None
    ]
    if not shapes:
        return mark_safe(  # noqa: S308 - escaped
            f'<svg xmlns="http://www.w3.org/2000/svg" class="chart map" viewBox="0 0 {MAP_WIDTH} 40" width="100%" '
            f'role="img" aria-labelledby="{uid}-title"><title id="{uid}-title">{escape(title)}</title>'
            f'<text x="8" y="20" dominant-baseline="central" font-size="13" font-style="italic" fill="{MUTED}" '
            f"{FONT}>{escape(_('None of these regions has a boundary to draw.'))}</text></svg>"
        )
    project, map_width, map_height = _projection([ring for s in shapes for p in s.polygons for ring in p])
    breaks = class_breaks([row.count for row in regions.rows if row.count])
    legend = _legend_entries(uid, breaks, regions, shapes)
    height = map_height + 2 * PAD + 12 + LEGEND_ROW * len(legend)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart map" viewBox="0 0 {MAP_WIDTH} {height:.0f}" '
        f'width="100%" role="img" aria-labelledby="{uid}-title" preserveAspectRatio="xMinYMin meet">'
        f'<title id="{uid}-title">{escape(title)}</title>',
        hatch_pattern(uid),
    ]
    offset_x = (MAP_WIDTH - map_width) / 2
    for shape in shapes:
        data = _path_data(shape.polygons, project, offset_x, PAD)
        if not data:
            continue
        row = shape.row
        if row.count is None:
            fill, value = f"url(#{uid}-hatch)", hidden_text(row, regions.threshold)
        else:
            fill, value = _colour(row.count, breaks), formats.number_format(row.count, force_grouping=True)
        tooltip = _("%(region)s: %(count)s") % {"region": row.label, "count": value}
        parts.append(
            f'<path class="map-region" d="{data}" fill="{fill}" fill-rule="evenodd" stroke="{INK}" '
            f'stroke-width="0.75" stroke-linejoin="round"><title>{escape(tooltip)}</title></path>'
        )
    y = map_height + 2 * PAD + 12
    for swatch, text in legend:
        parts.append(
            f'<rect x="{PAD}" y="{y:.0f}" width="18" height="14" fill="{swatch}" stroke="{INK}" stroke-width="0.75"/>'
            f'<text x="{PAD + 26}" y="{y + 7:.0f}" dominant-baseline="central" font-size="14" fill="{INK}" '
            f"{FONT}>{escape(text)}</text>"
        )
        y += LEGEND_ROW
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every label is escaped above


def class_breaks(counts: Sequence[int | None], classes: int = len(PALETTE)) -> list[tuple[int, int]]:
    """Up to five equal ranges of whole numbers from the smallest to the largest published non-zero count."""
    values = [count for count in counts if count]
    if not values:
        return []
    low, high = min(values), max(values)
    classes = min(classes, high - low + 1)
    width = math.ceil((high - low + 1) / classes)
    breaks: list[tuple[int, int]] = []
    start = low
    while start <= high:
        breaks.append((start, min(start + width - 1, high)))
        start += width
    return breaks


def _colour(count: int, breaks: list[tuple[int, int]]) -> str:
    if count == 0:
        return NO_REPORTS
    palette = _palette_for(len(breaks))
    for index, (_low, high) in enumerate(breaks):
        if count <= high:
            return palette[index]
    return palette[-1]


def _palette_for(classes: int) -> Sequence[str]:
    if classes >= len(PALETTE):
        return PALETTE
    # Spread fewer classes over the whole palette so the darkest still means "most".
    if classes <= 1:
        return (PALETTE[-2],)
    return tuple(PALETTE[round(i * (len(PALETTE) - 1) / (classes - 1))] for i in range(classes))


def _legend_entries(
    uid: str, breaks: list[tuple[int, int]], regions: PublishedBreakdown, shapes: list[_Shape]
) -> list[tuple[str, str]]:
    palette = _palette_for(len(breaks))
    entries: list[tuple[str, str]] = []
    for (low, high), colour in zip(breaks, palette, strict=False):
        if low == high:
            text = _("%(count)s reports") % {"count": formats.number_format(low, force_grouping=True)}
        else:
            text = _("%(low)s to %(high)s reports") % {
                "low": formats.number_format(low, force_grouping=True),
                "high": formats.number_format(high, force_grouping=True),
            }
        entries.append((colour, text))
    drawn = [shape.row for shape in shapes]
    if any(row.count == 0 for row in drawn):
        entries.append((NO_REPORTS, _("No reports")))
    hidden = [row for row in drawn if row.count is None]
    if hidden:
        for text in sorted({hidden_text(row, regions.threshold) for row in hidden}, reverse=True):
            entries.append((f"url(#{uid}-hatch)", text))
    return entries


def _polygons(geometry: Any) -> list[list[Ring]] | None:
    """The polygons of a GeoJSON Polygon or MultiPolygon, or None if it is not one."""
    if not isinstance(geometry, dict):
        return None
    kind, coordinates = geometry.get("type"), geometry.get("coordinates")
    if not isinstance(coordinates, list):
        return None
    try:
        if kind == "Polygon":
            polygons = [_rings(coordinates)]
        elif kind == "MultiPolygon":
            polygons = [_rings(polygon) for polygon in coordinates]
        else:
            return None
    except (TypeError, ValueError, IndexError):
        return None
    polygons = [polygon for polygon in polygons if polygon]
    return polygons or None


def _rings(polygon: Iterable[Iterable[Sequence[float]]]) -> list[Ring]:
    rings = [[(float(point[0]), float(point[1])) for point in ring] for ring in polygon]
    return [ring for ring in rings if len(ring) >= 3]


def _projection(rings: list[Ring]) -> tuple[Any, float, float]:
    lons = [lon for ring in rings for lon, _lat in ring]
    lats = [lat for ring in rings for _lon, lat in ring]
    west, east, south, north = min(lons), max(lons), min(lats), max(lats)
    scale_x = math.cos(math.radians((south + north) / 2))
    span_x = max((east - west) * scale_x, 1e-9)
    span_y = max(north - south, 1e-9)
    scale = min((MAP_WIDTH - 2 * PAD) / span_x, (MAX_MAP_HEIGHT - 2 * PAD) / span_y)

    def project(lon: float, lat: float) -> tuple[float, float]:
        return (lon - west) * scale_x * scale, (north - lat) * scale

    return project, span_x * scale, span_y * scale


def _path_data(polygons: list[list[Ring]], project: Any, offset_x: float, offset_y: float) -> str:
    commands: list[str] = []
    for polygon in polygons:
        for ring in polygon:
            kept: list[tuple[float, float]] = []
            for lon, lat in ring:
                x, y = project(lon, lat)
                x, y = x + offset_x, y + offset_y
                if kept and math.hypot(x - kept[-1][0], y - kept[-1][1]) < 1:
                    continue  # closer than a pixel to the last point kept
                kept.append((x, y))
            if len(kept) < 3:
                continue
            first, *rest = kept
            commands.append(f"M{first[0]:.1f} {first[1]:.1f}" + "".join(f"L{x:.1f} {y:.1f}" for x, y in rest) + "Z")
    return "".join(commands)
