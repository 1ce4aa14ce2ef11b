from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from safecommunity.core import taxonomy
from safecommunity.reports.drafts import ReportDraft
from safecommunity.reports.fields import (
    CHOICE,
    MONTHS,
    ONLINE,
    PHONE,
    YEARS_BACK,
    AttachmentsField,
    DayField,
    KeyField,
    SharedChoiceField,
    TextField,
    YesField,
    checkboxes,
    contact_language_choices,
    interpreter_language_choices,
    max_length,
    radio,
    region_choices,
    set_choices,
    text,
    year_choices,
)


class ReportForm(forms.Form):
    """The public report form. Only what happened, roughly when and where are required."""

    reporter_role = radio(taxonomy.REPORTER_ROLES, _("Who are you in this report?"))
    incident_types = checkboxes(taxonomy.INCIDENT_TYPES, _("What happened?"), help_text=_("Choose all that apply."))
    description = text(
        _("Tell us what happened, in your own words"),
        10_000,
        textarea=True,
        help_text=_("Write in any language. Do not include anything you would not want us to know."),
    )
    occurred_on = DayField(
        label=_("On what day did it happen?"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        input_formats=["%Y-%m-%d"],
        error_messages={"invalid": _("Please enter the date as year, month and day, for example 2024-03-21.")},
    )
    occurred_month = SharedChoiceField(
        label=_("Month"), choices=[("", ""), *MONTHS], required=False, error_messages=CHOICE
    )
    occurred_year = SharedChoiceField(label=_("Year"), choices=(), required=False, error_messages=CHOICE)
    time_of_day = radio(taxonomy.TIMES_OF_DAY, _("At what time of day?"))
    where = SharedChoiceField(label=_("Where did it happen?"), choices=(), required=False, error_messages=CHOICE)
    location_type = SharedChoiceField(
        label=_("What kind of place was it?"),
        choices=[("", _("Choose a kind of place")), *taxonomy.LOCATION_TYPES.choices],
        required=False,
        error_messages=CHOICE,
    )
    place = text(
        _("Address, cross streets or name of the place"),
        300,
        help_text=_("Optional. This is kept encrypted and only trusted staff can see it."),
    )
    bias_motivations = checkboxes(
        taxonomy.BIAS_MOTIVATIONS, _("Why do you think this happened?"), help_text=_("Choose all that apply.")
    )
    targeted_ethnicities = checkboxes(
        taxonomy.TARGETED_ETHNICITIES,
        _("What is the ethnicity of the person targeted?"),
        help_text=_("Choose all that apply."),
    )
    age_group = radio(taxonomy.AGE_GROUPS, _("How old is the person targeted?"))
    gender = radio(taxonomy.GENDERS, _("What is the gender of the person targeted?"))
    reported_to_police = radio(taxonomy.POLICE_REPORTED, _("Was it reported to the police?"))
    police_report_number = text(_("Police report number, if you have one"), 100)
    help_wanted = checkboxes(
        taxonomy.HELP_WANTED, _("What help would you like?"), help_text=_("Choose all that apply.")
    )
    may_contact = SharedChoiceField(
        label=_("May we contact you?"),
        choices=[("no", _("No, do not contact me")), ("yes", _("Yes, you may contact me"))],
        widget=forms.RadioSelect,
        required=False,
        error_messages=CHOICE,
    )
    contact_methods = checkboxes(taxonomy.CONTACT_METHODS, _("How may we contact you?"))
    contact_name = text(_("Your name or what we should call you"), 200)
    contact_email = text(_("Email address"), 254, widget=forms.EmailInput)
    contact_phone = text(_("Phone number"), 40, widget=forms.TextInput(attrs={"type": "tel"}))
    contact_language = SharedChoiceField(
        label=_("In which language should we contact you?"), choices=(), required=False, error_messages=CHOICE
    )
    consent_statistics = YesField(
        label=_("You may include my report, without my name or contact details, in public statistics."),
        required=False,
        initial=True,
    )
    attachments = AttachmentsField(
        label=_("Photos or documents"),
        required=False,
        help_text=_(
            "Optional. Up to 5 photos (JPEG, PNG, WebP) or PDFs, 10 MB each. We remove location data from photos."
        ),
    )
    # Hidden from people and screen readers; bots that fill every field reveal themselves here.
    website = TextField(required=False, label=_("Leave this field empty"))
    submission_key = KeyField(
        required=False,
        widget=forms.HiddenInput,
        error_messages={"invalid": _("This form has expired. Please reload the page and send it again.")},
    )

    SECTIONS = {
        "what": ["reporter_role", "incident_types", "description"],
        "when": ["occurred_on", "occurred_month", "occurred_year", "time_of_day"],
        "where": ["where", "location_type", "place"],
        "who": ["bias_motivations", "targeted_ethnicities", "age_group", "gender"],
        "police": ["reported_to_police", "police_report_number"],
        "help": ["help_wanted", "may_contact", "contact_methods", "contact_name", "contact_email",
                 "contact_phone", "contact_language"],
        "evidence": ["attachments"],
    }  # fmt: skip

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["submission_key"].initial = uuid.uuid4()
        # Needed in part (types or description; a day or a month; a region or online): never labelled optional.
        for name in ("incident_types", "description", "occurred_on", "occurred_month", "occurred_year", "where"):
            self.fields[name].needed = True  # type: ignore[attr-defined]
        self.fields["attachments"].widget.attrs["data-too-large"] = _(
            "Please choose at most 5 files of up to 10 MB each."
        )
        set_choices(self.fields["where"], region_choices())
        set_choices(self.fields["occurred_year"], year_choices())
        set_choices(self.fields["contact_language"], contact_language_choices())

    def _section_open(self, section: str) -> bool:
        """Optional sections stay open when they hold an error or anything the person entered."""
        names = self.SECTIONS[section]
        if not self.is_bound:
            return False
        return any(name in self.errors for name in names) or any(
            self.data.get(name) or self.files.get(name) for name in names
        )

    @property
    def who_open(self) -> bool:
        return self._section_open("who")

    @property
    def police_open(self) -> bool:
        return self._section_open("police")

    @property
    def evidence_open(self) -> bool:
        return self._section_open("evidence")

    @property
    def files_asked_again(self) -> bool:
        return self.is_bound and bool(self.files) and bool(self.errors)

    @property
    def is_spam(self) -> bool:
        return bool(self.cleaned_data.get("website"))

    def clean_contact_email(self) -> str:
        email: str = self.cleaned_data.get("contact_email", "").strip()
        if email:
            try:
                validate_email(email)
            except ValidationError as error:
                message = _("Please enter an email address like name@example.com.")
                raise ValidationError(message, code="invalid_email") from error
        return email

    def clean_contact_phone(self) -> str:
        phone: str = self.cleaned_data.get("contact_phone", "").strip()
        if phone and not PHONE.match(phone):
            raise ValidationError(
                _("Please enter a phone number using digits, for example 916 555 0123."), code="phone"
            )
        return phone

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("incident_types") and not (data.get("description") or "").strip():
            self.add_error(
                "incident_types", ValidationError(_("Please choose what happened, or describe it below."), code="what")
            )
        self._clean_when(data)
        if not data.get("where") and data.get("location_type") != ONLINE:
            self.add_error("where", ValidationError(_("Please choose where it happened, or “online”."), code="where"))
        if data.get("may_contact") == "yes":
            self._clean_contact(data)
        return data

    def _clean_when(self, data: dict[str, Any]) -> None:
        today = timezone.localdate()
        earliest = today.replace(year=today.year - YEARS_BACK, month=1, day=1)
        day = data.get("occurred_on")
        month, year = data.get("occurred_month"), data.get("occurred_year")
        if "occurred_on" in self.errors:
            return
        if day:
            if day > today:
                self.add_error("occurred_on", ValidationError(_("This date is in the future."), code="future"))
            elif day < earliest:
                self.add_error("occurred_on", ValidationError(_("This date is too long ago."), code="too_old"))
            else:
                data["occurred"], data["occurred_precision"] = day, "day"
            return
        if month and year:
            first = dt.date(int(year), int(month), 1)
            if first > today:
                self.add_error("occurred_month", ValidationError(_("This month is in the future."), code="future"))
            else:
                data["occurred"], data["occurred_precision"] = first, "month"
            return
        message = (
            _("Please choose the year as well as the month.")
            if month
            else _("Please give the date, or at least the month and year.")
        )
        self.add_error("occurred_on", ValidationError(message, code="when"))

    def _clean_contact(self, data: dict[str, Any]) -> None:
        methods = data.get("contact_methods") or []
        if not methods:
            self.add_error(
                "contact_methods", ValidationError(_("Please choose how we may contact you."), code="no_method")
            )
        if "email" in methods and not data.get("contact_email") and "contact_email" not in self.errors:
            self.add_error("contact_email", ValidationError(_("Please enter your email address."), code="need_email"))
        if {"phone", "text"} & set(methods) and not data.get("contact_phone") and "contact_phone" not in self.errors:
            self.add_error("contact_phone", ValidationError(_("Please enter your phone number."), code="need_phone"))

    def to_draft(self) -> ReportDraft:
        data = self.cleaned_data
        where = data.get("where") or ""
        may_contact = data.get("may_contact") == "yes"
        location_type = ONLINE if where == ONLINE else data.get("location_type", "")
        reported = data.get("reported_to_police", "")
        return ReportDraft(
            occurred_on=data["occurred"],
            occurred_precision=data["occurred_precision"],
            region_id=int(where) if where and where != ONLINE else None,
            incident_types=list(data.get("incident_types") or []),
            description=(data.get("description") or "").strip(),
            reporter_role=data.get("reporter_role", ""),
            time_of_day=data.get("time_of_day", ""),
            location_type=location_type,
            place=data.get("place", "").strip(),
            bias_motivations=list(data.get("bias_motivations") or []),
            targeted_ethnicities=list(data.get("targeted_ethnicities") or []),
            age_group=data.get("age_group", ""),
            gender=data.get("gender", ""),
            reported_to_police=reported,
            police_report_number=data.get("police_report_number", "").strip() if reported == "yes" else "",
            help_wanted=list(data.get("help_wanted") or []),
            may_contact=may_contact,
            contact_methods=list(data.get("contact_methods") or []) if may_contact else [],
            contact_language=data.get("contact_language", "") if may_contact else "",
            contact_name=data.get("contact_name", "").strip() if may_contact else "",
            contact_email=data.get("contact_email", "") if may_contact else "",
            contact_phone=data.get("contact_phone", "") if may_contact else "",
            consent_statistics=bool(data.get("consent_statistics")),
        )


class StaffIntakeForm(ReportForm):
    """A report taken by staff: by phone, in person, at an event or by email."""

    channel = SharedChoiceField(
        label=_("How was this report received?"),
        choices=[(code, label) for code, label in taxonomy.CHANNELS.choices if code not in {"web", "partner"}],
        error_messages=CHOICE,
    )
    interpreter_language = SharedChoiceField(
        label=_("Interpreter language used, if any"), choices=(), required=False, error_messages=CHOICE
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        del self.fields["website"]
        set_choices(self.fields["interpreter_language"], interpreter_language_choices())
        self.order_fields(["channel", "interpreter_language"])

    @property
    def is_spam(self) -> bool:
        return False


class FollowUpLookupForm(forms.Form):
    code = forms.CharField(
        label=_("Your receipt code"),
        max_length=40,
        help_text=_("It looks like ABCD-2345-EFGH-6789. Capital or small letters both work."),
        error_messages={"required": _("Please enter your receipt code."), **max_length(40)},
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}),
    )

    @staticmethod
    def not_found_error() -> ValidationError:
        return ValidationError(
            _("We could not find a report with this code. Please check it and try again."), code="not_found"
        )


