"""The interchange CSV: how coalition partners' spreadsheets come in and how
reports go out again without personal data.

``parse_rows`` turns CSV records (lists of cells, header first) into validated
``ImportRow``s and ``RowError``s; it reads nothing from the database (the caller
passes the known regions and today's date). ``interchange_export.write_rows``
writes the same columns. The format is described in ``docs/interchange.md``.

Messages here are for operators and stay in English.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from safecommunity.core import taxonomy
from safecommunity.reports.drafts import ReportDraft
from safecommunity.reports.models import Report

COLUMNS: tuple[str, ...] = (
    "external_id",
    "occurred_on",
    "region",
    "incident_types",
    "location_type",
    "bias_motivations",
    "targeted_ethnicities",
    "age_group",
    "gender",
    "description",
    "description_language",
    "reported_to_police",
    "channel",
)
OPTIONAL_COLUMNS: tuple[str, ...] = ("consent_statistics",)
EXPORT_COLUMNS: tuple[str, ...] = COLUMNS + OPTIONAL_COLUMNS

CODED_COLUMNS: dict[str, taxonomy.Vocabulary] = {
    "incident_types": taxonomy.INCIDENT_TYPES,
    "location_type": taxonomy.LOCATION_TYPES,
    "bias_motivations": taxonomy.BIAS_MOTIVATIONS,
    "targeted_ethnicities": taxonomy.TARGETED_ETHNICITIES,
    "age_group": taxonomy.AGE_GROUPS,
    "gender": taxonomy.GENDERS,
    "reported_to_police": taxonomy.POLICE_REPORTED,
    "channel": taxonomy.CHANNELS,
}
_KNOWN_CODES = {column: frozenset(vocabulary.codes) for column, vocabulary in CODED_COLUMNS.items()}

# The report fields an interchange row carries. Re-importing a changed row
# rewrites these and nothing else (status, staff notes and the like stay).
IMPORTED_FIELDS: tuple[str, ...] = (
    "occurred_on",
    "occurred_precision",
    "region_id",
    "incident_types",
    "location_type",
    "bias_motivations",
    "targeted_ethnicities",
    "age_group",
    "gender",
    "description",
    "description_language",
    "reported_to_police",
    "consent_statistics",
    "channel",
)

HEADER_ROW = 1
SEPARATOR = ";"
DEFAULT_CHANNEL = "partner"
ONLINE = "online"
EXTERNAL_ID_MAX = 100
DESCRIPTION_MAX = 10_000
YES_NO = {"yes": True, "no": False}

_DAY = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
_LANGUAGE = re.compile(r"^[a-z]{2,3}(-[a-z0-9]{2,8})*$")
_DATE_FORMATS = "use YYYY-MM-DD (for example 2026-03-14), or YYYY-MM (for example 2026-03) when only the month is known"


@dataclass(frozen=True)
class RowError:
    """A problem in one cell. ``row`` is the row number a spreadsheet shows (the header is row 1)."""

    row: int
    column: str
    reason: str

    def __str__(self) -> str:
        if not self.column:
            return f"row {self.row}: {self.reason}"
        return f"row {self.row}, column {self.column}: {self.reason}"


@dataclass(frozen=True)
class ImportRow:
    """One valid spreadsheet row: the report's content plus where it came from."""

    row: int
    external_id: str
    channel: str
    draft: ReportDraft

    def values(self) -> dict[str, Any]:
        """The report fields this row sets (``IMPORTED_FIELDS``)."""
        draft = self.draft
        return {
            "occurred_on": draft.occurred_on,
            "occurred_precision": draft.occurred_precision,
            "region_id": draft.region_id,
            "incident_types": list(draft.incident_types),
            "location_type": draft.location_type,
            "bias_motivations": list(draft.bias_motivations),
            "targeted_ethnicities": list(draft.targeted_ethnicities),
            "age_group": draft.age_group,
            "gender": draft.gender,
            "description": draft.description,
            "description_language": draft.description_language,
            "reported_to_police": draft.reported_to_police,
            "consent_statistics": draft.consent_statistics,
            "channel": self.channel,
        }


