"""Reading an agency's hate-crime CSV (plain or zipped) with a mapping, into merged incidents.

Nothing here writes to the database: ``read_incidents`` returns the incidents of a file, one per
incident id (rows that repeat an id, as city files with a row per offense or per victim do, are
merged), together with what went wrong on which line. ``services.police_dataset_import`` stores them.
"""

from __future__ import annotations

import csv
import datetime as dt
import fnmatch
import io
import zipfile
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path
from typing import IO, Any

from django.utils.translation import gettext as _

from safecommunity.policedata.mapping import MULTI_VALUED, Mapping
from safecommunity.policedata.models import EXTERNAL_ID_MAX, LABEL_MAX

# Problems listed one by one (the rest are counted).
PROBLEMS_LISTED = 50
YEAR_MIN, YEAR_MAX = 1900, 2100


class PoliceImportError(Exception):
    """The file cannot be imported at all; the message says why, in the reader's language."""


@dataclass
class IncidentDraft:
    external_id: str
    year: int
    line: int
    date: dt.date | None = None
    state: str = ""
    agency_id: str = ""
    agency_name: str = ""
    bias: list[str] = field(default_factory=list)
    offense: list[str] = field(default_factory=list)
    location: list[str] = field(default_factory=list)
    victim_count: int | None = None


@dataclass(frozen=True)
class RowProblem:
    line: int
    message: str

    def __str__(self) -> str:
        return _("Line %(line)s: %(message)s") % {"line": self.line, "message": self.message}


@dataclass
class ReadResult:
    incidents: dict[str, IncidentDraft]
    rows_read: int = 0
    rows_skipped: int = 0  # rows not imported at all
    rows_merged: int = 0  # rows that repeated an incident id and were merged into it
    rows_with_warnings: int = 0  # rows imported with a value left out (a date or count not understood)
    problems: list[RowProblem] = field(default_factory=list)
    problem_count: int = 0
    # Labels no code table maps, by table ("bias_motivations"…): label -> number of incidents.
    unmapped: dict[str, Counter[str]] = field(default_factory=dict)

    def problem(self, line: int, message: str) -> None:
        self.problem_count += 1
        if len(self.problems) < PROBLEMS_LISTED:
            self.problems.append(RowProblem(line, message))


@contextmanager
def open_csv(path: Path, mapping: Mapping) -> Iterator[IO[str]]:
    """The CSV text of ``path``: the file itself, or the CSV inside it when it is a zip archive."""
    if not path.exists():
        raise PoliceImportError(_("There is no file %(path)s.") % {"path": path})
    if path.is_dir():
        raise PoliceImportError(_("%(path)s is a folder, not a CSV or zip file.") % {"path": path})
    try:
        if zipfile.is_zipfile(path):
            with zipfile.ZipFile(path) as archive:
                member = _zip_member(archive, mapping, path=path)
                with archive.open(member) as raw:
                    yield io.TextIOWrapper(raw, encoding=mapping.encoding, newline="")
        else:
            with path.open(encoding=mapping.encoding, newline="") as text:
                yield text
    except zipfile.BadZipFile as exc:
        raise PoliceImportError(_("%(path)s is a damaged zip file: %(error)s") % {"path": path, "error": exc}) from exc
    except LookupError as exc:
        raise PoliceImportError(
            _("The mapping names an encoding Python does not know: %(encoding)s.") % {"encoding": mapping.encoding}
        ) from exc


def _zip_member(archive: zipfile.ZipFile, mapping: Mapping, *, path: Path) -> str:
    names = [name for name in archive.namelist() if not name.endswith("/") and "__MACOSX" not in name]
    pattern = (mapping.zip_member or "*.csv").casefold()
    matching = [name for name in names if fnmatch.fnmatch(Path(name).name.casefold(), pattern)]
    if len(matching) == 1:
        return matching[0]
    if not matching:
        raise PoliceImportError(
            _("The zip file %(path)s holds no file named like %(pattern)s; it holds: %(names)s.")
            % {"path": path, "pattern": mapping.zip_member or "*.csv", "names": ", ".join(names) or _("nothing")}
        )
    raise PoliceImportError(
        _(
            "The zip file %(path)s holds several files named like %(pattern)s (%(names)s); set zip_member in the mapping."
        )
        % {"path": path, "pattern": mapping.zip_member or "*.csv", "names": ", ".join(matching)}
    )


