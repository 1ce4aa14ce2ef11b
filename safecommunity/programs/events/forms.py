"""Forms of the events: the organiser's event form, the public registration form and the calendar filters."""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _

from safecommunity.accounts.models import Coalition, Organisation
from safecommunity.core.models import Region
from safecommunity.core.multilingual import MultilingualField
from safecommunity.programs.events.models import Event
from safecommunity.programs.events.services import EventDetails

# Time zones an organiser may choose for an event (IANA names; the coalition's own is added when missing).
COMMON_TIME_ZONES = [
    "America/Los_Angeles",
    "America/Denver",
    "America/Phoenix",
    "America/Chicago",
    "America/New_York",
    "America/Anchorage",
    "Pacific/Honolulu",
    "America/Toronto",
    "America/Vancouver",
    "America/Mexico_City",
    "Europe/London",
    "Europe/Paris",
    "Europe/Berlin",
    "Asia/Ho_Chi_Minh",
    "Asia/Manila",
    "Asia/Seoul",
    "Asia/Taipei",
    "Asia/Hong_Kong",
    "Asia/Shanghai",
    "Asia/Tokyo",
    "Asia/Kolkata",
    "Asia/Dubai",
    "Australia/Sydney",
    "UTC",
]
DATETIME_INPUT = "%Y-%m-%dT%H:%M"


def language_choices() -> list[tuple[str, str]]:
    return [(code, get_language_info(code)["name_local"]) for code, _name in settings.LANGUAGES]


class LocalDateTimeField(forms.DateTimeField):
    """A date and time as written on the event's clock: kept naive here, placed in the event's zone by the form."""

    widget = forms.DateTimeInput(attrs={"type": "datetime-local"}, format=DATETIME_INPUT)
    input_formats = [DATETIME_INPUT, "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S"]

    def to_python(self, value: Any) -> dt.datetime | None:
        if value in self.empty_values:
            return None
        if isinstance(value, dt.datetime):
            return value.replace(tzinfo=None)
        for pattern in self.input_formats:
            try:
                return dt.datetime.strptime(str(value).strip(), pattern)
            except ValueError:
                continue
        raise forms.ValidationError(self.error_messages["invalid"], code="invalid")

    def prepare_value(self, value: Any) -> Any:
        return value


