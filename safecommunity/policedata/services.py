"""Writing police-reported data: importing a dataset, and placing agencies in the coalition's regions."""

from __future__ import annotations

import json
import time
import tomllib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from safecommunity.core.audit import audit_record
from safecommunity.core.memo import forget_all
from safecommunity.core.models import Region
from safecommunity.policedata.agencies import RegionResolver
from safecommunity.policedata.importer import PoliceImportError, RowProblem, read_incidents
from safecommunity.policedata.mapping import Mapping
from safecommunity.policedata.models import PoliceAgencyRegion, PoliceDataset, PoliceIncident, PoliceIncidentCode
from safecommunity.policedata.writer import delete_incidents, sqlite_cache, write_incidents


@dataclass(frozen=True)
class ImportResult:
    dataset: str
    rows_read: int
    rows_skipped: int
    rows_merged: int
    rows_with_warnings: int
    created: int
    updated: int
    incidents: int  # in the dataset after the import
    problems: list[RowProblem]
    problem_count: int
    unmapped: dict[str, Counter[str]]
    seconds: float


def police_dataset_import(*, path: Path, mapping: Mapping, replace: bool = False, actor: Any = None) -> ImportResult:
    """Import an agency's file into the dataset the mapping names.

    An incident is known by its id within the dataset: one already there is replaced by the file's
    version (importing the same file twice changes nothing), rows of the file that repeat an id are
    merged into one incident. ``replace`` first removes every incident of the dataset, so that the
    dataset is exactly the file. All or nothing: a failure leaves the dataset as it was.
    """
    started = time.monotonic()
    read = read_incidents(Path(path), mapping)
    if not read.incidents and read.rows_read:
        raise PoliceImportError(
            _("None of the %(rows)s rows of %(path)s could be imported; the first problems are listed above.")
            % {"rows": read.rows_read, "path": path}
        )
    resolver = RegionResolver.from_database()
    with transaction.atomic():
        dataset, _created = PoliceDataset.objects.get_or_create(slug=mapping.slug, defaults={"name": mapping.name})
        if replace:
            delete_incidents(dataset_id=dataset.pk)
            existing: dict[str, int] = {}
        else:
            existing = dict(PoliceIncident.objects.filter(dataset=dataset).values_list("external_id", "pk"))
        replaced = [existing[external_id] for external_id in read.incidents if external_id in existing]
        if replaced and len(replaced) == len(existing):
            delete_incidents(dataset_id=dataset.pk)  # the file has every incident: one statement is quicker
        else:
            delete_incidents(dataset_id=dataset.pk, incident_ids=replaced)
        with sqlite_cache(megabytes=256):
            write_incidents(dataset_id=dataset.pk, drafts=read.incidents.values(), mapping=mapping, resolver=resolver)

        dataset.name = mapping.name
        dataset.source_url = mapping.source_url
        dataset.description = mapping.description
        dataset.imported_at = timezone.now()
        dataset.file_name = Path(path).name[:255]
        dataset.rows_read = read.rows_read
        dataset.rows_skipped = read.rows_skipped
        dataset.incident_count = PoliceIncident.objects.filter(dataset=dataset).count()
        dataset.mapping = json.loads(json.dumps(mapping.raw, default=str))
        dataset.save()
        audit_record(
            actor=actor,
            action="police_data.imported",
            target=dataset,
            details={
                "dataset": dataset.slug,
                "file": dataset.file_name,
                "replace": replace,
                "rows_read": read.rows_read,
                "rows_skipped": read.rows_skipped,
                "created": len(read.incidents) - len(replaced),
                "updated": len(replaced),
            },
        )
    transaction.on_commit(forget_all)  # remembered counts of this worker
    return ImportResult(
        dataset=dataset.slug,
        rows_read=read.rows_read,
        rows_skipped=read.rows_skipped,
        rows_merged=read.rows_merged,
        rows_with_warnings=read.rows_with_warnings,
        created=len(read.incidents) - len(replaced),
        updated=len(replaced),
        incidents=dataset.incident_count,
        problems=read.problems,
        problem_count=read.problem_count,
        unmapped=read.unmapped,
        seconds=time.monotonic() - started,
    )


