"""Writes of volunteers: signing up for a shift and cancelling, attendance and hours, reminders.

Signing up is safe against two people taking the last place at once and against one volunteer taking two
overlapping shifts at once: the volunteer's row, then the shift's row, are locked for the transaction
(``select_for_update`` on PostgreSQL; on SQLite transactions begin IMMEDIATE, so writers are one at a time).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from safecommunity.accounts.models import User
from safecommunity.core.audit import audit_record
from safecommunity.core.multilingual import text_in
from safecommunity.core.tasks import enqueue_on_commit

from .models import Shift, ShiftSignup
from .selectors import missing_requirements


class SignupRefused(Exception):
    """The sign-up (or cancellation) cannot be done; ``message`` says why, translated, as a whole sentence."""

    def __init__(self, message: str, *, code: str) -> None:
        super().__init__(message)
        self.message = message
        self.code = code


def _locked(*, shift_id: int, volunteer: User) -> Shift:
    # Always the volunteer first, then the shift: the same order everywhere, so no two sign-ups deadlock.
    User.objects.select_for_update().filter(pk=volunteer.pk).values_list("pk", flat=True).first()
    return Shift.objects.select_for_update().select_related("programme").get(pk=shift_id)


@transaction.atomic
def shift_sign_up(*, shift_id: int, volunteer: User, now: dt.datetime | None = None) -> ShiftSignup:
    """Sign ``volunteer`` up for the shift, or raise ``SignupRefused``: it has started, they are signed up already,
    they have not completed the programme's required training, it overlaps another of their shifts, or it is full."""
    now = now or timezone.now()
    shift = _locked(shift_id=shift_id, volunteer=volunteer)
    if shift.starts_at <= now:
        raise SignupRefused(_("This shift has already started, so it is no longer open for sign-up."), code="started")
    existing = ShiftSignup.objects.filter(shift=shift, volunteer=volunteer).first()
    if existing is not None and existing.status == ShiftSignup.Status.SIGNED_UP:
        raise SignupRefused(_("You are already signed up for this shift."), code="already")
    missing = missing_requirements(volunteer=volunteer, programme=shift.programme)
    if missing:
        raise SignupRefused(
            _(
                "Before you can take a shift of this programme, please complete its required training: "
                "%(trainings)s. Your training page lists the next sessions."
            )
            % {"trainings": "; ".join(text_in(requirement.name) for requirement in missing)},
            code="training",
        )
    overlapping = (
        ShiftSignup.objects.filter(
            volunteer=volunteer,
            status=ShiftSignup.Status.SIGNED_UP,
            shift__starts_at__lt=shift.ends_at,
            shift__ends_at__gt=shift.starts_at,
        )
        .exclude(shift=shift)
        .select_related("shift__programme")
        .first()
    )
    if overlapping is not None:
        raise SignupRefused(
            _(
                "This shift overlaps another shift you signed up for (%(other)s). "
                "Please cancel that one first if you would rather take this one."
            )
            % {"other": text_in(overlapping.shift.programme.name)},
            code="overlap",
        )
    taken = ShiftSignup.objects.filter(shift=shift, status=ShiftSignup.Status.SIGNED_UP).count()
    if taken >= shift.size:
        raise SignupRefused(_("This shift is full. Please choose another one."), code="full")
    if existing is None:
        signup = ShiftSignup.objects.create(shift=shift, volunteer=volunteer, status=ShiftSignup.Status.SIGNED_UP)
    else:
        existing.status, existing.cancelled_at, existing.reminder_sent_at = ShiftSignup.Status.SIGNED_UP, None, None
        existing.save(update_fields=["status", "cancelled_at", "reminder_sent_at"])
        signup = existing
    audit_record(actor=volunteer, action="volunteers.shift_signed_up", target=signup, details={"shift": shift.pk})
    from .tasks import send_signup_confirmation

    enqueue_on_commit(send_signup_confirmation, signup_id=signup.pk)
    return signup


@transaction.atomic
def shift_signup_cancel(*, shift_id: int, volunteer: User, now: dt.datetime | None = None) -> ShiftSignup:
    """Cancel the volunteer's place on a shift that has not started; the place opens for someone else."""
    now = now or timezone.now()
    shift = _locked(shift_id=shift_id, volunteer=volunteer)
    signup = ShiftSignup.objects.filter(shift=shift, volunteer=volunteer, status=ShiftSignup.Status.SIGNED_UP).first()
    if signup is None:
        raise SignupRefused(_("You are not signed up for this shift."), code="not_signed_up")
    if shift.starts_at <= now:
        raise SignupRefused(
            _("This shift has already started, so it can no longer be cancelled here. Please tell the shift lead."),
            code="started",
        )
    signup.status, signup.cancelled_at = ShiftSignup.Status.CANCELLED, now
    signup.save(update_fields=["status", "cancelled_at"])
    audit_record(actor=volunteer, action="volunteers.shift_cancelled", target=signup, details={"shift": shift.pk})
    from .tasks import send_signup_cancellation

    enqueue_on_commit(send_signup_cancellation, signup_id=signup.pk)
    return signup


@dataclass(frozen=True)
class AttendanceMark:
    signup_id: int
    attended: bool | None
    hours: Decimal | None


@transaction.atomic
def shift_attendance_record(*, actor: User, shift: Shift, marks: list[AttendanceMark]) -> int:
    """The lead (or an organiser) marks who came and confirms their hours; returns how many sign-ups changed."""
    now = timezone.now()
    signups = {
        signup.pk: signup
        for signup in ShiftSignup.objects.select_for_update().filter(
            shift=shift, pk__in=[mark.signup_id for mark in marks]
        )
    }
    changed = 0
    for mark in marks:
        signup = signups.get(mark.signup_id)
        if signup is None:
            continue
        hours = mark.hours if mark.attended else None
        if signup.attended == mark.attended and signup.hours == hours:
            continue
        signup.attended, signup.hours = mark.attended, hours
        signup.hours_confirmed_by = actor if mark.attended is not None else None
        signup.hours_confirmed_at = now if mark.attended is not None else None
        signup.save(update_fields=["attended", "hours", "hours_confirmed_by", "hours_confirmed_at"])
        changed += 1
    if changed:
        audit_record(actor=actor, action="volunteers.attendance_recorded", target=shift, details={"signups": changed})
    return changed


def shift_reminders_send(*, now: dt.datetime | None = None, within: dt.timedelta = dt.timedelta(hours=24)) -> int:
    """Remind every volunteer whose shift starts within ``within`` (24 hours) and who was not reminded yet.

    Each sign-up is claimed (``reminder_sent_at`` set) before its e-mail is sent, so two runs at once, or a run
    every hour, never send the same reminder twice; a failed e-mail is released for the next run."""
    from .tasks import send_shift_reminder

    now = now or timezone.now()
    due = ShiftSignup.objects.filter(
        status=ShiftSignup.Status.SIGNED_UP,
        reminder_sent_at__isnull=True,
        shift__starts_at__gt=now,
        shift__starts_at__lte=now + within,
    ).values_list("pk", flat=True)
    sent = 0
    for signup_id in list(due):
        claimed = ShiftSignup.objects.filter(pk=signup_id, reminder_sent_at__isnull=True).update(reminder_sent_at=now)
        if not claimed:
            continue
        try:
            send_shift_reminder.call(signup_id=signup_id)
        except Exception:
            ShiftSignup.objects.filter(pk=signup_id).update(reminder_sent_at=None)
            raise
        sent += 1
    return sent