class EventForm(forms.Form):
    title = MultilingualField(label=_("Title"), max_length=200)
    description = MultilingualField(label=_("Description"), multiline=True, required=False)
    kind = forms.ChoiceField(label=_("Kind of event"), choices=Event.Kind.choices)
    format = forms.ChoiceField(label=_("Format"), choices=Event.Format.choices, widget=forms.RadioSelect)
    languages = forms.MultipleChoiceField(
        label=_("Languages it is held or interpreted in"),
        choices=(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    speakers = forms.CharField(
        label=_("Speakers"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("One speaker a line: name | role | organisation (the role and organisation may be left out)."),
    )
    organisation = forms.ModelChoiceField(
        label=_("Organisation running the event"),
        queryset=Organisation.objects.none(),
        required=False,
        empty_label=_("The coalition"),
    )
    partners = forms.ModelMultipleChoiceField(
        label=_("Partner organisations taking part"),
        queryset=Organisation.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    region = forms.ModelChoiceField(label=_("Region"), queryset=Region.objects.none(), required=False)
    venue = forms.CharField(label=_("Venue"), max_length=200, required=False)
    address = forms.CharField(label=_("Address"), max_length=300, required=False)
    online_url = forms.URLField(
        label=_("Online link"), required=False, assume_scheme="https", help_text=_("Sent to registered people only.")
    )
    time_zone = forms.ChoiceField(label=_("Time zone"))
    starts_at = LocalDateTimeField(label=_("Starts"), help_text=_("In the time zone chosen above."))
    ends_at = LocalDateTimeField(label=_("Ends"), help_text=_("In the time zone chosen above."))
    capacity = forms.IntegerField(
        label=_("Capacity"), min_value=1, required=False, help_text=_("Leave empty for no limit.")
    )
    allow_anonymous_registration = forms.BooleanField(
        label=_("People may register without giving their name."), required=False
    )

    def __init__(self, *args: Any, coalition: Coalition, event: Event | None = None, **kwargs: Any) -> None:
        if event is not None and "initial" not in kwargs:
            kwargs["initial"] = initial_for(event)
        super().__init__(*args, **kwargs)
        self.coalition = coalition
        self.fields["languages"].choices = language_choices()  # type: ignore[attr-defined]
        organisations = coalition.organisations.filter(is_active=True).order_by("name")
        self.fields["organisation"].queryset = organisations  # type: ignore[attr-defined]
        self.fields["partners"].queryset = organisations  # type: ignore[attr-defined]
        self.fields["region"].queryset = (  # type: ignore[attr-defined]
            Region.objects.filter(region_set_id=coalition.region_set_id, is_active=True)
            if coalition.region_set_id
            else Region.objects.none()
        )
        zones = list(COMMON_TIME_ZONES)
        for extra in (coalition.time_zone, event.time_zone if event else ""):
            if extra and extra not in zones:
                zones.insert(0, extra)
        self.fields["time_zone"].choices = [(zone, zone.replace("_", " ")) for zone in zones]  # type: ignore[attr-defined]
        if event is None:
            self.fields["time_zone"].initial = coalition.time_zone

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        zone_name = data.get("time_zone")
        starts, ends = data.get("starts_at"), data.get("ends_at")
        if zone_name and starts and ends:
            zone = ZoneInfo(zone_name)
            data["starts_at"] = starts.replace(tzinfo=zone)
            data["ends_at"] = ends.replace(tzinfo=zone)
            if data["ends_at"] <= data["starts_at"]:
                self.add_error("ends_at", _("The event must end after it starts."))
        if data.get("format") in {Event.Format.IN_PERSON, Event.Format.HYBRID} and not (
            data.get("venue") or data.get("address")
        ):
            self.add_error("venue", _("Give the venue or the address of an event held in person."))
        return data

    def clean_speakers(self) -> list[dict[str, Any]]:
        from django.utils.translation import get_language

        speakers = []
        language = get_language() or settings.LANGUAGE_CODE
        for line in self.cleaned_data.get("speakers", "").splitlines():
            parts = [part.strip() for part in line.split("|")]
            if not parts or not parts[0]:
                continue
            role = parts[1] if len(parts) > 1 else ""
            speakers.append(
                {
                    "name": parts[0][:200],
                    "role": {language: role[:200]} if role else {},
                    "organisation": (parts[2] if len(parts) > 2 else "")[:200],
                }
            )
        return speakers

    def to_details(self) -> EventDetails:
        data = self.cleaned_data
        region = data.get("region")
        return EventDetails(
            title=data["title"],
            description=data.get("description") or {},
            kind=data["kind"],
            format=data["format"],
            starts_at=data["starts_at"],
            ends_at=data["ends_at"],
            time_zone=data["time_zone"],
            speakers=data["speakers"],
            languages=list(data.get("languages") or []),
            organisation=data.get("organisation"),
            partners=list(data.get("partners") or []),
            region_id=region.pk if region else None,
            venue=data.get("venue", ""),
            address=data.get("address", ""),
            online_url=data.get("online_url", ""),
            capacity=data.get("capacity"),
            allow_anonymous_registration=bool(data.get("allow_anonymous_registration")),
        )


def initial_for(event: Event) -> dict[str, Any]:
    from safecommunity.core.multilingual import text_in

    zone = ZoneInfo(event.time_zone)
    speakers = "\n".join(
        " | ".join(
            part
            for part in (speaker.get("name", ""), text_in(speaker.get("role") or {}), speaker.get("organisation", ""))
        ).rstrip(" |")
        for speaker in event.speakers or []
    )
    return {
        "title": event.title,
        "description": event.description,
        "kind": event.kind,
        "format": event.format,
        "languages": event.languages,
        "speakers": speakers,
        "organisation": event.organisation_id,
        "partners": [partner.pk for partner in event.partners.all()] if event.pk else [],
        "region": event.region_id,
        "venue": event.venue,
        "address": event.address,
        "online_url": event.online_url,
        "time_zone": event.time_zone,
        "starts_at": timezone.localtime(event.starts_at, zone).replace(tzinfo=None),
        "ends_at": timezone.localtime(event.ends_at, zone).replace(tzinfo=None),
        "capacity": event.capacity,
        "allow_anonymous_registration": event.allow_anonymous_registration,
    }


class RegistrationForm(forms.Form):
    name = forms.CharField(label=_("Your name"), max_length=200, required=False)
    email = forms.EmailField(
        label=_("Your e-mail address"),
        help_text=_("We send your confirmation and a reminder here, and nothing else."),
    )
    language = forms.ChoiceField(label=_("Language for our e-mails"), choices=())
    access_needs = forms.CharField(
        label=_("Accessibility needs"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For example a wheelchair-accessible seat, captions, a sign language interpreter."),
    )
    interpretation_language = forms.ChoiceField(label=_("Interpretation into a language"), required=False, choices=())
    # A field people do not see (bots fill it in); rendered by hand in the template.
    website = forms.CharField(required=False, label=_("Leave this empty"))

    def __init__(self, *args: Any, event: Event, language: str, **kwargs: Any) -> None:
        kwargs.setdefault("initial", {"language": language})
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = language_choices()  # type: ignore[attr-defined]
        self.fields["interpretation_language"].choices = [("", _("No interpretation needed"))] + language_choices()  # type: ignore[attr-defined]
        if not event.allow_anonymous_registration:
            self.fields["name"].required = True
        else:
            self.fields["name"].help_text = _("You may leave your name out.")

    @property
    def is_spam(self) -> bool:
        return bool(self.cleaned_data.get("website"))


class CalendarFilterForm(forms.Form):
    language = forms.ChoiceField(label=_("Language"), required=False)
    region = forms.ChoiceField(label=_("Region"), required=False)
    coalition = forms.ChoiceField(label=_("City"), required=False)
    kind = forms.ChoiceField(label=_("Kind of event"), required=False)
    format = forms.ChoiceField(label=_("Format"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = [("", _("Any language"))] + language_choices()  # type: ignore[attr-defined]
        self.fields["region"].choices = [("", _("Any region"))] + [  # type: ignore[attr-defined]
            (region.slug, region.name)
            for region in Region.objects.filter(is_active=True, region_set__coalitions__isnull=False)
            .distinct()
            .order_by("name")
        ]
        self.fields["coalition"].choices = [("", _("Any city"))] + [  # type: ignore[attr-defined]
            (coalition.slug, coalition.name) for coalition in Coalition.objects.order_by("name")
        ]
        self.fields["kind"].choices = [("", _("Any kind"))] + list(Event.Kind.choices)  # type: ignore[attr-defined]
        self.fields["format"].choices = [("", _("Any format"))] + list(Event.Format.choices)  # type: ignore[attr-defined]
