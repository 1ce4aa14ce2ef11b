"""Demo data for the statistics: a few years of history, the FBI's hate-crime file and two published briefs.

The FBI file shipped with the project ends in 2020, so the demo also makes reports for
2019 and 2020 (as if the coalition had collected them since then): the Greater Sacramento
brief for those years can then put community reports and police-recorded hate crimes
side by side.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.conf import settings
from django.utils import timezone

from safecommunity.demo.maker import DemoReportMaker
from safecommunity.insights.engine import Selection
from safecommunity.insights.models import Brief
from safecommunity.insights.services import statistics_refresh_all
from safecommunity.insights.services_briefs import brief_create, brief_publish
from safecommunity.policedata.mapping import FBI_MAPPING, load_mapping
from safecommunity.policedata.models import PoliceDataset
from safecommunity.policedata.services import police_agency_regions_load, police_dataset_import, police_regions_assign
from safecommunity.reports.models import Report
from safecommunity.reports.services import report_submit

FBI_FILE = Path(settings.BASE_DIR) / "data" / "fbi" / "hate_crime_1991_2020.zip"
AGENCY_REGIONS = Path(settings.BASE_DIR) / "safecommunity" / "policedata" / "data" / "agency_regions_demo.toml"
HISTORY_END = dt.datetime(2020, 12, 31, 18, 0, tzinfo=dt.UTC)


@dataclass
class StatisticsDemo:
    history_reports: int
    police_incidents: int
    briefs: int


def seed_history(*, count: int, seed: int, region_ids: dict[str, int]) -> int:
    """Reports of 2019 and 2020, made like the recent ones but as if it were the end of 2020."""
    maker = DemoReportMaker(rng=random.Random(seed + 2020), region_ids=region_ids, now=HISTORY_END)
    for _ in range(count):
        demo = maker.make()
        submitted = report_submit(draft=demo.draft, language=demo.language, channel=demo.channel)
        Report.objects.filter(pk=submitted.report.pk).update(
            submitted_at=demo.submitted_at, updated_at=demo.updated_at, status="closed"
        )
    return count


def ensure_police_data() -> int:
    """The FBI's hate-crime incidents, placed in the demo regions (imported once; about half a minute)."""
    dataset = PoliceDataset.objects.filter(slug="fbi").first()
    if dataset is None or not dataset.imported_at:
        police_dataset_import(path=FBI_FILE, mapping=load_mapping(FBI_MAPPING))
    police_agency_regions_load(path=AGENCY_REGIONS)
    police_regions_assign()
    return int(PoliceDataset.objects.get(slug="fbi").incidents.count())


def ensure_demo_briefs(*, analyst: Any) -> int:
    """Two published public briefs, so the public list, its feed and the PDFs have something to show."""
    if Brief.objects.exists():
        return 0
    today = timezone.localdate()
    last_year = today.replace(day=1) - dt.timedelta(days=1)
    briefs = [
        (Selection(dt.date(2019, 1, 1), dt.date(2020, 12, 31), ("sacramento", "yolo", "placer", "el-dorado")), "en"),
        (
            Selection(
                last_year.replace(year=last_year.year - 1) + dt.timedelta(days=1),
                last_year,
                ("san-francisco", "alameda", "san-mateo", "santa-clara", "contra-costa"),
            ),
            "zh-hant",
        ),
    ]
    for selection, language in briefs:
        brief = brief_create(actor=analyst, selection=selection, language=language, audience="public")
        brief_publish(actor=analyst, brief=brief)
    return len(briefs)


def seed_statistics(
    *, seed: int, region_ids: dict[str, int], analyst: Any, history: int, police_data: bool = True
) -> StatisticsDemo:
    made = seed_history(count=history, seed=seed, region_ids=region_ids) if history else 0
    # Demo reports are back-dated, which the statistics' look at recent changes would not see: recompute them.
    statistics_refresh_all()
    incidents = ensure_police_data() if police_data else 0
    briefs = ensure_demo_briefs(analyst=analyst)
    return StatisticsDemo(history_reports=made, police_incidents=incidents, briefs=briefs)