@dataclass
class ParseResult:
    rows: list[ImportRow] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    # Data rows that were not blank.
    rows_read: int = 0
    # Header names the format does not know; their cells are not imported.
    ignored_columns: list[str] = field(default_factory=list)

    @property
    def header_ok(self) -> bool:
        return not any(error.row == HEADER_ROW for error in self.errors)

    @property
    def invalid(self) -> int:
        """How many data rows have at least one error."""
        return len({error.row for error in self.errors if error.row != HEADER_ROW})


def parse_rows(reader: Iterable[Sequence[str]], *, regions: Mapping[str, int], today: dt.date) -> ParseResult:
    """Validate CSV records (the header first). ``regions`` maps region slugs to ids."""
    result = ParseResult()
    records = iter(reader)
    header = next(records, None)
    if header is None or not any(cell.strip() for cell in header):
        result.errors.append(RowError(HEADER_ROW, "", "the first row must name the columns; " + _columns_hint()))
        return result
    names = _read_header(header, result)
    if not result.header_ok:
        return result

    first_row_of: dict[str, int] = {}
    repeated: dict[str, list[int]] = {}
    for index, record in enumerate(records, start=HEADER_ROW + 1):
        if not any(cell.strip() for cell in record):
            continue
        result.rows_read += 1
        errors: list[RowError] = []
        if len(record) > len(names) and any(cell.strip() for cell in record[len(names) :]):
            extra = len(record) - len(names)
            errors.append(RowError(index, "", f"has {extra} more cell(s) than the header row has columns"))
        cells = {name: (record[i] if i < len(record) else "") for i, name in enumerate(names) if name}
        row = _parse_record(index, cells, regions=regions, today=today, errors=errors)
        if row is not None and row.external_id in first_row_of:
            repeated.setdefault(row.external_id, [first_row_of[row.external_id]]).append(index)
        elif row is not None:
            first_row_of[row.external_id] = index
        result.errors.extend(errors)
        if row is not None and not errors:
            result.rows.append(row)

    for external_id, numbers in repeated.items():
        listed = ", ".join(str(number) for number in numbers)
        for number in numbers:
            reason = f'"{_shown(external_id)}" appears in more than one row ({listed}); each report needs its own id'
            result.errors.append(RowError(number, "external_id", reason))
    if repeated:
        duplicated = {number for numbers in repeated.values() for number in numbers}
        result.rows = [row for row in result.rows if row.row not in duplicated]
    order = {name: position for position, name in enumerate(("", *EXPORT_COLUMNS))}
    result.errors.sort(key=lambda error: (error.row, order.get(error.column, len(order))))
    return result


# Reading the header -------------------------------------------------------------------------------------------------


def _header_name(cell: str) -> str:
    return re.sub(r"[\s-]+", "_", cell.replace("\ufeff", "").strip().lower())


def _columns_hint() -> str:
    return "expected columns: " + ", ".join(COLUMNS) + " (and optionally " + ", ".join(OPTIONAL_COLUMNS) + ")"


def _read_header(header: Sequence[str], result: ParseResult) -> list[str]:
    """Column names by position; unknown columns become "" (ignored) and are listed in the result."""
    raw = [_header_name(cell) for cell in header]
    known = set(EXPORT_COLUMNS)
    names: list[str] = []
    for name in raw:
        if name in known and name in names:
            result.errors.append(RowError(HEADER_ROW, name, "this column appears more than once in the header row"))
        if name and name not in known:
            result.ignored_columns.append(name)
        names.append(name if name in known else "")
    for missing in (column for column in COLUMNS if column not in names):
        reason = "this required column is missing from the header row"
        if len(raw) == 1 and (";" in header[0] or "\t" in header[0]):
            reason += " (the file seems to use semicolons or tabs between columns; save it as CSV with commas)"
        else:
            suggestion = difflib.get_close_matches(missing, result.ignored_columns, n=1)
            if suggestion:
                reason += f'; is it the column named "{suggestion[0]}"?'
        result.errors.append(RowError(HEADER_ROW, missing, reason))
    return names


