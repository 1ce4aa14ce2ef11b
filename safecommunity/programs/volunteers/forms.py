"""Forms of the volunteer pages: programmes, shifts (entered in the shift's time zone), required trainings and
the attendance sheet of a shift."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django import forms
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from safecommunity.accounts.models import Coalition, Organisation, User
from safecommunity.core.models import Region
from safecommunity.core.multilingual import MultilingualField, text_in
from safecommunity.programs.events.models import Event

from .models import Programme, Shift, ShiftSignup
from .selectors import leads_for, training_events_for

LOCAL_FORMAT = "%Y-%m-%dT%H:%M"


class ProgrammeForm(forms.Form):
    coalition = forms.ModelChoiceField(
        label=_("Coalition"), queryset=Coalition.objects.none(), empty_label=None, required=True
    )
    kind = forms.ChoiceField(label=_("Kind of programme"), choices=Programme.Kind.choices, widget=forms.RadioSelect)
    name = MultilingualField(label=_("Name"), max_length=200)
    description = MultilingualField(label=_("What volunteers do"), multiline=True, required=False)
    organisation = forms.ModelChoiceField(
        label=_("Partner organisation that runs it"),
        queryset=Organisation.objects.none(),
        required=False,
        help_text=_("The programme's hours count towards this organisation's projects."),
    )
    is_active = forms.BooleanField(label=_("Open to volunteers"), required=False, initial=True)

    def __init__(self, *args: Any, coalition: Coalition | None, **kwargs: Any) -> None:
        """``coalition``: the organiser's own (fixed), or None for an administrator of no organisation, who picks."""
        super().__init__(*args, **kwargs)
        if coalition is not None:
            del self.fields["coalition"]
            self.fields["organisation"].queryset = Organisation.objects.filter(coalition=coalition, is_active=True)  # type: ignore[attr-defined]
        else:
            self.fields["coalition"].queryset = Coalition.objects.all()  # type: ignore[attr-defined]
            self.fields["organisation"].queryset = Organisation.objects.filter(is_active=True)  # type: ignore[attr-defined]
        self.fixed_coalition = coalition

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        coalition = self.fixed_coalition or data.get("coalition")
        organisation = data.get("organisation")
        if organisation is not None and coalition is not None and organisation.coalition_id != coalition.pk:
            self.add_error("organisation", _("Choose an organisation of the programme's coalition."))
        data["coalition"] = coalition
        return data

    @staticmethod
    def initial_for(programme: Programme) -> dict[str, Any]:
        return {
            "coalition": programme.coalition_id,
            "kind": programme.kind,
            "name": programme.name,
            "description": programme.description,
            "organisation": programme.organisation_id,
            "is_active": programme.is_active,
        }


class LocalDateTimeField(forms.DateTimeField):
    """A date and time typed as the clock shows it in the shift's time zone; made aware in ``clean`` of the form."""

    widget = forms.DateTimeInput(attrs={"type": "datetime-local"}, format=LOCAL_FORMAT)
    input_formats = [LOCAL_FORMAT, "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S"]