class FollowUpAddForm(forms.Form):
    text = forms.CharField(
        label=_("Anything you would like to add"),
        max_length=10_000,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": _("Please write what you would like to add."), **max_length(10_000)},
    )
    attachments = AttachmentsField(
        label=_("Photos or documents"),
        required=False,
        help_text=_(
            "Optional. Up to 5 photos (JPEG, PNG, WebP) or PDFs, 10 MB each. We remove location data from photos."
        ),
    )


class FollowUpConsentForm(forms.Form):
    """The reporter stops the use of their report in statistics and/or stops us contacting them."""

    prefix = "consent"

    stop_statistics = forms.BooleanField(label=_("Stop using my report in statistics"), required=False)
    stop_contact = forms.BooleanField(label=_("Stop contacting me"), required=False)
    confirm = forms.BooleanField(
        label=_("I understand that this takes effect at once."),
        error_messages={"required": _("Please tick the box to confirm.")},
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("stop_statistics") and not data.get("stop_contact"):
            raise ValidationError(
                _("Please choose what you would like us to stop: statistics, contacting you, or both."),
                code="nothing_chosen",
            )
        return data


class FollowUpWithdrawForm(forms.Form):
    """The reporter withdraws their report and asks for their personal data to be erased."""

    prefix = "withdraw"

    confirm = forms.BooleanField(
        label=_(
            "I understand that my report will be withdrawn and my personal data erased, and that this cannot be undone."
        ),
        error_messages={"required": _("Please tick the box to confirm that you want to withdraw your report.")},
    )


class ReplyForm(forms.Form):
    """Staff write to a reporter, who reads it on the follow-up page with their receipt code."""

    text = forms.CharField(
        label=_("Your message to the reporter"),
        max_length=10_000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("The reporter reads it when they come back with their receipt code."),
        error_messages={"required": _("Please write your reply."), **max_length(10_000)},
    )
    language = SharedChoiceField(
        label=_("Language of your message"),
        choices=[("", "")],
        error_messages=CHOICE,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        from django.conf import settings

        set_choices(self.fields["language"], list(settings.LANGUAGES))
