"""Turns the demo stories into varied, realistic report drafts with a seeded random generator."""

from __future__ import annotations

import datetime as dt
import random
import string
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, TypeVar

from django.utils import timezone

from safecommunity.demo.stories import (
    AREA_CODES,
    ASSAULT,
    CONTACT_NAMES,
    ENGLISH_ENDINGS,
    LANGUAGE_WEIGHTS,
    PLACES,
    PLATFORMS,
    REGION_BOOST_BY_LANGUAGE,
    REGION_WEIGHTS,
    STORIES,
    VANDALISM,
    Story,
)
from safecommunity.reports.drafts import ReportDraft

T = TypeVar("T")


def _pick(rng: random.Random, weights: Mapping[T, float]) -> T:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _pick_some(rng: random.Random, weights: Mapping[str, float], count: int) -> list[str]:
    remaining = dict(weights)
    chosen: list[str] = []
    while remaining and len(chosen) < count:
        code = _pick(rng, remaining)
        chosen.append(code)
        del remaining[code]
    return chosen


@dataclass
class DemoReport:
    draft: ReportDraft
    language: str
    channel: str
    interpreter_language: str
    staff_entered: bool
    submitted_at: dt.datetime
    updated_at: dt.datetime
    status: str
    contact_methods: list[str]