class ShiftForm(forms.Form):
    place = MultilingualField(label=_("Place"), max_length=200)
    meeting_point = MultilingualField(label=_("Meeting point"), required=False, max_length=200)
    region = forms.ModelChoiceField(label=_("Region"), queryset=Region.objects.none(), required=False)
    time_zone = forms.CharField(
        label=_("Time zone"), max_length=64, help_text=_("The times below are in this time zone.")
    )
    starts_at = LocalDateTimeField(label=_("Starts at"))
    ends_at = LocalDateTimeField(label=_("Ends at"))
    size = forms.IntegerField(label=_("Number of volunteers needed"), min_value=1, max_value=500)
    lead = forms.ModelChoiceField(label=_("Shift lead"), queryset=User.objects.none(), required=False)
    notes = forms.CharField(
        label=_("Notes for the volunteers"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=2000,
        help_text=_("What to bring, whom to call on the day… Shown to the volunteers who sign up."),
    )

    def __init__(self, *args: Any, programme: Programme, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        coalition = programme.coalition
        regions = Region.objects.filter(region_set_id=coalition.region_set_id) if coalition.region_set_id else None
        self.fields["region"].queryset = regions if regions is not None else Region.objects.all()  # type: ignore[attr-defined]
        self.fields["lead"].queryset = leads_for(coalition=coalition)  # type: ignore[attr-defined]
        self.fields["lead"].label_from_instance = lambda user: user.get_full_name() or user.username  # type: ignore[attr-defined]
        self.fields["time_zone"].initial = coalition.time_zone

    def clean_time_zone(self) -> str:
        value = self.cleaned_data["time_zone"].strip()
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise forms.ValidationError(
                _("Enter a time zone name such as America/Los_Angeles."), code="time_zone"
            ) from None
        return value

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        zone_name = data.get("time_zone")
        if not zone_name:
            return data
        zone = ZoneInfo(zone_name)
        for name in ("starts_at", "ends_at"):
            value = data.get(name)
            if isinstance(value, dt.datetime):
                # The field read the clock time in the site's zone; keep the clock time, in the shift's zone.
                wall = timezone.make_naive(value) if timezone.is_aware(value) else value
                data[name] = wall.replace(tzinfo=zone)
        starts, ends = data.get("starts_at"), data.get("ends_at")
        if starts and ends and ends <= starts:
            self.add_error("ends_at", _("The shift must end after it starts."))
        elif starts and ends and ends - starts > dt.timedelta(hours=24):
            self.add_error("ends_at", _("A shift cannot last more than 24 hours. Please split it into several shifts."))
        return data

    @staticmethod
    def initial_for(shift: Shift) -> dict[str, Any]:
        zone = ZoneInfo(shift.time_zone)
        return {
            "place": shift.place,
            "meeting_point": shift.meeting_point,
            "region": shift.region_id,
            "time_zone": shift.time_zone,
            "starts_at": shift.starts_at.astimezone(zone).replace(tzinfo=None),
            "ends_at": shift.ends_at.astimezone(zone).replace(tzinfo=None),
            "size": shift.size,
            "lead": shift.lead_id,
            "notes": shift.notes,
        }


class SessionChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        event: Event = obj
        when = formats.date_format(event.starts_at.astimezone(ZoneInfo(event.time_zone)), "SHORT_DATETIME_FORMAT")
        return f"{text_in(event.title)} ({when})"


class RequirementForm(forms.Form):
    name = MultilingualField(label=_("Name of the training"), max_length=200)
    sessions = SessionChoiceField(
        label=_("Training events that count"),
        queryset=Event.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("A volunteer who was checked in at any one of these events has completed the training."),
    )

    def __init__(self, *args: Any, programme: Programme, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["sessions"].queryset = training_events_for(coalition=programme.coalition)  # type: ignore[attr-defined]


ATTENDANCE_CHOICES = [("", _("Not marked yet")), ("yes", _("Came")), ("no", _("Did not come"))]


class AttendanceForm(forms.Form):
    """One "came / did not come" choice and one number of hours for each volunteer signed up."""

    def __init__(self, *args: Any, signups: list[ShiftSignup], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.signups = signups
        for signup in signups:
            name = signup.volunteer.get_full_name() or signup.volunteer.username
            self.fields[f"attended_{signup.pk}"] = forms.ChoiceField(
                label=_("Did %(name)s come?") % {"name": name},
                choices=ATTENDANCE_CHOICES,
                required=False,
                widget=forms.RadioSelect,
                initial="" if signup.attended is None else ("yes" if signup.attended else "no"),
            )
            self.fields[f"hours_{signup.pk}"] = forms.DecimalField(
                label=_("Hours %(name)s volunteered") % {"name": name},
                min_value=Decimal("0"),
                max_value=Decimal("24"),
                decimal_places=2,
                required=False,
                initial=signup.hours,
            )

    def rows(self) -> list[tuple[ShiftSignup, forms.BoundField, forms.BoundField]]:
        return [(signup, self[f"attended_{signup.pk}"], self[f"hours_{signup.pk}"]) for signup in self.signups]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        for signup in self.signups:
            attended, hours = data.get(f"attended_{signup.pk}"), data.get(f"hours_{signup.pk}")
            if hours is not None and attended != "yes":
                self.add_error(f"hours_{signup.pk}", _("Hours can only be logged for a volunteer who came."))
            if attended == "yes" and hours is None:
                self.add_error(f"hours_{signup.pk}", _("Enter the hours this volunteer gave, for example 2.5."))
        return data

    def marks(self) -> list[tuple[int, bool | None, Decimal | None]]:
        result = []
        for signup in self.signups:
            attended = self.cleaned_data.get(f"attended_{signup.pk}") or ""
            result.append(
                (
                    signup.pk,
                    None if attended == "" else attended == "yes",
                    self.cleaned_data.get(f"hours_{signup.pk}"),
                )
            )
        return result
