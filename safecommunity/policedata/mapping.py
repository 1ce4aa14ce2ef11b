"""Mapping files: how one agency's CSV becomes police incidents (see docs/police-data.md).

A mapping is a small TOML file: which column holds what, how multi-valued cells are split, which
date formats to try, and which project code each of the agency's labels maps to. Column names are
matched without regard to case, so one mapping reads both the FBI's old upper-case and new
lower-case headers.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.utils.translation import gettext as _

from safecommunity.core.taxonomy import (
    BIAS_MOTIVATIONS,
    INCIDENT_TYPES,
    LOCATION_TYPES,
    TARGETED_ETHNICITIES,
    Vocabulary,
)

MAPPINGS_DIR = Path(__file__).resolve().parent / "mappings"
FBI_MAPPING = MAPPINGS_DIR / "fbi_cde.toml"

# The columns a mapping may name, and those it must.
FIELDS = ("id", "year", "date", "state", "agency_id", "agency_name", "bias", "offense", "location", "victim_count")
REQUIRED_FIELDS = ("id", "bias")
MULTI_VALUED = ("bias", "offense", "location")
# Labels for which a code table falls back to this key's code when a label is not listed.
FALLBACK = "*"

CODE_TABLES: dict[str, Vocabulary] = {
    "bias_motivations": BIAS_MOTIVATIONS,
    "targeted_ethnicities": TARGETED_ETHNICITIES,
    "incident_types": INCIDENT_TYPES,
    "location_types": LOCATION_TYPES,
}
_SECTIONS = {"dataset", "file", "columns", "defaults", "codes"}
_DATASET_KEYS = {"slug", "name", "source_url", "description"}
_FILE_KEYS = {"delimiter", "encoding", "separator", "date_formats", "zip_member"}
_SLUG = re.compile(r"^[-a-z0-9_]{1,50}$")
_SPACES = re.compile(r"\s+")


class MappingError(Exception):
    """The mapping file cannot be used; the message says why, in the reader's language."""


def label_key(label: str) -> str:
    """How labels are compared: without regard to case or repeated spaces."""
    return _SPACES.sub(" ", label).strip().casefold()


@dataclass(frozen=True)
class CodeTable:
    vocabulary: Vocabulary
    codes: dict[str, str]  # label_key(label) -> code
    labels: tuple[str, ...]  # the labels as written in the mapping
    fallback: str = ""

    def code_for(self, label: str) -> str | None:
        """The project code of ``label``: "" for a label listed with no code, None for a label not listed
        (and no fallback)."""
        code = self.codes.get(label_key(label))
        if code is not None:
            return code
        return self.fallback or None


@dataclass(frozen=True)
class Mapping:
    slug: str
    name: str
    source_url: str
    description: str
    columns: dict[str, tuple[str, ...]]  # field -> the column names it may have, first found wins
    defaults: dict[str, str]  # field -> the value used when the file has no such column
    separator: str
    delimiter: str
    encoding: str
    date_formats: tuple[str, ...]
    zip_member: str
    codes: dict[str, CodeTable]
    raw: dict[str, Any] = field(default_factory=dict)

    @property
    def bias_labels(self) -> tuple[str, ...]:
        """Every bias label this mapping knows."""
        return self.codes["bias_motivations"].labels


def load_mapping(path: Path | str) -> Mapping:
    path = Path(path)
    try:
        with path.open("rb") as file:
            raw = tomllib.load(file)
    except FileNotFoundError as exc:
        raise MappingError(_("There is no mapping file %(path)s.") % {"path": path}) from exc
    except tomllib.TOMLDecodeError as exc:
        raise MappingError(
            _("The mapping file %(path)s is not valid TOML: %(error)s") % {"path": path, "error": exc}
        ) from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise MappingError(
            _("Could not read the mapping file %(path)s: %(error)s") % {"path": path, "error": exc}
        ) from exc
    return parse_mapping(raw, source=str(path))


