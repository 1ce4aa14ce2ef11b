"""Demo community programmes in both cities of the network: events, volunteers, learning resources, open calls,
surveys, projects with their evaluation, newsletters and take-action pages. Each step is idempotent."""

from __future__ import annotations

import datetime as dt

from safecommunity.accounts.models import Coalition
from safecommunity.demo.programs_evaluation import seed_evaluation
from safecommunity.demo.programs_events import seed_events
from safecommunity.demo.programs_opencalls import seed_opencalls
from safecommunity.demo.programs_outreach import seed_outreach
from safecommunity.demo.programs_resources import seed_resources
from safecommunity.demo.programs_surveys import seed_surveys
from safecommunity.demo.programs_volunteers import seed_volunteers


def seed_programmes(*, coalitions: dict[str, Coalition], now: dt.datetime, password: str) -> dict[str, int]:
    """Everything the programme pages show, in the order the programmes build on each other: trainings before the
    volunteers who need them, events before their feedback surveys, awards before the projects they fund."""
    made: dict[str, int] = {}
    made.update(seed_events(coalitions=coalitions, now=now))
    made.update(seed_volunteers(coalitions=coalitions, now=now, password=password))
    made.update(seed_resources(coalitions=coalitions, now=now))
    made.update(seed_opencalls(coalitions=coalitions, now=now, password=password))
    made.update(seed_surveys(coalitions=coalitions, now=now))
    made.update(seed_evaluation(coalitions=coalitions, now=now))
    made.update(seed_outreach(coalitions=coalitions, now=now))
    return made
