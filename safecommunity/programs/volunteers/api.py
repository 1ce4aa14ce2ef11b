"""Upcoming volunteer shifts over JSON, for signed-in volunteers (their coalition's shifts only)."""

from __future__ import annotations

import datetime as dt

from django.http import HttpRequest
from ninja import Router, Schema
from ninja.security import django_auth

from safecommunity.accounts.models import User
from safecommunity.core.access import require_api_capability
from safecommunity.core.multilingual import text_in
from safecommunity.core.roles import Capability

from .selectors import upcoming_shifts_for_volunteer

router = Router(tags=["Volunteers"])


class ShiftOut(Schema):
    id: int
    programme: str
    programme_kind: str
    coalition: str
    place: str
    meeting_point: str
    region: str | None
    starts_at: dt.datetime
    ends_at: dt.datetime
    time_zone: str
    size: int
    places_left: int
    signed_up: bool


@router.get("/volunteer/shifts", response=list[ShiftOut], auth=django_auth)
def upcoming_shifts(request: HttpRequest, limit: int = 100, offset: int = 0) -> list[ShiftOut]:
    """The upcoming shifts of the signed-in volunteer's coalition, soonest first, with the places left; texts in
    the request's language."""
    require_api_capability(request, Capability.VOLUNTEER_SHIFTS)
    user = request.user
    assert isinstance(user, User)
    limit = max(1, min(limit, 500))
    shifts = upcoming_shifts_for_volunteer(user=user)[max(0, offset) : max(0, offset) + limit]
    return [
        ShiftOut(
            id=shift.pk,
            programme=text_in(shift.programme.name),
            programme_kind=shift.programme.kind,
            coalition=shift.programme.coalition.slug,
            place=text_in(shift.place),
            meeting_point=text_in(shift.meeting_point),
            region=shift.region.slug if shift.region else None,
            starts_at=shift.starts_at,
            ends_at=shift.ends_at,
            time_zone=shift.time_zone,
            size=shift.size,
            places_left=max(0, shift.places_left),  # type: ignore[attr-defined]
            signed_up=shift.mine,  # type: ignore[attr-defined]
        )
        for shift in shifts
    ]