def parse_mapping(raw: dict[str, Any], *, source: str = "") -> Mapping:
    where = source or _("the mapping")
    _no_unknown_keys(raw, _SECTIONS, section="", where=where)
    dataset = _table(raw, "dataset", where=where)
    _no_unknown_keys(dataset, _DATASET_KEYS, section="dataset", where=where)
    slug = _text(dataset, "slug", section="dataset", where=where, required=True)
    if not _SLUG.match(slug):
        raise MappingError(
            _("In %(where)s, [dataset] slug must be 1 to 50 lower-case letters, digits or hyphens, not “%(slug)s”.")
            % {"where": where, "slug": slug}
        )
    file_section = _table(raw, "file", where=where, required=False)
    _no_unknown_keys(file_section, _FILE_KEYS, section="file", where=where)
    columns_section = _table(raw, "columns", where=where)
    _no_unknown_keys(columns_section, set(FIELDS), section="columns", where=where)
    defaults_section = _table(raw, "defaults", where=where, required=False)
    _no_unknown_keys(defaults_section, set(FIELDS) - {"id", "bias"}, section="defaults", where=where)

    columns: dict[str, tuple[str, ...]] = {}
    for name, value in columns_section.items():
        names = [value] if isinstance(value, str) else value
        if not isinstance(names, list) or not names or not all(isinstance(n, str) and n.strip() for n in names):
            raise MappingError(
                _("In %(where)s, [columns] %(key)s must be a column name or a list of column names.")
                % {"where": where, "key": name}
            )
        columns[name] = tuple(n.strip() for n in names)
    for name in REQUIRED_FIELDS:
        if name not in columns:
            raise MappingError(
                _("In %(where)s, [columns] must name the %(key)s column.") % {"where": where, "key": name}
            )
    if "year" not in columns and "date" not in columns and "year" not in defaults_section:
        raise MappingError(_("In %(where)s, [columns] must name a year column or a date column.") % {"where": where})

    date_formats = file_section.get("date_formats", ["%Y-%m-%d", "%d-%b-%y", "%m/%d/%Y"])
    if not isinstance(date_formats, list) or not all(isinstance(f, str) and f for f in date_formats):
        raise MappingError(_("In %(where)s, [file] date_formats must be a list of formats.") % {"where": where})

    codes_section = _table(raw, "codes", where=where, required=False)
    _no_unknown_keys(codes_section, set(CODE_TABLES), section="codes", where=where)
    codes = {
        name: _code_table(codes_section, name, vocabulary, where=where) for name, vocabulary in CODE_TABLES.items()
    }

    return Mapping(
        slug=slug,
        name=_text(dataset, "name", section="dataset", where=where, required=True),
        source_url=_text(dataset, "source_url", section="dataset", where=where),
        description=_text(dataset, "description", section="dataset", where=where),
        columns=columns,
        defaults={key: str(value).strip() for key, value in defaults_section.items()},
        separator=_text(file_section, "separator", section="file", where=where, strip=False) or ";",
        delimiter=_text(file_section, "delimiter", section="file", where=where, strip=False) or ",",
        encoding=_text(file_section, "encoding", section="file", where=where) or "utf-8-sig",
        date_formats=tuple(date_formats),
        zip_member=_text(file_section, "zip_member", section="file", where=where),
        codes=codes,
        raw=raw,
    )


def _code_table(section: dict[str, Any], name: str, vocabulary: Vocabulary, *, where: str) -> CodeTable:
    table = section.get(name, {})
    if not isinstance(table, dict):
        raise MappingError(
            _("In %(where)s, [codes.%(table)s] must be a table of labels and codes.") % {"where": where, "table": name}
        )
    known = set(vocabulary.codes)
    codes: dict[str, str] = {}
    labels: list[str] = []
    fallback = ""
    for label, code in table.items():
        if not isinstance(code, str) or (code and code not in known):
            raise MappingError(
                _(
                    "In %(where)s, [codes.%(table)s] maps “%(label)s” to “%(code)s”, which is not one of the "
                    "project's codes: %(codes)s."
                )
                % {"where": where, "table": name, "label": label, "code": code, "codes": ", ".join(sorted(known))}
            )
        if label == FALLBACK:
            fallback = code
            continue
        codes[label_key(label)] = code
        labels.append(label)
    return CodeTable(vocabulary=vocabulary, codes=codes, labels=tuple(labels), fallback=fallback)


def _table(raw: dict[str, Any], name: str, *, where: str, required: bool = True) -> dict[str, Any]:
    value = raw.get(name)
    if value is None and not required:
        return {}
    if not isinstance(value, dict):
        raise MappingError(_("In %(where)s, the [%(section)s] table is missing.") % {"where": where, "section": name})
    return value


def _text(
    values: dict[str, Any], key: str, *, section: str, where: str, required: bool = False, strip: bool = True
) -> str:
    value = values.get(key, "")
    if not isinstance(value, str):
        raise MappingError(
            _("In %(where)s, [%(section)s] %(key)s must be text.") % {"where": where, "section": section, "key": key}
        )
    if strip:
        value = value.strip()
    if required and not value:
        raise MappingError(
            _("In %(where)s, [%(section)s] needs a %(key)s.") % {"where": where, "section": section, "key": key}
        )
    return value


def _no_unknown_keys(values: dict[str, Any], allowed: set[str], *, section: str, where: str) -> None:
    unknown = sorted(set(values) - allowed)
    if unknown:
        raise MappingError(
            _("In %(where)s, [%(section)s] has keys this importer does not know: %(keys)s. It knows: %(allowed)s.")
            % {
                "where": where,
                "section": section or _("the top level"),
                "keys": ", ".join(unknown),
                "allowed": ", ".join(sorted(allowed)),
            }
        )