@dataclass(frozen=True)
class AssignResult:
    agencies: int  # agencies whose region changed
    incidents: int  # incidents whose region changed


def police_regions_assign(*, actor: Any = None) -> AssignResult:
    """Place every incident of every dataset in the region its agency now belongs to (after the rules changed)."""
    resolver = RegionResolver.from_database()
    changed_agencies = 0
    changed_incidents = 0
    with transaction.atomic():
        agencies = (
            PoliceIncident.objects.values_list("state", "agency_id", "agency_name", "region_id").distinct().order_by()
        )
        for state, agency_id, agency_name, region_id in list(agencies):
            new_region = resolver.region_for(state=state, agency_id=agency_id, agency_name=agency_name)
            if new_region == region_id:
                continue
            incidents = PoliceIncident.objects.filter(
                state=state, agency_id=agency_id, agency_name=agency_name, region_id=region_id
            )
            PoliceIncidentCode.objects.filter(incident__in=incidents).update(region_id=new_region)
            changed_incidents += incidents.update(region_id=new_region)
            changed_agencies += 1
        if changed_incidents:
            audit_record(
                actor=actor,
                action="police_data.regions_assigned",
                target_type="policedata.policeagencyregion",
                details={"agencies": changed_agencies, "incidents": changed_incidents},
            )
    transaction.on_commit(forget_all)
    return AssignResult(agencies=changed_agencies, incidents=changed_incidents)


@dataclass
class AgencyRegionsLoadResult:
    created: int = 0
    updated: int = 0
    unknown_regions: list[str] = field(default_factory=list)


def police_agency_regions_load(*, path: Path, actor: Any = None) -> AgencyRegionsLoadResult:
    """Load agency → region rules from a TOML file of ``[[agency]]`` tables (region, state, ori and/or name,
    note). Rules naming a region that does not exist are listed and left out."""
    try:
        with Path(path).open("rb") as file:
            raw = tomllib.load(file)
    except FileNotFoundError as exc:
        raise PoliceImportError(_("There is no file %(path)s.") % {"path": path}) from exc
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise PoliceImportError(
            _("The file %(path)s is not valid TOML: %(error)s") % {"path": path, "error": exc}
        ) from exc
    entries = raw.get("agency")
    if not isinstance(entries, list) or not all(isinstance(entry, dict) for entry in entries):
        raise PoliceImportError(_("The file %(path)s has no [[agency]] tables.") % {"path": path})
    regions = dict(Region.objects.values_list("slug", "pk"))
    result = AgencyRegionsLoadResult()
    with transaction.atomic():
        for number, entry in enumerate(entries, 1):
            state = str(entry.get("state", "")).strip().upper()
            ori = str(entry.get("ori", "")).strip().upper()
            name = str(entry.get("name", "")).strip()
            slug = str(entry.get("region", "")).strip()
            if not state or not (ori or name) or not slug:
                raise PoliceImportError(
                    _("Agency %(number)s in %(path)s needs a region, a state, and an ori or a name.")
                    % {"number": number, "path": path}
                )
            if slug not in regions:
                result.unknown_regions.append(slug)
                continue
            _rule, created = PoliceAgencyRegion.objects.update_or_create(
                state=state,
                ori_pattern=ori,
                name_pattern=name,
                defaults={"region_id": regions[slug], "note": str(entry.get("note", ""))[:200]},
            )
            if created:
                result.created += 1
            else:
                result.updated += 1
        audit_record(
            actor=actor,
            action="police_data.agency_regions_loaded",
            target_type="policedata.policeagencyregion",
            details={"file": Path(path).name, "created": result.created, "updated": result.updated},
        )
    return result