# Reading one row ----------------------------------------------------------------------------------------------------


def _shown(value: str, limit: int = 40) -> str:
    value = value.replace("\n", " ")
    return value if len(value) <= limit else value[: limit - 1] + "…"


def _split(raw: str) -> list[str]:
    values: list[str] = []
    for part in raw.split(SEPARATOR):
        value = part.strip().lower()
        if value and value not in values:
            values.append(value)
    return values


def _unknown_code(code: str, vocabulary: taxonomy.Vocabulary) -> str:
    reason = f'unknown code "{_shown(code)}"'
    guess = difflib.get_close_matches(re.sub(r"[\s-]+", "_", code), vocabulary.codes, n=1, cutoff=0.6)
    if guess:
        reason += f'; did you mean "{guess[0]}"?'
    return reason + "; allowed: " + ", ".join(vocabulary.codes)


def _coded(number: int, column: str, raw: str, errors: list[RowError]) -> list[str]:
    """The codes in a cell (several for multi-value columns), or [] after recording errors."""
    vocabulary = CODED_COLUMNS[column]
    values = _split(raw)
    if not vocabulary.multi and len(values) > 1:
        reason = f'"{_shown(raw.strip())}" holds several values; only one is allowed here: ' + ", ".join(
            vocabulary.codes
        )
        errors.append(RowError(number, column, reason))
        return []
    known = _KNOWN_CODES[column]
    unknown = [code for code in values if code not in known]
    for code in unknown:
        errors.append(RowError(number, column, _unknown_code(code, vocabulary)))
    return [] if unknown else values


def _single(number: int, column: str, raw: str, errors: list[RowError]) -> str:
    values = _coded(number, column, raw, errors)
    return values[0] if values else ""


def _occurred(number: int, raw: str, today: dt.date, errors: list[RowError]) -> tuple[dt.date, str] | None:
    value = raw.strip()
    if not value:
        errors.append(RowError(number, "occurred_on", f"is empty; {_DATE_FORMATS}"))
        return None
    day, month = _DAY.match(value), _MONTH.match(value)
    try:
        if day:
            occurred, precision = dt.date(int(day[1]), int(day[2]), int(day[3])), Report.DatePrecision.DAY.value
        elif month:
            occurred, precision = dt.date(int(month[1]), int(month[2]), 1), Report.DatePrecision.MONTH.value
        else:
            reason = f'"{_shown(value)}" is not a date; {_DATE_FORMATS}'
            if "/" in value or "." in value:
                reason += " (spreadsheets may rewrite dates: format the column as text)"
            errors.append(RowError(number, "occurred_on", reason))
            return None
    except ValueError:
        errors.append(RowError(number, "occurred_on", f'"{_shown(value)}" is not a date that exists'))
        return None
    if occurred > today:
        errors.append(RowError(number, "occurred_on", f'"{value}" is in the future'))
        return None
    return occurred, precision


def _region(
    number: int, raw: str, location_type: str, regions: Mapping[str, int], errors: list[RowError]
) -> int | None:
    slug = raw.strip().lower()
    if not slug:
        if location_type != ONLINE:
            reason = 'is empty; give a region slug, or set location_type to "online"'
            errors.append(RowError(number, "region", reason))
        return None
    region_id = regions.get(slug)
    if region_id is None:
        reason = f'unknown region "{_shown(slug)}"'
        guesses = difflib.get_close_matches(slug, list(regions), n=3)
        if guesses:
            reason += "; did you mean " + " or ".join(f'"{guess}"' for guess in guesses) + "?"
        elif regions:
            known = sorted(regions)
            reason += "; known regions: " + ", ".join(known[:10]) + (", …" if len(known) > 10 else "")
        else:
            reason += "; no regions are set up yet"
        errors.append(RowError(number, "region", reason))
    return region_id


