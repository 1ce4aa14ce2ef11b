"""Forms of the case pages. Each action on a case has its own small form with its own prefix,
so that all of them fit on the case page with unique field ids."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from safecommunity.accounts.models import Organisation, User
from safecommunity.directory.languages import LANGUAGE_NAMES
from safecommunity.directory.models import Service
from safecommunity.reports.models import Report

from .models import Case, ConsentRecord, ContactLogEntry, NeedsAssessment
from .selectors import assignable_caseworkers, organisations_for_cases, reference_prefix, services_for_referral
from .services_referrals import SHAREABLE_FIELDS


def _language_choices(empty_label: Any) -> list[tuple[str, Any]]:
    return [("", empty_label), *LANGUAGE_NAMES.items()]


class StaffChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        user: User = obj
        name = user.get_full_name() or user.username
        if user.organisation_id:
            return _("%(name)s (%(organisation)s)") % {"name": name, "organisation": user.organisation}
        return name


class ServiceChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        service: Service = obj
        return _("%(service)s (%(organisation)s)") % {"service": service.name, "organisation": service.organisation}


class CaseOpenForm(forms.Form):
    reports = forms.MultipleChoiceField(
        label=_("Reports the case is opened from"),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one report to open a case from.")},
    )
    organisation = forms.ModelChoiceField(
        label=_("Organisation that runs the case"),
        queryset=Organisation.objects.none(),
        error_messages={"required": _("Choose the organisation that runs the case.")},
    )
    caseworker = StaffChoiceField(
        label=_("Caseworker"),
        queryset=User.objects.none(),
        required=False,
        empty_label=_("Nobody yet"),
        help_text=_("Someone of the organisation that runs the case. You can assign the case later."),
    )
    preferred_language = forms.ChoiceField(label=_("The survivor's preferred language"), required=False)
    interpreter_needed = forms.BooleanField(label=_("An interpreter is needed"), required=False)
    consent_contact = forms.BooleanField(label=_("The survivor agrees to be contacted"), required=False)
    consent_share = forms.BooleanField(
        label=_("The survivor agrees that their information is shared with partner organisations"), required=False
    )
    consent_statistics = forms.BooleanField(
        label=_("The survivor agrees that their report is used in anonymised statistics"), required=False
    )
    consent_how = forms.ChoiceField(
        label=_("How the survivor gave these answers"),
        choices=ConsentRecord.How.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Say how the survivor gave their answers.")},
    )

    def __init__(self, *args: Any, reports: list[Report], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.available = {str(report.public_id): report for report in reports}
        self.fields["reports"].choices = [  # type: ignore[attr-defined]
            (
                str(report.public_id),
                _("Report %(reference)s, sent on %(date)s")
                % {"reference": report.reference, "date": report.submitted_at.date().isoformat()},
            )
            for report in reports
        ]
        self.fields["organisation"].queryset = organisations_for_cases()  # type: ignore[attr-defined]
        self.fields["caseworker"].queryset = User.objects.filter(  # type: ignore[attr-defined]
            is_active=True, organisation__isnull=False, role__in=["caseworker", "intake_coordinator"]
        ).select_related("organisation")
        self.fields["preferred_language"].choices = _language_choices(_("Not known"))  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        organisation, caseworker = cleaned.get("organisation"), cleaned.get("caseworker")
        if organisation is not None and caseworker is not None and caseworker.organisation_id != organisation.pk:
            self.add_error("caseworker", _("The caseworker must work for the organisation that runs the case."))
        return cleaned

    def chosen_reports(self) -> list[Report]:
        return [self.available[key] for key in self.cleaned_data["reports"]]

    def consents(self) -> dict[str, bool]:
        return {
            kind: bool(self.cleaned_data[f"consent_{kind}"])
            for kind in (ConsentRecord.Kind.CONTACT, ConsentRecord.Kind.SHARE, ConsentRecord.Kind.STATISTICS)
        }


class CaseSearchForm(forms.Form):
    q = forms.CharField(
        label=_("Case or report reference"),
        required=False,
        max_length=40,
        help_text=_("The 8 letters and digits of a case or report reference."),
    )
    status = forms.ChoiceField(label=_("Status"), required=False)
    caseworker = forms.ChoiceField(label=_("Caseworker"), required=False)

    def __init__(self, *args: Any, caseworkers: list[User], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [("", _("Any status")), *Case.Status.choices]  # type: ignore[attr-defined]
        self.fields["caseworker"].choices = [  # type: ignore[attr-defined]
            ("", _("Anyone")),
            ("none", _("Nobody yet")),
            *((str(user.pk), user.get_full_name() or user.username) for user in caseworkers),
        ]

    def clean_q(self) -> str:
        value: str = self.cleaned_data["q"].strip()
        if value and reference_prefix(value) is None:
            raise forms.ValidationError(
                _("A reference is made of the letters A to F and digits, for example 3FA85F64."), code="invalid"
            )
        return value


class StatusForm(forms.Form):
    prefix = "status"
    status = forms.ChoiceField(
        label=_("Status"),
        choices=[(value, label) for value, label in Case.Status.choices if value != Case.Status.CLOSED],
        error_messages={"required": _("Choose the case's status."), "invalid_choice": _("Choose the case's status.")},
    )


class CloseForm(forms.Form):
    prefix = "close"
    outcome = forms.ChoiceField(
        label=_("Outcome"),
        choices=Case.Outcome.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose the outcome of the case.")},
    )


class AssignForm(forms.Form):
    prefix = "assign"
    caseworker = StaffChoiceField(
        label=_("Caseworker"), queryset=User.objects.none(), required=False, empty_label=_("Nobody yet")
    )

    def __init__(self, *args: Any, case: Case, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["caseworker"].queryset = assignable_caseworkers(  # type: ignore[attr-defined]
            organisation=case.organisation
        ).select_related("organisation")
        self.fields["caseworker"].initial = case.caseworker_id


class TransferForm(forms.Form):
    prefix = "transfer"
    to_organisation = forms.ModelChoiceField(
        label=_("Organisation that takes over the case"),
        queryset=Organisation.objects.none(),
        error_messages={"required": _("Choose the organisation that takes over the case.")},
    )

    def __init__(self, *args: Any, case: Case, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["to_organisation"].queryset = organisations_for_cases().exclude(  # type: ignore[attr-defined]
            pk=case.organisation_id
        )


class ConsentForm(forms.Form):
    prefix = "consent"
    kind = forms.ChoiceField(
        label=_("Consent to"),
        choices=ConsentRecord.Kind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose what the consent is about.")},
    )
    given = forms.ChoiceField(
        label=_("The survivor's answer"),
        choices=[("yes", _("Yes, they agree")), ("no", _("No, they do not agree or they withdrew"))],
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose the survivor's answer.")},
    )
    how = forms.ChoiceField(
        label=_("How they gave it"),
        choices=ConsentRecord.How.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose how the survivor gave their answer.")},
    )


class AssessmentForm(forms.Form):
    prefix = "assessment"
    notes = forms.CharField(
        label=_("Notes on the assessment"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )

    def __init__(self, *args: Any, current: NeedsAssessment | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        levels = (current.levels if current else {}) or {}
        for domain, label in NeedsAssessment.Domain.choices:
            self.fields[domain] = forms.ChoiceField(
                label=label,
                choices=NeedsAssessment.Level.choices,
                widget=forms.RadioSelect,
                initial=levels.get(domain, NeedsAssessment.Level.NONE),
                error_messages={"required": _("Choose a level of need for this area.")},
            )
        # Keep the notes field last.
        self.fields["notes"] = self.fields.pop("notes")

    def levels(self) -> dict[str, str]:
        return {domain: self.cleaned_data[domain] for domain in NeedsAssessment.Domain.values}


class SafetyPlanForm(forms.Form):
    prefix = "plan"
    text = forms.CharField(
        label=_("Safety plan"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("What the survivor will do to stay safe, who they can call, and where they can go."),
    )


class NoteForm(forms.Form):
    prefix = "note"
    text = forms.CharField(
        label=_("Note"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=10000,
        error_messages={"required": _("Write the note before saving it.")},
    )


class TaskForm(forms.Form):
    prefix = "task"
    title = forms.CharField(
        label=_("Task"),
        max_length=200,
        error_messages={"required": _("Say what needs to be done.")},
        help_text=_("Keep names and contact details out of the title: it is shown in lists."),
    )
    due_on = forms.DateField(
        label=_("Due on"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={
            "required": _("Give the date the task is due."),
            "invalid": _("Enter a date such as 2026-03-14."),
        },
    )
    assigned_to = StaffChoiceField(
        label=_("Who does it"), queryset=User.objects.none(), required=False, empty_label=_("The case's caseworker")
    )

    def __init__(self, *args: Any, case: Case, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["assigned_to"].queryset = assignable_caseworkers(  # type: ignore[attr-defined]
            organisation=case.organisation
        ).select_related("organisation")


class ContactForm(forms.Form):
    prefix = "contact"
    method = forms.ChoiceField(
        label=_("How"),
        choices=ContactLogEntry.Method.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose how you contacted the survivor.")},
    )
    result = forms.ChoiceField(
        label=_("Result"),
        choices=ContactLogEntry.Result.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose the result of the contact.")},
    )
    contacted_at = forms.DateTimeField(
        label=_("When"),
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S"],
        help_text=_("Leave empty for now."),
        error_messages={"invalid": _("Enter a date and time such as 2026-03-14 15:30.")},
    )
    interpreter_language = forms.ChoiceField(label=_("Interpreter language, if one helped"), required=False)
    note = forms.CharField(label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["interpreter_language"].choices = _language_choices(  # type: ignore[attr-defined]
            _("No interpreter")
        )

    def clean_contacted_at(self) -> Any:
        value = self.cleaned_data.get("contacted_at")
        if value is not None and value > timezone.now() + dt.timedelta(minutes=5):
            raise forms.ValidationError(_("A contact cannot be in the future."), code="future")
        return value


class FollowUpForm(forms.Form):
    prefix = "follow_up"
    on = forms.DateField(
        label=_("Next follow-up on"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("Leave empty when no follow-up is planned."),
        error_messages={"invalid": _("Enter a date such as 2026-03-14.")},
    )


class ReferralForm(forms.Form):
    prefix = "referral"
    service = ServiceChoiceField(
        label=_("Service"),
        queryset=Service.objects.none(),
        error_messages={
            "required": _("Choose the service to refer the survivor to."),
            "invalid_choice": _("Choose the service to refer the survivor to."),
        },
    )
    shared_fields = forms.MultipleChoiceField(
        label=_("What to share with the service"),
        choices=SHAREABLE_FIELDS,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Share only what the service needs. The service sees exactly this and nothing else of the case."),
        error_messages={"required": _("Tick at least one thing to share with the service.")},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["service"].queryset = services_for_referral()  # type: ignore[attr-defined]


class ReferralResponseForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Your answer"),
        choices=[("accept", _("Accept the referral")), ("decline", _("Decline the referral"))],
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose whether you accept the referral.")},
    )
    reason = forms.CharField(
        label=_("Why you decline"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Needed when you decline. The referring caseworker reads it."),
    )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get("decision") == "decline" and not (cleaned.get("reason") or "").strip():
            self.add_error("reason", _("Say why the referral is declined."))
        return cleaned