class DemoReportMaker:
    """Draws one plausible report after another from a seeded generator."""

    def __init__(self, *, rng: random.Random, region_ids: dict[str, int], now: dt.datetime) -> None:
        self.rng = rng
        self.region_ids = region_ids
        self.now = now
        self.today = timezone.localdate(now)
        self.stories_by_language: dict[str, list[Story]] = {}
        for story in STORIES:
            self.stories_by_language.setdefault(story.language, []).append(story)

    def make(self) -> DemoReport:
        rng = self.rng
        language = _pick(rng, LANGUAGE_WEIGHTS)
        stories = self.stories_by_language[language]
        story = rng.choices(stories, weights=[story.weight for story in stories])[0]
        region_slug = self._region_for(story)
        text, place = self._fill(story, region_slug)
        occurred_on, precision, actual_day = self._occurred()
        submitted_at = self._submitted_at(actual_day)
        status, updated_at = self._status(submitted_at)

        contact = self._contact(story, region_slug)
        channel = _pick(rng, {"web": 78, "phone": 9, "in_person": 5, "event": 5, "email": 3})
        staff_entered = channel != "web"
        interpreter = story.language if staff_entered and story.language != "en" and rng.random() < 0.85 else ""
        site_language = "en" if staff_entered or (story.language != "en" and rng.random() < 0.15) else story.language
        if status == "referred" and not contact["may_contact"]:
            status = rng.choice(["in_review", "closed"])  # a referral needs a way to reach the person

        reported = self._reported_to_police(story)
        draft = ReportDraft(
            occurred_on=occurred_on,
            occurred_precision=precision,
            region_id=self.region_ids[region_slug] if region_slug else None,
            incident_types=list(story.incident_types),
            description=text if rng.random() > 0.02 else "",
            description_language="",
            reporter_role=story.role if rng.random() > 0.05 else "prefer_not_to_say",
            time_of_day=_pick(rng, {"morning": 25, "afternoon": 35, "evening": 25, "night": 8, "unknown": 7}),
            location_type=story.location_type,
            place=place if place and rng.random() < 0.5 else "",
            bias_motivations=list(story.bias) if rng.random() > 0.04 else ["unknown"],
            targeted_ethnicities=rng.choice(story.ethnicities).split("+"),
            age_group=story.age or self._age(),
            gender=story.gender if story.gender and rng.random() > 0.05 else self._gender(),
            reported_to_police=reported,
            police_report_number=(
                f"{occurred_on:%y}-{rng.randint(1000, 99999):06d}" if reported == "yes" and rng.random() < 0.6 else ""
            ),
            help_wanted=self._help_wanted(story),
            may_contact=contact["may_contact"],
            # Email is added after submission: demo reporters must not be sent acknowledgements.
            contact_methods=[method for method in contact["methods"] if method != "email"],
            contact_language=story.language if contact["may_contact"] else "",
            contact_name=contact["name"],
            contact_email=contact["email"],
            contact_phone=contact["phone"],
            consent_statistics=rng.random() < 0.9,
        )
        if draft.description:
            draft.description_language = story.language  # known, so no detection task is queued
        return DemoReport(
            draft=draft,
            language=site_language,
            channel=channel,
            interpreter_language=interpreter,
            staff_entered=staff_entered,
            submitted_at=submitted_at,
            updated_at=updated_at,
            status=status,
            contact_methods=contact["methods"],
        )

    def _region_for(self, story: Story) -> str | None:
        if story.location_type == "online" and self.rng.random() < 0.6:
            return None
        boost = REGION_BOOST_BY_LANGUAGE.get(story.language, {})
        weights = {slug: weight * boost.get(slug, 1) for slug, weight in REGION_WEIGHTS.items()}
        return _pick(self.rng, weights)

    def _fill(self, story: Story, region_slug: str | None) -> tuple[str, str]:
        """The story with its places filled in, and the place a reporter might type in the address box."""
        names = [name for _text, name, _spec, _conv in string.Formatter().parse(story.text) if name]
        places = PLACES.get(region_slug or "", {})
        values: dict[str, str] = {}
        for name in names:
            if name == "platform":
                values[name] = self.rng.choice(PLATFORMS)
            else:
                values[name] = self.rng.choice(places.get(name) or PLACES["sacramento"][name])
        text = story.text.format(**values)
        if story.language == "en" and self.rng.random() < 0.3:
            text += self.rng.choice(ENGLISH_ENDINGS)
        place = ""
        for name in names:
            if name in {"store", "street", "station", "park", "school", "clinic"}:
                place = values[name]
                break
            if name == "bus":
                place = f"{values[name]} bus"
                break
        return text, place

    def _occurred(self) -> tuple[dt.date, str, dt.date]:
        """When it happened (as recorded), its precision, and the actual day (for the submission date)."""
        rng = self.rng
        # Most reports are recent; a wave came after an attack was in the news, some 14 months ago.
        days_ago = rng.randint(400, 430) if rng.random() < 0.12 else int(730 * rng.random() ** 1.25)
        actual = self.today - dt.timedelta(days=days_ago)
        if rng.random() < 0.1:
            return actual.replace(day=1), "month", actual
        return actual, "day", actual

    def _submitted_at(self, occurred: dt.date) -> dt.datetime:
        rng = self.rng
        delay = _pick(rng, {0: 35, 1: 15, 2: 10, 3: 5, 7: 15, 20: 12, 60: 8})
        day = min(occurred + dt.timedelta(days=rng.randint(delay // 2, delay)), self.today)
        hour = _pick(rng, {7: 1, 9: 2, 11: 3, 13: 3, 15: 3, 17: 3, 19: 4, 21: 4, 23: 2, 1: 1})
        moment = dt.datetime.combine(day, dt.time(hour, rng.randint(0, 59), rng.randint(0, 59)))
        submitted = timezone.make_aware(moment)
        if submitted > self.now:
            submitted = self.now - dt.timedelta(minutes=rng.randint(5, 600))
        return submitted

    def _status(self, submitted_at: dt.datetime) -> tuple[str, dt.datetime]:
        rng = self.rng
        age_days = (self.now - submitted_at).days
        if age_days < 14:
            status = _pick(rng, {"received": 60, "in_review": 40})
        elif age_days < 60:
            status = _pick(rng, {"received": 15, "in_review": 45, "referred": 25, "closed": 15})
        else:
            status = _pick(rng, {"received": 4, "in_review": 14, "referred": 30, "closed": 52})
        if status == "received":
            return status, submitted_at
        updated = submitted_at + dt.timedelta(hours=rng.randint(2, 24 * max(1, min(age_days, 45))))
        return status, min(updated, self.now)

    def _age(self) -> str:
        weights = {"under_18": 3, "18_25": 15, "26_35": 25, "36_45": 20, "46_60": 15, "over_60": 12, "unknown": 10}
        return "" if self.rng.random() < 0.05 else _pick(self.rng, weights)

    def _gender(self) -> str:
        weights = {"female": 52, "male": 38, "nonbinary": 3, "another": 0.5, "prefer_not_to_say": 4}
        return "" if self.rng.random() < 0.03 else _pick(self.rng, weights)

    def _reported_to_police(self, story: Story) -> str:
        if ASSAULT in story.incident_types or VANDALISM in story.incident_types:
            weights = {"yes": 45, "no": 45, "unknown": 10}
        else:
            weights = {"yes": 8, "no": 75, "unknown": 10}
        return "" if self.rng.random() < 0.07 else _pick(self.rng, weights)

    def _help_wanted(self, story: Story) -> list[str]:
        if self.rng.random() < 0.45:
            return []
        weights = {
            "be_heard": 3.0,
            "mental_health": 3.0,
            "legal": 2.0,
            "safety_planning": 1.5,
            "language": 3.0 if story.language != "en" else 0.5,
            "financial": 1.0,
            "medical": 3.0 if ASSAULT in story.incident_types else 0.5,
        }
        return _pick_some(self.rng, weights, _pick(self.rng, {1: 6, 2: 3, 3: 1}))

    def _contact(self, story: Story, region_slug: str | None) -> dict[str, Any]:
        rng = self.rng
        if rng.random() > 0.14:
            return {"may_contact": False, "methods": [], "name": "", "email": "", "phone": ""}
        methods = _pick_some(rng, {"email": 4, "phone": 3, "text": 2}, _pick(rng, {1: 3, 2: 1}))
        name, handle = rng.choice(CONTACT_NAMES[story.language])
        area = AREA_CODES.get(region_slug or "", "916")
        email = f"{handle}{rng.randint(1, 99)}@{rng.choice(['example.com', 'example.org', 'example.net'])}"
        return {
            "may_contact": True,
            "methods": methods,
            "name": name if rng.random() < 0.7 else "",
            "email": email if "email" in methods or rng.random() < 0.3 else "",
            # 555-0100 to 555-0199 are reserved for fiction.
            "phone": f"({area}) 555-01{rng.randint(0, 99):02d}" if {"phone", "text"} & set(methods) else "",
        }
