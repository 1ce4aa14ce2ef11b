"""Key findings of a brief: whole translated sentences with their numbers, written from the brief's figures.

Every sentence is one translatable string with named placeholders; numbers and
dates are formatted for the language active when ``key_findings`` runs (a brief
is rendered inside ``translation.override(brief.language)``). A public brief's
figures are published (suppressed) numbers, so a finding whose inputs are hidden
is simply left out: nothing here is ever worked out from a hidden count.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from safecommunity.core import taxonomy
from safecommunity.insights.aggregates import NOT_STATED
from safecommunity.insights.suppression import COMPLEMENTARY, PublishedBreakdown, PublishedRow


@dataclass
class PoliceYear:
    year: int
    community: PublishedRow  # the brief's count of community reports that year (maybe hidden)
    police: int  # hate crimes the police recorded in the same regions that year


@dataclass
class PoliceSeries:
    dataset: str
    name: str
    years: list[PoliceYear] = field(default_factory=list)


@dataclass
class BriefFigures:
    """A brief's snapshot, with labels in the active language."""

    exact: bool
    threshold: int
    date_from: dt.date
    date_to: dt.date
    total: int | None
    tables: dict[str, PublishedBreakdown]
    previous_from: dt.date | None = None
    previous_to: dt.date | None = None
    previous_total: int | None = None
    previous_regions: PublishedBreakdown | None = None
    police: list[PoliceSeries] = field(default_factory=list)

    def table(self, dimension: str) -> PublishedBreakdown | None:
        return self.tables.get(dimension)


@dataclass
class Finding:
    key: str
    text: str


def number(value: int | float, decimals: int = 0) -> str:
    """A number as the active language writes it."""
    if decimals:
        return formats.number_format(round(value, decimals), decimal_pos=decimals, use_l10n=True)
    return formats.number_format(round(value), use_l10n=True, force_grouping=True)


def day(value: dt.date) -> str:
    return formats.date_format(value, "DATE_FORMAT", use_l10n=True)


def key_findings(figures: BriefFigures) -> list[Finding]:
    """The findings that the figures support, most general first."""
    if figures.total is None:
        return []
    candidates = [
        _total(figures),
        _previous_period(figures),
        _top_region(figures),
        _top_two(
            figures,
            "incident_types",
            one=_("The most common type of incident was “%(first)s”, in %(first_percent)s%% of reports."),
            two=_(
                "The most common types of incident were “%(first)s” (%(first_percent)s%% of reports) "
                "and “%(second)s” (%(second_percent)s%%)."
            ),
        ),
        _top_two(
            figures,
            "location_type",
            one=_("The most common type of place was “%(first)s”, in %(first_percent)s%% of reports."),
            two=_(
                "Incidents happened most often in the type of place “%(first)s” (%(first_percent)s%% of reports), "
                "followed by “%(second)s” (%(second_percent)s%%)."
            ),
        ),
        _top_two(
            figures,
            "bias_motivations",
            one=_("The suspected reason named most often was “%(first)s”, in %(first_percent)s%% of reports."),
            two=_(
                "The suspected reasons named most often were “%(first)s” (%(first_percent)s%% of reports) "
                "and “%(second)s” (%(second_percent)s%%)."
            ),
        ),
        _top_two(
            figures,
            "targeted_ethnicities",
            one=_("The people targeted were most often %(first)s, in %(first_percent)s%% of reports."),
            two=_(
                "The people targeted were most often %(first)s (%(first_percent)s%% of reports), "
                "followed by %(second)s (%(second_percent)s%%)."
            ),
        ),
        _top_two(
            figures,
            "age_group",
            one=_(
                "The most common age group of the people targeted was “%(first)s”, in %(first_percent)s%% of reports."
            ),
            two=None,
        ),
        _gender_ratio(figures),
        *_police(figures),
    ]
    return [finding for finding in candidates if finding is not None]


def _total(figures: BriefFigures) -> Finding | None:
    assert figures.total is not None
    text = ngettext(
        "%(count)s report of a hate incident between %(start)s and %(end)s counts in this brief.",
        "%(count)s reports of hate incidents between %(start)s and %(end)s count in this brief.",
        figures.total,
    ) % {"count": number(figures.total), "start": day(figures.date_from), "end": day(figures.date_to)}
    return Finding("total", text)


def _previous_period(figures: BriefFigures) -> Finding | None:
    current, previous = figures.total, figures.previous_total
    if current is None or previous is None or previous == 0:
        return None
    change = round(100 * (current - previous) / previous)
    values = {"count": number(current), "change": number(abs(change)), "previous": number(previous)}
    if change > 0:
        text = ngettext(
            "%(count)s report, %(change)s%% more than in the previous period of the same length (%(previous)s).",
            "%(count)s reports, %(change)s%% more than in the previous period of the same length (%(previous)s).",
            current,
        )
    elif change < 0:
        text = ngettext(
            "%(count)s report, %(change)s%% fewer than in the previous period of the same length (%(previous)s).",
            "%(count)s reports, %(change)s%% fewer than in the previous period of the same length (%(previous)s).",
            current,
        )
    else:
        text = _("About as many reports as in the previous period of the same length (%(previous)s).")
    return Finding("previous_period", text % values)