def column_indexes(header: list[str], mapping: Mapping) -> dict[str, int]:
    """Where each mapped field is in ``header`` (names compared without regard to case or spaces)."""
    positions: dict[str, int] = {}
    for index, name in enumerate(header):
        positions.setdefault(name.strip().lstrip("\ufeff").casefold(), index)
    found: dict[str, int] = {}
    missing: list[str] = []
    for name, candidates in mapping.columns.items():
        for candidate in candidates:
            position = positions.get(candidate.casefold())
            if position is not None:
                found[name] = position
                break
        else:
            missing.append(" / ".join(candidates))
    if missing:
        raise PoliceImportError(
            _("The file has no column %(missing)s, which the mapping names. Its columns are: %(columns)s.")
            % {"missing": ", ".join(missing), "columns": ", ".join(header)}
        )
    return found


def read_incidents(path: Path, mapping: Mapping) -> ReadResult:
    result = ReadResult(incidents={})
    with open_csv(path, mapping) as text:
        reader = csv.reader(text, delimiter=mapping.delimiter)
        try:
            header = next(reader, None)
            if not header:
                raise PoliceImportError(_("The file %(path)s is empty.") % {"path": path})
            indexes = column_indexes(header, mapping)
            _read_rows(reader, indexes, mapping, result)
        except UnicodeDecodeError as exc:
            raise PoliceImportError(
                _(
                    "%(path)s is not %(encoding)s text near line %(line)s; save it as CSV UTF-8 or set the encoding in the mapping."
                )
                % {"path": path, "encoding": mapping.encoding, "line": reader.line_num + 1}
            ) from exc
        except csv.Error as exc:
            raise PoliceImportError(
                _("%(path)s could not be read as CSV near line %(line)s: %(error)s")
                % {"path": path, "line": reader.line_num, "error": exc}
            ) from exc
    _count_unmapped(result, mapping)
    return result


