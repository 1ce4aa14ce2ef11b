"""Forms of the triage screens: the queue's filters and the coordinator's decisions on a report."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from safecommunity.core.selectors import regions_for_forms
from safecommunity.reports.models import Report, ReportLink
from safecommunity.reports.selectors import ONLINE_REGION
from safecommunity.reports.triage import SETTABLE_VERIFICATION
from safecommunity.reports.urgency import FLAG_CODES, FLAG_LABELS


class TriageFilterForm(forms.Form):
    verification = forms.ChoiceField(label=_("Verification"), required=False)
    flag = forms.ChoiceField(label=_("Urgency flag"), required=False)
    region = forms.ChoiceField(label=_("Region"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        fields: dict[str, Any] = self.fields
        fields["verification"].choices = [("", _("Any state")), *Report.Verification.choices]
        fields["flag"].choices = [("", _("Any flag or none")), *((code, FLAG_LABELS[code]) for code in FLAG_CODES)]
        fields["region"].choices = [
            ("", _("Every region")),
            (ONLINE_REGION, _("Online")),
            *((region.slug, region.name) for region in regions_for_forms()),
        ]


class VerificationForm(forms.Form):
    verification = forms.ChoiceField(
        label=_("Verification"),
        widget=forms.RadioSelect,
        choices=[(code, label) for code, label in Report.Verification.choices if code in SETTABLE_VERIFICATION],
        error_messages={
            "required": _("Please choose a verification state."),
            "invalid_choice": _("Please choose one of the verification states offered."),
        },
    )


class OtherReportForm(forms.Form):
    """The other report of a pair decision (merge, unmerge, related, not the same incident)."""

    other = forms.UUIDField(
        widget=forms.HiddenInput,
        error_messages={"required": _("Please choose a report."), "invalid": _("Please choose a report.")},
    )


class UnlinkForm(OtherReportForm):
    kind = forms.ChoiceField(choices=ReportLink.Kind.choices, widget=forms.HiddenInput)
