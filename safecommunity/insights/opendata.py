"""Open data: the public statistics of a selection as CSV, JSON and GeoJSON, and what every file holds.

Everything here is built from ``selectors.published_tables``: the same suppressed
numbers as the dashboard and the API, never exact counts. Labels are in the active
language (the URL's language prefix); codes never change (see ``core.taxonomy``).
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from safecommunity.core import taxonomy
from safecommunity.core.models import Region
from safecommunity.insights.aggregates import NOT_STATED
from safecommunity.insights.engine import DIMENSIONS, MULTI_VALUED, ONLINE, Selection
from safecommunity.insights.selectors import PublishedTables, published_tables
from safecommunity.insights.suppression import SMALL, PublishedBreakdown, PublishedRow

# Every dimension of the dashboard, in its order (years before months: months are protected against the years).
OPEN_DATA_DIMENSIONS: tuple[str, ...] = tuple(DIMENSIONS)
TOTAL_DIMENSION = "total"
SELECTION_COLUMNS = (
    "selection_from",
    "selection_to",
    "selection_regions",
    "selection_bias_motivation",
    "selection_incident_type",
)
TABLE_COLUMNS = ("dimension", "code", "label", "count", "percent", "shown_as", "suppressed")
CSV_COLUMNS = SELECTION_COLUMNS + TABLE_COLUMNS
DEFAULT_LICENCE_NAME = "CC BY 4.0"
DEFAULT_LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"
# Spreadsheet programs run a cell that starts with one of these as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class Licence:
    name: str
    url: str


def licence() -> Licence:
    return Licence(
        name=str(getattr(settings, "OPEN_DATA_LICENCE_NAME", DEFAULT_LICENCE_NAME)),
        url=str(getattr(settings, "OPEN_DATA_LICENCE_URL", DEFAULT_LICENCE_URL)),
    )


def open_data_tables(selection: Selection, dimensions: tuple[str, ...] = OPEN_DATA_DIMENSIONS) -> PublishedTables:
    """Published tables of a selection (raises ``SelectionError`` for a selection that cannot be answered)."""
    return published_tables(selection.validate(), dimensions)


def shown_as(table: PublishedBreakdown | PublishedTables, row: PublishedRow | None = None) -> str:
    """What people see instead of a hidden count (empty for a published one); the same words as the API."""
    if row is None:  # the total of the selection
        if table.total is not None:
            return ""
        return _("fewer than %(threshold)d") % {"threshold": table.threshold}
    if row.count is not None:
        return ""
    if row.hidden == SMALL:
        return _("fewer than %(threshold)d") % {"threshold": table.threshold}
    return _("hidden so that a small number cannot be worked out")


def suppressed_reason(row: PublishedRow) -> str:
    """A stable code for why a count is hidden: "small", "complementary" or "selection_too_small"."""
    if row.count is not None:
        return ""
    return row.hidden or "selection_too_small"


def selection_dict(selection: Selection) -> dict[str, Any]:
    return {
        "from": selection.date_from.isoformat() if selection.date_from else None,
        "to": selection.date_to.isoformat() if selection.date_to else None,
        "regions": list(selection.regions),
        "bias_motivation": selection.bias_motivation or None,
        "incident_type": selection.incident_type or None,
    }


def filename(selection: Selection, extension: str) -> str:
    """e.g. statistics-2025-01-01-to-2025-12-31-en.csv, or statistics-all-time-en.csv (ASCII only)."""
    if selection.date_from or selection.date_to:
        start = selection.date_from.isoformat() if selection.date_from else "start"
        end = selection.date_to.isoformat() if selection.date_to else "latest"
        period = f"{start}-to-{end}"
    else:
        period = "all-time"
    parts = ["statistics", period]
    if selection.regions:
        parts.append(
            "-".join(selection.regions) if len(selection.regions) <= 3 else f"{len(selection.regions)}-regions"
        )
    for code in (selection.bias_motivation, selection.incident_type):
        if code:
            parts.append(code.replace("_", "-"))
    parts.append(get_language() or settings.LANGUAGE_CODE)
    name = "-".join(parts)
    return "".join(char for char in name if char.isascii() and (char.isalnum() or char in "-_.")) + "." + extension


# --- CSV ----------------------------------------------------------------------------------------------------------


def as_csv(tables: PublishedTables) -> str:
    """One row for the total, then one per dimension and category; the selection in the leading columns."""
    out = io.StringIO()
    out.write("\ufeff")  # a byte-order mark, so spreadsheet programs read UTF-8 labels in every script
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    selection = tables.selection
    leading = {
        "selection_from": selection.date_from.isoformat() if selection.date_from else "",
        "selection_to": selection.date_to.isoformat() if selection.date_to else "",
        "selection_regions": " ".join(selection.regions),
        "selection_bias_motivation": selection.bias_motivation,
        "selection_incident_type": selection.incident_type,
    }
    writer.writerow(
        {
            **leading,
            "dimension": TOTAL_DIMENSION,
            "code": "",
            "label": _safe_cell(_("All reports")),
            "count": "" if tables.total is None else tables.total,
            "percent": "" if tables.total is None else _number(100.0),
            "shown_as": shown_as(tables),
            "suppressed": "" if tables.total is not None else SMALL,
        }
    )
    for dimension, table in tables.tables.items():
        for row in table.rows:
            writer.writerow(
                {
                    **leading,
                    "dimension": dimension,
                    "code": row.code,
                    "label": _safe_cell(row.label),
                    "count": "" if row.count is None else row.count,
                    "percent": "" if row.count is None or row.percent is None else _number(row.percent),
                    "shown_as": shown_as(table, row),
                    "suppressed": suppressed_reason(row),
                }
            )
    return out.getvalue()


def _safe_cell(text: str) -> str:
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _number(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


# --- JSON ---------------------------------------------------------------------------------------------------------


def as_json(tables: PublishedTables, *, dictionary_url: str) -> dict[str, Any]:
    """The tables as the API shows one breakdown: published ``rows`` and hidden ``suppressed`` categories."""
    return {
        "selection": selection_dict(tables.selection),
        "language": get_language() or settings.LANGUAGE_CODE,
        "threshold": tables.threshold,
        "total": tables.total,
        "total_shown_as": shown_as(tables),
        "tables": {dimension: _table_json(dimension, table) for dimension, table in tables.tables.items()},
        "generated_at": timezone.now().isoformat(timespec="seconds"),
        "licence": {"name": licence().name, "url": licence().url},
        "data_dictionary": dictionary_url,
    }


def _table_json(dimension: str, table: PublishedBreakdown) -> dict[str, Any]:
    return {
        "label": str(DIMENSIONS[dimension]),
        "multi_valued": dimension in MULTI_VALUED,
        "rows": [
            {"code": row.code, "label": row.label, "count": row.count, "percent": row.percent}
            for row in table.visible_rows
        ],
        "suppressed": [
            {"code": row.code, "label": row.label, "shown_as": shown_as(table, row), "reason": suppressed_reason(row)}
            for row in table.hidden_rows
        ],
    }


def as_json_text(tables: PublishedTables, *, dictionary_url: str) -> str:
    return json.dumps(as_json(tables, dictionary_url=dictionary_url), ensure_ascii=False, indent=1)


# --- GeoJSON ------------------------------------------------------------------------------------------------------


def as_geojson(tables: PublishedTables, *, dictionary_url: str) -> dict[str, Any]:
    """A FeatureCollection with one feature per category of the region table (online and "not stated" have no
    geometry); the selection, threshold and total as members of the collection."""
    regions = tables["region"]
    slugs = [row.code for row in regions.rows if row.code not in (ONLINE, NOT_STATED)]
    geometries = dict(Region.objects.filter(slug__in=slugs).values_list("slug", "geometry"))
    features = [
        {
            "type": "Feature",
            "id": row.code,
            "geometry": geometries.get(row.code) or None,
            "properties": {
                "slug": row.code,
                "name": row.label,
                "count": row.count,
                "percent": row.percent if row.count is not None else None,
                "shown_as": shown_as(regions, row),
                "suppressed": suppressed_reason(row),
            },
        }
        for row in regions.rows
    ]
    return {
        "type": "FeatureCollection",
        "selection": selection_dict(tables.selection),
        "language": get_language() or settings.LANGUAGE_CODE,
        "threshold": regions.threshold,
        "total": regions.total,
        "generated_at": timezone.now().isoformat(timespec="seconds"),
        "licence": {"name": licence().name, "url": licence().url},
        "data_dictionary": dictionary_url,
        "features": features,
    }


def as_geojson_text(tables: PublishedTables, *, dictionary_url: str) -> str:
    return json.dumps(as_geojson(tables, dictionary_url=dictionary_url), ensure_ascii=False)


# --- the data dictionary ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Code:
    code: str
    label: str


@dataclass(frozen=True)
class DimensionEntry:
    code: str
    label: str
    multi_valued: bool
    codes: list[Code]
    code_pattern: str  # for years and months: the form of their codes instead of a list


def dictionary_dimensions() -> list[DimensionEntry]:
    """Every dimension with every code it can have and its label in the active language."""
    entries: list[DimensionEntry] = []
    not_stated = Code(NOT_STATED, _("Not stated"))
    for dimension, label in DIMENSIONS.items():
        codes: list[Code] = []
        pattern = ""
        if dimension == "region":
            codes = [Code(region.slug, region.name) for region in _regions()]
            codes += [Code(ONLINE, _("Online")), not_stated]
        elif dimension == "year":
            pattern = _("The year as four digits, for example %(example)s.") % {"example": "2025"}
        elif dimension == "month":
            pattern = _("The year and month as YYYY-MM, for example %(example)s.") % {"example": "2025-03"}
        else:
            vocabulary = taxonomy.VOCABULARIES[dimension]
            codes = [Code(code, vocabulary.label(code)) for code in vocabulary.codes] + [not_stated]
        entries.append(DimensionEntry(dimension, str(label), dimension in MULTI_VALUED, codes, pattern))
    return entries


def _regions() -> list[Region]:
    return list(
        Region.objects.select_related("region_set")
        .only("slug", "name", "region_set__name")
        .order_by("region_set__name", "name")
    )