def _read_rows(reader: Any, indexes: dict[str, int], mapping: Mapping, result: ReadResult) -> None:
    separator = mapping.separator
    defaults = mapping.defaults
    id_at = indexes["id"]
    year_at = indexes.get("year")
    date_at = indexes.get("date")
    state_at, agency_id_at, agency_name_at = (indexes.get(name) for name in ("state", "agency_id", "agency_name"))
    default_state = defaults.get("state", "").upper()[:8]
    default_agency_id = defaults.get("agency_id", "").upper()[:20]
    default_agency_name = defaults.get("agency_name", "")[:LABEL_MAX]
    multi_at = {name: indexes[name] for name in MULTI_VALUED if name in indexes}
    victims_at = indexes.get("victim_count")
    default_year = defaults.get("year", "")
    dates = _DateParser(mapping.date_formats)
    incidents = result.incidents
    split_cells: dict[str, list[str]] = {}
    for row in reader:
        line = reader.line_num
        if not any(row):
            continue
        result.rows_read += 1
        width = len(row)
        external_id = row[id_at].strip() if id_at < width else ""
        if not external_id:
            result.rows_skipped += 1
            result.problem(line, _("The incident id is empty, so the row was not imported."))
            continue
        if len(external_id) > EXTERNAL_ID_MAX:
            result.rows_skipped += 1
            result.problem(line, _("The incident id is longer than 64 characters, so the row was not imported."))
            continue
        warned = False
        raw_date = row[date_at].strip() if date_at is not None and date_at < width else ""
        date = dates.parse(raw_date) if raw_date else None
        if raw_date and date is None:
            warned = True
            result.problem(
                line, _("The date “%(value)s” is not in a known format; it was left out.") % {"value": raw_date}
            )
        raw_year = (row[year_at].strip() if year_at is not None and year_at < width else "") or default_year
        year = _year(raw_year) if raw_year else (date.year if date else None)
        if year is None:
            result.rows_skipped += 1
            if raw_year:
                message = _("The year “%(value)s” is not a year, so the row was not imported.") % {"value": raw_year}
            else:
                message = _("The row has no year and no date, so it was not imported.")
            result.problem(line, message)
            continue

        labels: dict[str, list[str]] = {}
        for name, index in multi_at.items():
            cell = row[index] if index < width else ""
            split = split_cells.get(cell)
            if split is None:
                split = split_cells[cell] = _unique(
                    [part.strip()[:LABEL_MAX] for part in cell.split(separator) if part.strip()]
                )
            labels[name] = split  # shared between incidents: never changed in place
        victims: int | None = None
        if victims_at is not None and victims_at < width and row[victims_at].strip():
            try:
                victims = int(float(row[victims_at]))
                if victims < 0:
                    raise ValueError
            except ValueError:
                warned = True
                result.problem(
                    line,
                    _("The victim count “%(value)s” is not a number; it was left out.") % {"value": row[victims_at]},
                )
        state = (
            row[state_at].strip().upper()[:8] if state_at is not None and state_at < width else ""
        ) or default_state
        agency_id = (
            row[agency_id_at].strip().upper()[:20] if agency_id_at is not None and agency_id_at < width else ""
        ) or default_agency_id
        agency_name = (
            row[agency_name_at].strip()[:LABEL_MAX] if agency_name_at is not None and agency_name_at < width else ""
        ) or default_agency_name
        if warned:
            result.rows_with_warnings += 1

        incident = incidents.get(external_id)
        if incident is None:
            incidents[external_id] = IncidentDraft(
                external_id=external_id,
                year=year,
                line=line,
                date=date,
                state=state,
                agency_id=agency_id,
                agency_name=agency_name,
                bias=labels.get("bias", []),
                offense=labels.get("offense", []),
                location=labels.get("location", []),
                victim_count=victims,
            )
            continue
        result.rows_merged += 1
        if incident.year != year:
            result.problem(
                line,
                _(
                    "Incident %(id)s was given the year %(year)s on line %(first)s; this row's year %(other)s was ignored."
                )
                % {"id": external_id, "year": incident.year, "first": incident.line, "other": year},
            )
        for name in MULTI_VALUED:
            known: list[str] = getattr(incident, name)
            added = [label for label in labels.get(name, []) if label not in known]
            if added:
                setattr(incident, name, [*known, *added])
        incident.date = incident.date or date
        incident.state = incident.state or state
        incident.agency_id = incident.agency_id or agency_id
        incident.agency_name = incident.agency_name or agency_name
        if victims is not None:
            incident.victim_count = max(incident.victim_count or 0, victims)


def _count_unmapped(result: ReadResult, mapping: Mapping) -> None:
    sources = {
        "bias_motivations": "bias",
        "incident_types": "offense",
        "location_types": "location",
    }
    for table_name, field_name in sources.items():
        table = mapping.codes[table_name]
        labels = Counter(chain.from_iterable(getattr(incident, field_name) for incident in result.incidents.values()))
        counts = Counter({label: count for label, count in labels.items() if table.code_for(label) is None})
        if counts:
            result.unmapped[table_name] = counts


def _unique(labels: list[str]) -> list[str]:
    return list(dict.fromkeys(labels))


def _year(value: str) -> int | None:
    try:
        year = int(float(value))
    except ValueError:
        return None
    return year if YEAR_MIN <= year <= YEAR_MAX else None


class _DateParser:
    """Tries the mapping's formats in turn and remembers each text it has seen (dates repeat a lot)."""

    def __init__(self, formats: tuple[str, ...]) -> None:
        self.formats = formats
        self.seen: dict[str, dt.date | None] = {}

    def parse(self, value: str) -> dt.date | None:
        try:
            return self.seen[value]
        except KeyError:
            pass
        parsed: dt.date | None = None
        text = value.split("T")[0].split(" ")[0] if len(value) > 11 else value
        for date_format in self.formats:
            try:
                parsed = dt.datetime.strptime(text, date_format).date()
                break
            except ValueError:
                continue
        self.seen[value] = parsed
        return parsed