def _top_region(figures: BriefFigures) -> Finding | None:
    regions = figures.table("region")
    if regions is None or len([row for row in regions.rows if row.code != NOT_STATED]) < 2:
        return None
    top = _top_rows(regions, 1)
    if not top:
        return None
    row = top[0]
    assert row.percent is not None
    text = _("%(percent)s%% of reports came from %(region)s.") % {"percent": number(row.percent), "region": row.label}
    return Finding("top_region", text)


def _top_two(figures: BriefFigures, dimension: str, *, one: str, two: str | None) -> Finding | None:
    table = figures.table(dimension)
    if table is None:
        return None
    top = _top_rows(table, 2 if two else 1)
    if not top:
        return None
    values = {"first": top[0].label, "first_percent": number(top[0].percent or 0)}
    if len(top) == 2 and two:
        values |= {"second": top[1].label, "second_percent": number(top[1].percent or 0)}
        return Finding(dimension, two % values)
    return Finding(dimension, one % values)


def _top_rows(table: PublishedBreakdown, how_many: int) -> list[PublishedRow]:
    """The largest published categories that say something (not "not stated" or "not sure").

    A hidden cell is either below the threshold, or was hidden to protect another and is then
    one of the smallest (suppression hides the smallest visible cells first): the largest visible
    cells are the largest, unless they are no larger than the smallest visible one.
    """
    if table.total is None:
        return []
    vocabulary = taxonomy.VOCABULARIES.get(table.dimension)
    unknown = vocabulary.unknown_codes if vocabulary else frozenset()
    rows = [row for row in table.rows if row.code != NOT_STATED and row.code not in unknown]
    visible = sorted((row for row in rows if row.count), key=lambda row: -(row.count or 0))
    top = visible[:how_many]
    # A tie at the edge would make the choice arbitrary: keep only rows that are strictly ahead.
    if len(visible) > len(top) and top and visible[len(top)].count == top[-1].count:
        top = [row for row in top if (row.count or 0) > (visible[len(top)].count or 0)]
    if top and any(row.hidden == COMPLEMENTARY for row in table.rows):
        smallest = min(row.count or 0 for row in table.rows if row.count)
        top = [row for row in top if (row.count or 0) > smallest]
    return top


def _gender_ratio(figures: BriefFigures) -> Finding | None:
    genders = figures.table("gender")
    if genders is None or genders.total is None:
        return None
    women = next((row for row in genders.rows if row.code == "female"), None)
    men = next((row for row in genders.rows if row.code == "male"), None)
    if not women or not men or not women.count or not men.count:
        return None
    assert women.percent is not None and men.percent is not None
    values = {"women": number(women.percent), "men": number(men.percent)}
    if women.count >= men.count:
        ratio = women.count / men.count
        if round(ratio, 1) == 1.0:
            return Finding(
                "gender",
                _("Women and men were targeted about equally often (%(women)s%% and %(men)s%% of reports).") % values,
            )
        text = _(
            "Women and girls were %(ratio)s times as likely to be targeted as men and boys "
            "(%(women)s%% of reports compared with %(men)s%%)."
        )
    else:
        ratio = men.count / women.count
        if round(ratio, 1) == 1.0:
            return Finding(
                "gender",
                _("Women and men were targeted about equally often (%(women)s%% and %(men)s%% of reports).") % values,
            )
        text = _(
            "Men and boys were %(ratio)s times as likely to be targeted as women and girls "
            "(%(men)s%% of reports compared with %(women)s%%)."
        )
    return Finding("gender", text % (values | {"ratio": number(ratio, 1)}))


def _police(figures: BriefFigures) -> list[Finding | None]:
    findings: list[Finding | None] = []
    for series in figures.police:
        compared = [year for year in series.years if year.community.count is not None]
        if not compared:
            continue
        latest = compared[-1]
        assert latest.community.count is not None
        values = {
            "year": str(latest.year),
            "community": number(latest.community.count),
            "police": number(latest.police),
            "source": series.name,
        }
        if latest.police == 0:
            text = _(
                "In %(year)s the police recorded no hate crimes in these regions (%(source)s), "
                "while %(community)s incidents were reported to the coalition."
            )
        else:
            values["ratio"] = number(latest.community.count / latest.police, 1)
            text = _(
                "In %(year)s, for every hate crime the police recorded in these regions (%(source)s: %(police)s), "
                "%(ratio)s incidents were reported to the coalition (%(community)s)."
            )
        findings.append(Finding(f"police:{series.dataset}", text % values))
    return findings