def _parse_record(
    number: int, cells: Mapping[str, str], *, regions: Mapping[str, int], today: dt.date, errors: list[RowError]
) -> ImportRow | None:
    """Validate one row, appending its problems to ``errors``. Returns the row whenever the
    external_id is usable (so repeats can be found), even if other cells have errors."""
    external_id = cells["external_id"].strip()
    if not external_id:
        errors.append(RowError(number, "external_id", "is empty; every row needs the partner's own id for the report"))
    elif len(external_id) > EXTERNAL_ID_MAX:
        reason = f"is {len(external_id)} characters long; at most {EXTERNAL_ID_MAX} are allowed"
        errors.append(RowError(number, "external_id", reason))

    occurred = _occurred(number, cells["occurred_on"], today, errors)
    before = len(errors)
    location_type = _single(number, "location_type", cells["location_type"], errors)
    if len(errors) == before:
        region_id = _region(number, cells["region"], location_type, regions, errors)
    else:
        # A mistyped location_type may have meant "online": judge the region only if it is filled in.
        region_id = _region(number, cells["region"], ONLINE, regions, errors)
    incident_types = _coded(number, "incident_types", cells["incident_types"], errors)

    description = cells["description"].replace("\r\n", "\n").replace("\r", "\n").strip()
    if len(description) > DESCRIPTION_MAX:
        reason = f"is {len(description)} characters long; at most {DESCRIPTION_MAX} are allowed"
        errors.append(RowError(number, "description", reason))
    if not cells["incident_types"].strip() and not description:
        reason = "is empty and so is description; a row needs at least one of them"
        errors.append(RowError(number, "incident_types", reason))
    language = cells["description_language"].strip().lower().replace("_", "-")
    if language and (len(language) > 16 or not _LANGUAGE.match(language)):
        reason = f'"{_shown(language)}" is not a language code; use codes like en, es, vi, zh-hans'
        errors.append(RowError(number, "description_language", reason))

    consent_raw = cells.get("consent_statistics", "").strip().lower()
    if consent_raw and consent_raw not in YES_NO:
        reason = f'"{_shown(consent_raw)}" is not yes or no (leave it empty for yes)'
        errors.append(RowError(number, "consent_statistics", reason))

    bias_motivations = _coded(number, "bias_motivations", cells["bias_motivations"], errors)
    targeted_ethnicities = _coded(number, "targeted_ethnicities", cells["targeted_ethnicities"], errors)
    age_group = _single(number, "age_group", cells["age_group"], errors)
    gender = _single(number, "gender", cells["gender"], errors)
    reported_to_police = _single(number, "reported_to_police", cells["reported_to_police"], errors)
    channel = _single(number, "channel", cells["channel"], errors) or DEFAULT_CHANNEL
    if not external_id or len(external_id) > EXTERNAL_ID_MAX:
        return None
    # With errors in other cells the row is still returned (for the repeat check) but never imported.
    occurred_on, precision = occurred if occurred is not None else (today, Report.DatePrecision.DAY.value)
    draft = ReportDraft(
        occurred_on=occurred_on,
        occurred_precision=precision,
        region_id=region_id,
        incident_types=incident_types,
        description=description,
        description_language=language,
        location_type=location_type,
        bias_motivations=bias_motivations,
        targeted_ethnicities=targeted_ethnicities,
        age_group=age_group,
        gender=gender,
        reported_to_police=reported_to_police,
        consent_statistics=YES_NO.get(consent_raw, True),
    )
    return ImportRow(row=number, external_id=external_id, channel=channel, draft=draft)
